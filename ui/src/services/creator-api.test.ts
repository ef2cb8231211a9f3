import { beforeEach, describe, expect, it } from 'vitest';
import { binary, FakeServer, json, logIn, problem } from '../test/fakes';
import { api, ApiError, AuthError } from './api';

const tokens = (access: string, refresh: string) => ({ access_token: access, refresh_token: refresh, expires_in: 900, user: { username: 'ana', role: 'user' } });

describe('ApiClient: previews, samples and uploads', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
  });

  it('fetches an image with the token and refreshes it once on 401', async () => {
    logIn('old', 'R1');
    server.once('GET', '/api/captions/preview', problem(401, { title: 'Unauthorized' }));
    server.on('GET', '/api/captions/preview', binary('image/png', [137, 80, 78, 71]));
    server.on('POST', '/api/auth/refresh', json(200, tokens('new', 'R2')));
    const look = { aspect: '9:16', caption_style: 'karaoke', caption_position: 'bottom', caption_font: null, caption_color: '#FFFFFF', caption_highlight: '#FFFF00', caption_size: 100 } as const;

    const blob = await api.captionPreview(look, 'ja', '日本語 & <b>', undefined);
    expect(blob.type).toBe('image/png');
    expect(blob.size).toBe(4);
    const [first, second] = server.calls('GET', '/api/captions/preview');
    expect(first!.headers.authorization).toBe('Bearer old');
    expect(second!.headers.authorization).toBe('Bearer new');
    // Every value travels URL-encoded; an unset font is left out.
    expect(second!.query.get('text')).toBe('日本語 & <b>');
    expect(second!.query.has('caption_font')).toBe(false);
    expect(second!.headers.accept).toBe('*/*');
  });

  it('names the field of a refused preview', async () => {
    logIn();
    server.on('GET', '/api/voices/sample', problem(400, { title: 'Invalid request', field: 'voice', rule: 'is not a voice of fr' }));
    const e = await api.voiceSample('xx', 'fr').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).field).toBe('voice');
    expect((e as ApiError).rule).toBe('is not a voice of fr');
  });

  it('uploads a raw file with its content type, reports progress, and replays it once after a refresh', async () => {
    logIn('old', 'R1');
    server.once('PUT', '/api/videos/v1/blocks/2/media', problem(401, { title: 'Unauthorized' }));
    server.on('PUT', '/api/videos/v1/blocks/2/media', json(200, { video_id: 'v1' }));
    server.on('POST', '/api/auth/refresh', json(200, tokens('new', 'R2')));
    const progress: number[] = [];
    const file = new File([new Uint8Array(1000)], 'a b.mp4', { type: 'video/mp4' });

    const doc = await api.uploadBlockMedia('v1', 2, file, 'a b.mp4', true, { contentType: 'video/mp4', onProgress: (f) => progress.push(f) });
    expect(doc).toEqual({ video_id: 'v1' });
    const calls = server.calls('PUT', '/api/videos/v1/blocks/2/media');
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(calls[1]!.body).toBe(file);
    expect(calls[1]!.headers['content-type']).toBe('video/mp4');
    expect(Object.fromEntries(calls[1]!.query)).toEqual({ keep_sound: 'true', name: 'a b.mp4' });
    expect(progress.at(-1)).toBe(1);
  });

  it('maps an upload refused for size to an ApiError 413, and a refused refresh to AuthError', async () => {
    logIn('old', 'R1');
    server.once('POST', '/api/music', problem(413, { title: 'Payload Too Large' }));
    await expect(api.uploadMusic(new Blob(['x']), 'T', [], { contentType: 'audio/mpeg' })).rejects.toMatchObject({ status: 413 });
    server.on('POST', '/api/music', problem(401, { title: 'Unauthorized' }));
    server.on('POST', '/api/auth/refresh', problem(401, { title: 'Unauthorized' }));
    await expect(api.uploadMusic(new Blob(['x']), 'T', ['calm'], { contentType: 'audio/mpeg' })).rejects.toBeInstanceOf(AuthError);
    expect(server.calls('POST', '/api/music')[1]!.query.get('moods')).toBe('calm');
  });

  it('stops an upload when asked', async () => {
    logIn();
    server.uploadGate = new Promise(() => undefined);
    const ctrl = new AbortController();
    const pending = api.uploadMusic(new Blob(['x']), 'T', [], { contentType: 'audio/wav', signal: ctrl.signal });
    ctrl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
