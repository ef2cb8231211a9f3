import { beforeEach, describe, expect, it } from 'vitest';
import { FakeServer, json, logIn, noContent, problem } from '../test/fakes';
import { api, ApiClient, ApiError, AuthError, NetworkError, parseRetryAfter, SESSION_KEY, TokenStore } from './api';

const tokens = (access: string, refresh: string) => ({
  access_token: access,
  refresh_token: refresh,
  expires_in: 900,
  user: { username: 'ana', role: 'user' },
});

describe('ApiClient', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
  });

  it('logs in, stores the session in localStorage and sends the bearer token afterwards', async () => {
    server.on('POST', '/api/auth/login', json(200, tokens('A1', 'R1')));
    server.on('GET', '/api/videos', json(200, { items: [], page: 1, size: 24, total: 0 }));

    const session = await api.login('ana', 'secret');
    expect(session.user.username).toBe('ana');
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!).access_token).toBe('A1');
    const login = server.calls('POST', '/api/auth/login')[0]!;
    expect(login.body).toEqual({ username: 'ana', password: 'secret' });
    expect(login.headers.authorization).toBeUndefined();

    await api.listVideos({ status: 'failed', page: 2, size: 10 });
    const list = server.calls('GET', '/api/videos')[0]!;
    expect(list.headers.authorization).toBe('Bearer A1');
    expect(list.query.get('status')).toBe('failed');
    expect(list.query.get('page')).toBe('2');
    expect(list.query.get('size')).toBe('10');
  });

  it('refreshes once on 401 and replays the request with the new token', async () => {
    logIn('old', 'R1');
    server.once('GET', '/api/videos/v1', problem(401, { title: 'Unauthorized' }));
    server.on('GET', '/api/videos/v1', (req) =>
      req.headers.authorization === 'Bearer new' ? json(200, { video_id: 'v1' }) : problem(401, {}),
    );
    server.on('POST', '/api/auth/refresh', json(200, tokens('new', 'R2')));

    const video = await api.getVideo('v1', 'en');
    expect(video.video_id).toBe('v1');
    expect(server.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(server.calls('POST', '/api/auth/refresh')[0]!.body).toEqual({ refresh_token: 'R1' });
    const gets = server.calls('GET', '/api/videos/v1');
    expect(gets.map((r) => r.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    expect(gets[0]!.query.get('lang')).toBe('en');
    expect(api.session?.refresh_token).toBe('R2');
  });

  it('shares one refresh between concurrent requests', async () => {
    logIn('old', 'R1');
    server.on('GET', '/api/videos/a', (req) => (req.headers.authorization === 'Bearer new' ? json(200, {}) : problem(401, {})));
    server.on('GET', '/api/videos/b', (req) => (req.headers.authorization === 'Bearer new' ? json(200, {}) : problem(401, {})));
    server.on('POST', '/api/auth/refresh', json(200, tokens('new', 'R2')));

    await Promise.all([api.getVideo('a'), api.getVideo('b')]);
    expect(server.calls('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('gives up with AuthError and forgets the session when the refresh is refused', async () => {
    logIn('old', 'R1');
    server.on('GET', '/api/videos/v1', problem(401, {}));
    server.on('POST', '/api/auth/refresh', problem(401, { detail: 'refresh token expired' }));

    const error = await api.getVideo('v1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(api.session).toBeNull();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(server.calls('GET', '/api/videos/v1')).toHaveLength(1);
  });

  it('does not loop when the replayed request is refused again', async () => {
    logIn('old', 'R1');
    server.on('GET', '/api/videos/v1', problem(401, {}));
    server.on('POST', '/api/auth/refresh', json(200, tokens('new', 'R2')));

    await expect(api.getVideo('v1')).rejects.toBeInstanceOf(AuthError);
    expect(server.calls('GET', '/api/videos/v1')).toHaveLength(2);
    expect(server.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(api.session).toBeNull();
  });

  it('surfaces problem+json as a typed ApiError with field and rule', async () => {
    logIn();
    server.on(
      'POST',
      '/api/videos',
      problem(400, {
        type: 'https://reelforge/problems/invalid-request',
        title: 'Invalid request',
        detail: 'theme: must be 1–200 characters (got 250)',
        field: 'theme',
        rule: 'must be 1–200 characters (got 250)',
      }),
    );
    const error = (await api
      .createVideo({
        theme: 'x'.repeat(250),
        target_duration: 36,
        style: 'informative',
        language: 'fr',
        mode: 'native_audio',
        clip_strategy: 'parallel',
      })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.field).toBe('theme');
    expect(error.rule).toBe('must be 1–200 characters (got 250)');
    expect(error.problem.type).toBe('https://reelforge/problems/invalid-request');
    expect(error.message).toBe('theme: must be 1–200 characters (got 250)');
  });

  it('reads Retry-After on 429 and copes with a non-JSON error body', async () => {
    logIn();
    server.once('POST', '/api/videos/v1/retry', problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '17' }));
    server.once('POST', '/api/videos/v1/retry', new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    const tooMany = (await api.retryVideo('v1').catch((e: unknown) => e)) as ApiError;
    expect(tooMany.status).toBe(429);
    expect(tooMany.retryAfter).toBe(17);

    const bad = (await api.retryVideo('v1').catch((e: unknown) => e)) as ApiError;
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad.status).toBe(502);
    expect(bad.problem.title).toBe('Bad Gateway');
  });

  it('calls the action endpoints with POST/DELETE and handles 204', async () => {
    logIn();
    const d = { video_id: 'v1', status: 'queued' };
    server.on('POST', '/api/videos/v1/retry', json(202, d));
    server.on('POST', '/api/videos/v1/cancel', json(202, d));
    server.on('POST', '/api/videos/v1/blocks/3/regenerate', json(202, d));
    server.on('POST', '/api/videos/v1/clips/2/reset', json(202, d));
    server.on('DELETE', '/api/videos/v1', new Response(null, { status: 204 }));

    await api.retryVideo('v1');
    await api.cancelVideo('v1');
    await api.regenerateBlock('v1', 3);
    await api.resetClip('v1', 2);
    await expect(api.deleteVideo('v1')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/videos/v1/retry',
      'POST /api/videos/v1/cancel',
      'POST /api/videos/v1/blocks/3/regenerate',
      'POST /api/videos/v1/clips/2/reset',
      'DELETE /api/videos/v1',
    ]);
  });

  it('turns a failed fetch into NetworkError without dropping the session', async () => {
    logIn();
    server.on('GET', '/api/videos/v1', () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.getVideo('v1')).rejects.toBeInstanceOf(NetworkError);
    expect(api.session).not.toBeNull();
  });

  it('keeps tokens out of file links and puts them only in SSE and WebSocket URLs', () => {
    logIn('tok en');
    expect(api.link('/api/videos/v1/final.mp4?exp=1&sig=s')).toBe('/api/videos/v1/final.mp4?exp=1&sig=s');
    expect(api.link(null)).toBeUndefined();
    expect(api.sseUrl('v1', 'T', 'fr')).toBe('/api/videos/v1/events?access_token=T&lang=fr');
    expect(api.wsUrl('v1', 'T', 'en')).toBe(`ws://${window.location.host}/ws/videos/v1?access_token=T&lang=en`);
  });

  it('refreshes an access token about to expire before opening a live channel', async () => {
    let now = 1_000_000;
    const store = new TokenStore(() => null);
    const client = new ApiClient({ tokens: store, now: () => now });
    store.set({ access_token: 'A', refresh_token: 'R', expires_at: now + 10_000, user: { username: 'u', role: 'user' } });
    server.on('POST', '/api/auth/refresh', json(200, tokens('B', 'R2')));

    expect(await client.freshAccessToken()).toBe('B');
    now += 1000;
    expect(await client.freshAccessToken()).toBe('B');
    expect(server.calls('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out on the server too, and forgets the tokens even when the server does not know the route', async () => {
    logIn('A', 'R');
    server.on('POST', '/api/auth/logout', problem(404, { title: 'Not found' }));
    await api.logout();
    expect(api.session).toBeNull();
    const call = server.calls('POST', '/api/auth/logout')[0];
    expect(call?.body).toEqual({ refresh_token: 'R' });
    expect(call?.headers.authorization).toBeUndefined();
  });

  it('says the session was lost when the server refuses it, and not after a sign-out', async () => {
    logIn('A', 'R');
    server.on('GET', '/api/videos/v1', problem(401, { title: 'Unauthorized' }));
    server.on('POST', '/api/auth/refresh', problem(401, { title: 'Unauthorized' }));
    await expect(api.getVideo('v1')).rejects.toBeInstanceOf(AuthError);
    expect(api.sessionEnd).toBe('expired');
    logIn('A', 'R');
    server.on('POST', '/api/auth/logout', noContent());
    await api.logout();
    expect(api.sessionEnd).toBeNull();
  });

  it('asks for replies in the page language', async () => {
    document.documentElement.lang = 'fr';
    logIn();
    server.on('GET', '/api/videos/v1', json(200, {}));
    await api.getVideo('v1');
    expect(server.calls('GET', '/api/videos/v1')[0]?.headers['accept-language']).toBe('fr');
  });

  it('parses Retry-After dates', () => {
    const now = Date.parse('2026-02-01T20:00:00Z');
    expect(parseRetryAfter('Sun, 01 Feb 2026 20:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
