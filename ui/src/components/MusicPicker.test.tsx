import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../services/api';
import { binary, FakeServer, installLiveFakes, json, logIn, noContent, problem } from '../test/fakes';
import { renderApp } from '../test/render';
import { moodsOf, parseMoods } from './MusicPicker';

const CALM = { id: 'trk_00112233445566aa', title: 'Ocean drift', moods: ['calm', 'sea'], duration_seconds: 95 };
const EPIC = { id: 'trk_ffeeddccbbaa9988', title: 'Storm', moods: ['epic'], duration_seconds: 61 };

async function openLook(user: ReturnType<typeof userEvent.setup>) {
  await renderApp('/create?language=en');
  await user.type(screen.getByTestId('theme-input'), 'Volcanoes');
  await user.click(screen.getByTestId('look-summary'));
  return screen.findByTestId('music-picker');
}

describe('Music on the Create page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 0, unpriced: [] }));
    server.on('GET', '/api/captions/preview', binary('image/png'));
    server.on('GET', '/api/music', json(200, { items: [CALM, EPIC] }));
    server.on('POST', '/api/videos', json(202, { video_id: 'vid_20260201_203648_k3f9' }));
    server.on('GET', '/api/videos/vid_20260201_203648_k3f9', json(404, {}));
  });

  it('offers no music, each mood of the library and each track; sends the track and a changed volume', async () => {
    const user = userEvent.setup({ delay: null });
    await openLook(user);
    const select = screen.getByTestId('music-select');
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'No music', 'Mood: calm', 'Mood: epic', 'Mood: sea', 'Ocean drift (1 min 35 s)', 'Storm (1 min 01 s)',
    ]));
    // The volume means nothing without music.
    expect(screen.queryByTestId('music-volume')).toBeNull();
    await user.selectOptions(select, 'trk_ffeeddccbbaa9988');
    // Removing tracks from the library is for admins.
    expect(screen.queryByTestId('music-delete')).toBeNull();
    expect(screen.getByTestId('music-volume-value')).toHaveTextContent('100 %');
    fireEvent.change(screen.getByTestId('music-volume'), { target: { value: '90' } });
    expect(screen.getByTestId('music-volume-value')).toHaveTextContent('90 %');
    expect(screen.getByTestId('look-summary')).toHaveTextContent('with music');
    await user.click(screen.getByTestId('submit-video'));
    await waitFor(() => expect(server.calls('POST', '/api/videos')).toHaveLength(1));
    expect(server.calls('POST', '/api/videos')[0]!.body).toMatchObject({ music: 'trk_ffeeddccbbaa9988', music_volume: 90 });
  });

  it('sends a mood as mood:NAME and leaves an unchanged volume out', async () => {
    const user = userEvent.setup({ delay: null });
    await openLook(user);
    await waitFor(() => expect(within(screen.getByTestId('music-select')).getAllByRole('option')).toHaveLength(6));
    await user.selectOptions(screen.getByTestId('music-select'), 'mood:calm');
    await user.click(screen.getByTestId('submit-video'));
    await waitFor(() => expect(server.calls('POST', '/api/videos')).toHaveLength(1));
    const body = server.calls('POST', '/api/videos')[0]!.body as Record<string, unknown>;
    expect(body.music).toBe('mood:calm');
    expect(body).not.toHaveProperty('music_volume');
  });

  it('uploads a track right there with its title, moods and content type, shows progress, then picks it', async () => {
    const user = userEvent.setup({ delay: null });
    const added = { id: 'trk_0123456789abcdef', title: 'Morning theme', moods: ['calm', 'light'], duration_seconds: 42 };
    server.on('POST', '/api/music', json(201, added));
    let release!: () => void;
    server.uploadGate = new Promise((r) => (release = r));
    await openLook(user);
    await user.click(screen.getByTestId('music-add'));
    const panel = screen.getByTestId('music-upload');
    // The file input has focus: the keyboard goes on from there.
    expect(screen.getByTestId('music-file')).toHaveFocus();
    const file = new File([new Uint8Array(2048)], 'morning_theme.flac', { type: '' });
    await user.upload(screen.getByTestId('music-file'), file);
    expect(screen.getByTestId('music-title')).toHaveValue('morning theme');
    await user.clear(screen.getByTestId('music-title'));
    await user.type(screen.getByTestId('music-title'), 'Morning theme');
    await user.type(screen.getByTestId('music-moods'), 'Calm, light');
    // Enter in the panel uploads; it does not create the video.
    await user.keyboard('{Enter}');
    expect(await within(panel).findByTestId('music-upload-progress')).toHaveTextContent('Uploading morning_theme.flac: 0 %');
    release();
    await waitFor(() => expect(screen.queryByTestId('music-upload')).toBeNull());

    const sent = server.calls('POST', '/api/music')[0]!;
    expect(sent.query.get('title')).toBe('Morning theme');
    expect(sent.query.get('moods')).toBe('calm,light');
    expect(sent.headers['content-type']).toBe('audio/flac');
    expect(sent.headers.authorization).toBe('Bearer access-1');
    expect(sent.body).toBe(file);
    expect(screen.getByTestId('music-select')).toHaveValue('trk_0123456789abcdef');
    expect(server.calls('POST', '/api/videos')).toHaveLength(0);
  });

  it('refuses a file of the wrong type or over 50 MB before sending, and says why the server refused one', async () => {
    // As when the person picks "All files" in the browser's dialog.
    const user = userEvent.setup({ delay: null, applyAccept: false });
    server.on('POST', '/api/music', problem(400, { title: 'Bad Request', detail: 'not audio ffmpeg can read' }));
    await openLook(user);
    await user.click(screen.getByTestId('music-add'));
    const big = new File([new Uint8Array(8)], 'long.mp3', { type: 'audio/mpeg' });
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 });
    await user.upload(screen.getByTestId('music-file'), big);
    await user.click(screen.getByTestId('music-upload-submit'));
    expect(screen.getByText('At most 50 MB (this file is 60 MB).')).toBeInTheDocument();
    await user.upload(screen.getByTestId('music-file'), new File(['x'], 'notes.txt', { type: 'text/plain' }));
    await user.type(screen.getByTestId('music-moods'), 'très calme');
    await user.click(screen.getByTestId('music-upload-submit'));
    expect(screen.getByText(/not an accepted audio format/)).toBeInTheDocument();
    expect(screen.getByTestId('music-moods')).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls('POST', '/api/music')).toHaveLength(0);

    await user.clear(screen.getByTestId('music-moods'));
    await user.upload(screen.getByTestId('music-file'), new File(['x'], 'broken.wav', { type: 'audio/wav' }));
    await user.click(screen.getByTestId('music-upload-submit'));
    expect(await screen.findByTestId('music-upload-error')).toHaveTextContent('The server could not read this audio file.');
  });

  it('lets an admin remove the chosen track from the library, after a confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    api.tokens.set({ ...api.tokens.get()!, user: { username: 'root', role: 'admin' } });
    server.once('GET', '/api/music', json(200, { items: [CALM, EPIC] }), json(200, { items: [CALM] }));
    server.on('DELETE', `/api/music/${EPIC.id}`, noContent());
    await openLook(user);
    await waitFor(() => expect(within(screen.getByTestId('music-select')).getAllByRole('option')).toHaveLength(6));
    await user.selectOptions(screen.getByTestId('music-select'), EPIC.id);
    await user.click(screen.getByTestId('music-delete'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Remove “Storm” from the library?');
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(server.calls('DELETE', `/api/music/${EPIC.id}`)).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('music-select')).toHaveValue('none'));
    expect(within(screen.getByTestId('music-select')).queryByText('Storm (1 min 01 s)')).toBeNull();
  });

  it('hides music on a server that has no music library', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', '/api/music', problem(404, { title: 'Not Found' }));
    await renderApp('/create');
    await user.click(screen.getByTestId('look-summary'));
    await screen.findByTestId('caption-preview');
    await waitFor(() => expect(server.calls('GET', '/api/music')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('music-picker')).toBeNull());
  });

  it('reads moods the way the server takes them', () => {
    expect(parseMoods('calm, Epic ,, sea')).toEqual(['calm', 'epic', 'sea']);
    expect(parseMoods('')).toEqual([]);
    expect(parseMoods('très calme')).toBeNull();
    expect(parseMoods('a,b,c,d,e,f,g,h,i')).toBeNull();
    expect(moodsOf([CALM, EPIC, { ...CALM, id: 'trk_1', moods: ['calm'] }])).toEqual(['calm', 'epic', 'sea']);
  });
});
