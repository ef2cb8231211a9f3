import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  detail,
  FakeEventSource,
  FakeServer,
  FakeWebSocket,
  installLiveFakes,
  json,
  logIn,
  progressMsg,
} from '../test/fakes';
import { backoffDelay, mergeProgress, useVideoProgress } from './useVideoProgress';

const ID = 'vid_20260201_203648_k3f9';
const DETAIL_PATH = `/api/videos/${ID}`;

async function flush(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('useVideoProgress', () => {
  let server: FakeServer;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-02-01T20:39:00Z'));
    server = new FakeServer().install();
    server.on('GET', DETAIL_PATH, json(200, detail()));
    installLiveFakes();
    logIn('tok');
  });

  function mount(lang: 'fr' | 'en' = 'fr') {
    return renderHook(() => useVideoProgress(ID, { lang }));
  }

  it('opens a WebSocket first and merges its Progress messages into the video', async () => {
    const { result } = mount('fr');
    await flush();
    expect(result.current.video?.status).toBe('generating_clips');
    expect(FakeWebSocket.instances).toHaveLength(1);
    const ws = FakeWebSocket.last;
    expect(ws.url).toBe(`ws://${window.location.host}/ws/videos/${ID}?access_token=tok&lang=fr`);

    act(() => ws.open());
    expect(result.current.transport).toBe('websocket');

    act(() =>
      ws.receive(
        progressMsg({
          completed_blocks: 2,
          progress_percentage: 70,
          message: 'Génération vidéos (2/3 blocs)',
          updated_at: '2026-02-01T20:38:30Z',
          blocks: [
            { index: 1, status: 'success', retry_count: 0 },
            { index: 2, status: 'success', retry_count: 1 },
            { index: 3, status: 'failed', retry_count: 2 },
          ],
        }),
      ),
    );
    const v = result.current.video!;
    expect(v.completed_blocks).toBe(2);
    expect(v.progress_percentage).toBe(70);
    expect(v.message).toBe('Génération vidéos (2/3 blocs)');
    expect(v.blocks.map((b) => [b.clip?.status, b.clip?.retry_count])).toEqual([
      ['success', 0],
      ['success', 1],
      ['failed', 2],
    ]);
    // Prompts known from the REST detail are kept.
    expect(v.blocks[1]!.visual_prompt).toBe('Shot 2');
    expect(FakeEventSource.instances).toHaveLength(0);

    // A message that moves the video on makes the hook fetch the detail again (costs, events…).
    await flush(300);
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(2);
    expect(server.calls('GET', DETAIL_PATH)[0]!.query.get('lang')).toBe('fr');
  });

  it('falls back to SSE when the WebSocket cannot connect', async () => {
    const { result } = mount('en');
    await flush();
    act(() => FakeWebSocket.last.fail());
    await flush();
    expect(FakeEventSource.instances).toHaveLength(1);
    const es = FakeEventSource.last;
    expect(es.url).toBe(`/api/videos/${ID}/events?access_token=tok&lang=en`);

    act(() => es.open());
    expect(result.current.transport).toBe('sse');
    act(() => es.emit('progress', progressMsg({ status: 'assembling', status_label: 'assembling', current_step: 'assembly', message: 'Assembling', updated_at: '2026-02-01T20:40:00Z' })));
    expect(result.current.video?.status).toBe('assembling');
    expect(result.current.video?.message).toBe('Assembling');
  });

  it('falls back to polling every 3 s when SSE cannot connect either', async () => {
    const { result } = mount();
    await flush();
    act(() => FakeWebSocket.last.fail());
    await flush();
    act(() => FakeEventSource.last.fail());
    expect(FakeEventSource.last.closed).toBe(true);
    await flush();
    expect(result.current.transport).toBe('polling');
    const afterFirstPoll = server.calls('GET', DETAIL_PATH).length;

    server.on('GET', DETAIL_PATH, json(200, detail({ completed_blocks: 2, progress_percentage: 66, updated_at: '2026-02-01T20:39:00Z' })));
    await flush(2999);
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(afterFirstPoll);
    await flush(1);
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(afterFirstPoll + 1);
    expect(result.current.video?.completed_blocks).toBe(2);
    await flush(3000);
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(afterFirstPoll + 2);
  });

  it('reconnects a dropped WebSocket with exponential backoff, reset by a message', async () => {
    const { result } = mount();
    await flush();
    act(() => FakeWebSocket.last.open());

    act(() => FakeWebSocket.last.fail()); // drop after a working connection
    expect(result.current.transport).toBe('reconnecting');
    await flush(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await flush(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    act(() => FakeWebSocket.last.open());
    act(() => FakeWebSocket.last.fail());
    await flush(1999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    await flush(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    act(() => FakeWebSocket.last.open());
    act(() => FakeWebSocket.last.fail());
    await flush(3999);
    expect(FakeWebSocket.instances).toHaveLength(3);
    await flush(1);
    expect(FakeWebSocket.instances).toHaveLength(4);

    // A message resets the backoff to 1 s.
    act(() => FakeWebSocket.last.open());
    act(() => FakeWebSocket.last.receive(progressMsg()));
    act(() => FakeWebSocket.last.fail());
    await flush(1000);
    expect(FakeWebSocket.instances).toHaveLength(5);
    // Never fell back to SSE: the WebSocket had worked.
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it('caps the backoff at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('retries failed polls with backoff instead of every 3 s', async () => {
    const { result } = mount();
    await flush();
    act(() => FakeWebSocket.last.fail());
    await flush();
    server.on('GET', DETAIL_PATH, () => {
      throw new TypeError('Failed to fetch');
    });
    const before = server.calls('GET', DETAIL_PATH).length;
    act(() => FakeEventSource.last.fail());
    await flush(); // first poll fails
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(before + 1);
    expect(result.current.offline).toBe(true);
    await flush(1000); // 1 s later
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(before + 2);
    await flush(1999); // then 2 s
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(before + 2);
    await flush(1);
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(before + 3);

    server.on('GET', DETAIL_PATH, json(200, detail()));
    await flush(4000);
    expect(result.current.offline).toBe(false);
    expect(result.current.transport).toBe('polling');
  });

  it('stops listening once the video is completed', async () => {
    const { result } = mount();
    await flush();
    const ws = FakeWebSocket.last;
    act(() => ws.open());
    server.on('GET', DETAIL_PATH, json(200, detail({ status: 'completed', progress_percentage: 100, updated_at: '2026-02-01T20:45:00Z' })));
    act(() => ws.receive(progressMsg({ status: 'completed', status_label: 'completed', progress_percentage: 100, completed_blocks: 3, updated_at: '2026-02-01T20:45:00Z' })));
    expect(ws.closedByClient).toBe(true);
    expect(result.current.transport).toBe('idle');
    expect(result.current.video?.status).toBe('completed');

    await flush(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeEventSource.instances).toHaveLength(0);
    // One detail fetch at start, one to pick up the final state; no polling.
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(2);
  });

  it('stops polling once the video is completed', async () => {
    const { result } = mount();
    await flush();
    act(() => FakeWebSocket.last.fail());
    await flush();
    server.on('GET', DETAIL_PATH, json(200, detail({ status: 'completed', updated_at: '2026-02-01T20:45:00Z' })));
    act(() => FakeEventSource.last.fail());
    await flush();
    expect(result.current.video?.status).toBe('completed');
    const count = server.calls('GET', DETAIL_PATH).length;
    await flush(60_000);
    expect(server.calls('GET', DETAIL_PATH)).toHaveLength(count);
  });

  it('closes the live channel once the video is known to be finished, and reopens it after Retry', async () => {
    server.on('GET', DETAIL_PATH, json(200, detail({ status: 'failed', error_category: 'quota_exceeded' })));
    const { result } = mount();
    await flush();
    // The WebSocket opened before the detail arrived is closed as soon as the status is known.
    expect(FakeWebSocket.instances.every((w) => w.closedByClient)).toBe(true);
    expect(result.current.transport).toBe('idle');

    act(() => result.current.replace(detail({ status: 'queued', updated_at: '2026-02-01T20:50:00Z' })));
    await flush();
    expect(FakeWebSocket.last.closedByClient).toBe(false);
    expect(result.current.video?.status).toBe('queued');
  });

  it('closes everything on unmount', async () => {
    const { unmount } = mount();
    await flush();
    const ws = FakeWebSocket.last;
    act(() => ws.open());
    unmount();
    expect(ws.closedByClient).toBe(true);
    await flush(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('reports a missing video without retrying forever', async () => {
    server.on('GET', DETAIL_PATH, json(404, { type: 'about:blank', title: 'Not Found', status: 404 }));
    const { result } = mount();
    await flush();
    expect(result.current.error?.status).toBe(404);
    expect(FakeWebSocket.instances.every((w) => w.closedByClient)).toBe(true);
  });
});

describe('mergeProgress', () => {
  it('adds blocks that the detail did not know yet', () => {
    const merged = mergeProgress(detail({ blocks: [] }), progressMsg());
    expect(merged.blocks.map((b) => [b.index, b.clip?.status])).toEqual([
      [1, 'success'],
      [2, 'pending'],
      [3, 'pending'],
    ]);
  });
});
