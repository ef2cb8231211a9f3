// Live progress of one video.
//
// Transport policy:
//  1. WebSocket first (/ws/videos/{id}); a transport that fails before it ever connected hands over
//     at once to the next one: WebSocket → SSE (/api/videos/{id}/events) → polling GET every 3 s.
//  2. A transport that was connected and drops is reopened after an exponential backoff
//     (1 s, 2 s, 4 s … capped at 30 s); a failed poll is retried on the same backoff. The backoff
//     resets as soon as a message (or a successful poll) arrives.
//  3. Everything stops once the video is completed, failed or cancelled, and on unmount. It starts
//     again by itself when the video becomes active again (e.g. after Retry).
// Progress messages are merged into the VideoDetail fetched over REST; when a message changes the
// status or the number of finished blocks, the detail (costs, events, files) is fetched again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api as defaultApi, ApiError, AuthError, type ApiClient } from '../services/api';
import { isTerminal, type Language, type Progress, type VideoDetail } from '../types';

export type Transport = 'connecting' | 'websocket' | 'sse' | 'polling' | 'reconnecting' | 'idle';

export interface UseVideoProgressOptions {
  lang: Language;
  client?: ApiClient;
  pollIntervalMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface VideoProgressState {
  /** The detail with the latest live progress merged in; null until the first load. */
  video: VideoDetail | null;
  /** The last Progress message received, if any. */
  progress: Progress | null;
  transport: Transport;
  /** A load error that stops the page (not found, session lost); transient errors are retried. */
  error: ApiError | null;
  /** True while the server could not be reached and a retry is scheduled. */
  offline: boolean;
  /** Fetches the detail again now. */
  reload: () => Promise<void>;
  /** Replaces the detail (e.g. with the VideoDetail an action answered). */
  replace: (detail: VideoDetail) => void;
}

export function backoffDelay(attempt: number, initialMs = 1000, maxMs = 30_000): number {
  return Math.min(initialMs * 2 ** Math.max(0, attempt), maxMs);
}

function time(s: string | null | undefined): number {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** Applies a Progress message to a detail (status fields and per-block clip state). */
export function mergeProgress(detail: VideoDetail, p: Progress): VideoDetail {
  const byIndex = new Map(p.blocks.map((b) => [b.index, b]));
  const blocks = detail.blocks.map((b) => {
    const pb = byIndex.get(b.index);
    if (!pb) return b;
    byIndex.delete(b.index);
    const clip = b.clip ?? {
      status: pb.status,
      retry_count: 0,
      submissions: 0,
      last_error: null,
      error_category: null,
      updated_at: null,
    };
    return { ...b, clip: { ...clip, status: pb.status, retry_count: pb.retry_count } };
  });
  // Blocks the detail does not know yet (the script was written after it was fetched).
  for (const pb of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
    blocks.push({
      index: pb.index,
      duration: 0,
      visual_prompt: '',
      spoken_text: '',
      on_screen_text: null,
      clip: {
        status: pb.status,
        retry_count: pb.retry_count,
        submissions: 0,
        last_error: null,
        error_category: null,
        updated_at: null,
      },
    });
  }
  return {
    ...detail,
    status: p.status,
    status_label: p.status_label,
    current_step: p.current_step,
    completed_blocks: p.completed_blocks,
    total_blocks: p.total_blocks,
    progress_percentage: p.progress_percentage,
    message: p.message,
    error_category: p.error_category,
    error_message: p.error_message,
    updated_at: p.updated_at,
    blocks,
  };
}

function parseProgress(data: unknown): Progress | null {
  if (typeof data !== 'string') return null;
  try {
    const p = JSON.parse(data) as Progress;
    if (!p || typeof p !== 'object' || typeof p.status !== 'string') return null;
    return { ...p, blocks: Array.isArray(p.blocks) ? p.blocks : [] };
  } catch {
    return null;
  }
}

export function useVideoProgress(videoId: string | undefined, options: UseVideoProgressOptions): VideoProgressState {
  const client = options.client ?? defaultApi;
  const { lang } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 3000;
  const initialBackoffMs = options.initialBackoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;

  const [detail, setDetail] = useState<VideoDetail | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [transport, setTransport] = useState<Transport>('connecting');
  const [error, setError] = useState<ApiError | null>(null);
  const [offline, setOffline] = useState(false);

  // ---- REST detail --------------------------------------------------------------------------
  const loadSeq = useRef(0);
  const load = useCallback(async () => {
    if (!videoId) return;
    const seq = ++loadSeq.current;
    try {
      const d = await client.getVideo(videoId, lang);
      if (seq !== loadSeq.current) return;
      setDetail(d);
      setError(null);
    } catch (e) {
      if (seq !== loadSeq.current) return;
      if (e instanceof ApiError && (e instanceof AuthError || e.status === 404 || e.status === 403)) setError(e);
      // Other failures are transient: the live channel or the poller will bring the state.
    }
  }, [client, videoId, lang]);

  useEffect(() => {
    setDetail(null);
    setProgress(null);
    setError(null);
  }, [videoId]);

  useEffect(() => {
    void load();
    return () => {
      loadSeq.current++;
    };
  }, [load]);

  const replace = useCallback((d: VideoDetail) => {
    loadSeq.current++;
    setDetail(d);
    setProgress(null);
  }, []);

  // ---- merged view --------------------------------------------------------------------------
  const video = useMemo(() => {
    if (!detail) return null;
    if (!progress || progress.video_id !== detail.video_id) return detail;
    return time(progress.updated_at) >= time(detail.updated_at) ? mergeProgress(detail, progress) : detail;
  }, [detail, progress]);

  const status = video?.status ?? progress?.status;
  const live = Boolean(videoId) && !error && !isTerminal(status);

  // A message that moves the video on: fetch the detail again (costs, events, files, prompts).
  const lastRefetchKey = useRef('');
  useEffect(() => {
    if (!progress || !detail) return;
    if (time(progress.updated_at) < time(detail.updated_at)) return;
    const changed =
      progress.status !== detail.status ||
      progress.completed_blocks !== detail.completed_blocks ||
      progress.total_blocks !== detail.blocks.length;
    if (!changed) return;
    const key = `${progress.status}|${progress.completed_blocks}|${progress.total_blocks}|${progress.updated_at}`;
    if (key === lastRefetchKey.current) return;
    lastRefetchKey.current = key;
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [progress, detail, load]);

  // ---- live channel -------------------------------------------------------------------------
  useEffect(() => {
    if (!live || !videoId) {
      if (videoId && !error) setTransport('idle');
      return;
    }
    let disposed = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ws: WebSocket | null = null;
    let es: EventSource | null = null;

    const stopAll = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const s = ws;
      ws = null;
      if (s) {
        s.onopen = s.onmessage = s.onerror = s.onclose = null;
        s.close();
      }
      const e = es;
      es = null;
      e?.close();
    };

    const later = (fn: () => void, delay: number) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (!disposed) fn();
      }, delay);
    };

    const nextBackoff = () => backoffDelay(attempt++, initialBackoffMs, maxBackoffMs);

    const onProgress = (p: Progress) => {
      if (disposed) return;
      attempt = 0;
      setOffline(false);
      setProgress(p);
      if (isTerminal(p.status)) {
        disposed = true;
        stopAll();
        setTransport('idle');
      }
    };

    const connectWs = async () => {
      const token = await client.freshAccessToken();
      if (disposed) return;
      const WS = globalThis.WebSocket;
      if (typeof WS !== 'function') return connectSse();
      let sock: WebSocket;
      try {
        sock = new WS(client.wsUrl(videoId, token, lang));
      } catch {
        return connectSse();
      }
      ws = sock;
      let opened = false;
      sock.onopen = () => {
        if (disposed || ws !== sock) return;
        opened = true;
        setTransport('websocket');
      };
      sock.onmessage = (ev: MessageEvent) => {
        if (ws !== sock) return;
        opened = true;
        const p = parseProgress(ev.data);
        if (p) onProgress(p);
      };
      sock.onerror = () => {
        // A close event follows; decide there.
      };
      sock.onclose = () => {
        if (disposed || ws !== sock) return;
        ws = null;
        if (!opened) {
          void connectSse();
        } else {
          setTransport('reconnecting');
          setOffline(true);
          later(() => void connectWs(), nextBackoff());
        }
      };
    };

    const connectSse = async () => {
      const token = await client.freshAccessToken();
      if (disposed) return;
      const ES = globalThis.EventSource;
      if (typeof ES !== 'function') return poll();
      let source: EventSource;
      try {
        source = new ES(client.sseUrl(videoId, token, lang));
      } catch {
        return poll();
      }
      es = source;
      let opened = false;
      const handle = (ev: MessageEvent) => {
        if (es !== source) return;
        opened = true;
        const p = parseProgress(ev.data);
        if (p) onProgress(p);
      };
      source.onopen = () => {
        if (disposed || es !== source) return;
        opened = true;
        setTransport('sse');
      };
      source.addEventListener('progress', handle as EventListener);
      source.onmessage = handle;
      source.onerror = () => {
        if (disposed || es !== source) return;
        // We manage reconnection ourselves (with backoff), not EventSource's own retry.
        source.close();
        es = null;
        if (!opened) {
          void poll();
        } else {
          setTransport('reconnecting');
          setOffline(true);
          later(() => void connectSse(), nextBackoff());
        }
      };
    };

    const poll = async () => {
      if (disposed) return;
      try {
        const d = await client.getVideo(videoId, lang);
        if (disposed) return;
        attempt = 0;
        setOffline(false);
        setTransport('polling');
        loadSeq.current++;
        setDetail(d);
        setProgress(null);
        if (isTerminal(d.status)) {
          disposed = true;
          stopAll();
          setTransport('idle');
          return;
        }
        later(() => void poll(), pollIntervalMs);
      } catch (e) {
        if (disposed) return;
        if (e instanceof ApiError && (e instanceof AuthError || e.status === 404 || e.status === 403)) {
          setError(e);
          return;
        }
        setTransport('reconnecting');
        setOffline(true);
        later(() => void poll(), nextBackoff());
      }
    };

    setTransport('connecting');
    void connectWs();

    return () => {
      disposed = true;
      stopAll();
    };
  }, [live, videoId, lang, client, pollIntervalMs, initialBackoffMs, maxBackoffMs]);

  return { video, progress, transport, error, offline, reload: load, replace };
}
