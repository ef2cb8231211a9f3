// Small hand-written fakes for fetch, WebSocket and EventSource, plus data builders.
import { vi } from 'vitest';
import { api } from '../services/api';
import type { Problem, Progress, VideoBlock, VideoDetail, VideoSummary } from '../types';

// ---- fetch ---------------------------------------------------------------------------------

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = Response | ((req: RecordedRequest) => Response | Promise<Response>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(status: number, p: Partial<Problem>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, ...p }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** A binary answer (an image, a sound) of `type`. */
export function binary(type: string, bytes: number[] = [1, 2, 3, 4], headers: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(bytes), { status: 200, headers: { 'Content-Type': type, ...headers } });
}

/** A fake server for fetch: routes by "METHOD /path"; queued replies are used once, in order. */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private routes = new Map<string, Reply[]>();
  private sticky = new Map<string, Reply>();
  /** Requests with no route: 404 unless set otherwise. */
  fallback: Reply = () => problem(404, { title: 'Not Found' });
  /** Uploads wait for this before each progress step (replace it with a pending promise to hold them). */
  uploadGate: Promise<void> = Promise.resolve();

  /** Answers every request to this route with this reply. */
  on(method: string, path: string, reply: Reply): this {
    this.sticky.set(`${method.toUpperCase()} ${path}`, reply);
    return this;
  }

  /** Answers the next requests to this route, one reply each, before falling back to `on`. */
  once(method: string, path: string, ...replies: Reply[]): this {
    const key = `${method.toUpperCase()} ${path}`;
    this.routes.set(key, [...(this.routes.get(key) ?? []), ...replies]);
    return this;
  }

  calls(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }

  readonly fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const parsed = new URL(url, 'http://localhost');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const req: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      path: parsed.pathname,
      query: parsed.searchParams,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : (init?.body ?? undefined),
    };
    return this.answer(req);
  });

  /** Records the request and finds its reply. */
  async answer(req: RecordedRequest): Promise<Response> {
    this.requests.push(req);
    const key = `${req.method} ${req.path}`;
    const queue = this.routes.get(key);
    const reply = queue && queue.length > 0 ? queue.shift()! : (this.sticky.get(key) ?? this.fallback);
    const res = typeof reply === 'function' ? await reply(req) : reply;
    return res.clone();
  }

  /** Replaces fetch, and XMLHttpRequest (uploads) with one answered by this server. */
  install(): this {
    vi.stubGlobal('fetch', this.fetch);
    vi.stubGlobal('XMLHttpRequest', fakeXhrClass(this));
    return this;
  }
}

/** The upload progress a fake XMLHttpRequest reports before its answer: half, then all. */
const UPLOAD_STEPS = [0.5, 1];

/**
 * An XMLHttpRequest answered by `server`: records the request like fetch does (the body is the Blob sent),
 * reports upload progress, then loads. `server.holdUploads` keeps uploads pending until released.
 */
function fakeXhrClass(server: FakeServer) {
  return class FakeXMLHttpRequest {
    status = 0;
    statusText = '';
    responseText = '';
    readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private readonly headers: Record<string, string> = {};
    private responseHeaders = new Headers();
    private aborted = false;

    open(method: string, url: string): void {
      this.method = method.toUpperCase();
      this.url = url;
    }

    setRequestHeader(name: string, value: string): void {
      this.headers[name.toLowerCase()] = value;
    }

    getAllResponseHeaders(): string {
      let out = '';
      this.responseHeaders.forEach((v, k) => (out += `${k}: ${v}\r\n`));
      return out;
    }

    abort(): void {
      this.aborted = true;
      this.onabort?.();
    }

    send(body: unknown): void {
      const parsed = new URL(this.url, 'http://localhost');
      const req: RecordedRequest = { method: this.method, url: this.url, path: parsed.pathname, query: parsed.searchParams, headers: this.headers, body };
      void (async () => {
        const total = body instanceof Blob ? body.size : 1;
        for (const f of UPLOAD_STEPS) {
          await server.uploadGate;
          if (this.aborted) return;
          this.upload.onprogress?.({ lengthComputable: true, loaded: Math.round(f * total), total } as ProgressEvent);
        }
        const res = await server.answer(req);
        if (this.aborted) return;
        this.status = res.status;
        this.statusText = res.statusText;
        this.responseHeaders = res.headers;
        this.responseText = await res.text();
        this.onload?.();
      })();
    }
  };
}

// ---- WebSocket -----------------------------------------------------------------------------

export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  readonly url: string;
  readyState = 0;
  closedByClient = false;
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;

  constructor(url: string | URL) {
    this.url = String(url);
    FakeWebSocket.instances.push(this);
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static get last(): FakeWebSocket {
    const ws = FakeWebSocket.instances.at(-1);
    if (!ws) throw new Error('no WebSocket was opened');
    return ws;
  }

  send(): void {}

  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }

  // Server side:
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  receive(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }

  /** The connection could not be made, or was lost: error then close. */
  fail(): void {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }
}

// ---- EventSource ---------------------------------------------------------------------------

export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  readyState = 0;
  closed = false;
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  private listeners = new Map<string, Set<(ev: MessageEvent) => void>>();

  constructor(url: string | URL) {
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }

  static reset(): void {
    FakeEventSource.instances = [];
  }

  static get last(): FakeEventSource {
    const es = FakeEventSource.instances.at(-1);
    if (!es) throw new Error('no EventSource was opened');
    return es;
  }

  addEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: unknown): void {
    const ev = new MessageEvent(type, { data: JSON.stringify(data) });
    if (type === 'message') this.onmessage?.(ev);
    for (const l of this.listeners.get(type) ?? []) l(ev);
  }

  fail(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

export function installLiveFakes(): void {
  FakeWebSocket.reset();
  FakeEventSource.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
  vi.stubGlobal('EventSource', FakeEventSource);
}

// ---- auth ----------------------------------------------------------------------------------

export function logIn(token = 'access-1', refresh = 'refresh-1'): void {
  api.tokens.set({
    access_token: token,
    refresh_token: refresh,
    expires_at: Date.now() + 3_600_000,
    user: { username: 'ana', role: 'user' },
  });
}

// ---- data ----------------------------------------------------------------------------------

export function block(index: number, clip: Partial<NonNullable<VideoBlock['clip']>> | null = {}): VideoBlock {
  return {
    index,
    duration: 6,
    visual_prompt: `Shot ${index}`,
    spoken_text: `Line ${index}`,
    on_screen_text: null,
    clip:
      clip === null
        ? null
        : {
            status: 'pending',
            retry_count: 0,
            submissions: 1,
            last_error: null,
            error_category: null,
            updated_at: '2026-02-01T20:37:00Z',
            ...clip,
          },
  };
}

export function detail(overrides: Partial<VideoDetail> = {}): VideoDetail {
  return {
    video_id: 'vid_20260201_203648_k3f9',
    theme: 'Intelligence artificielle',
    target_duration: 36,
    style: 'informative',
    language: 'fr',
    mode: 'native_audio',
    clip_strategy: 'parallel',
    status: 'generating_clips',
    status_label: 'generating_parallel',
    current_step: 'clips',
    last_successful_step: 'script',
    total_blocks: 3,
    completed_blocks: 1,
    progress_percentage: 40,
    message: 'Generating clips (1/3 blocks)',
    error_category: null,
    error_message: null,
    failure_reason: null,
    attempts: 0,
    created_at: '2026-02-01T20:36:48Z',
    updated_at: '2026-02-01T20:38:00Z',
    blocks: [block(1, { status: 'success' }), block(2), block(3)],
    assembly: null,
    costs: {
      spent_usd: 0.11,
      estimate_usd: 0.31,
      saved_usd: 0,
      budget_usd: null,
      calls: 2,
      by_provider: [],
    },
    events: [],
    files: { final: null, thumbnail: null, captions_ass: null, captions_srt: null, script: null },
    ...overrides,
  };
}

export function progressMsg(overrides: Partial<Progress> = {}): Progress {
  return {
    video_id: 'vid_20260201_203648_k3f9',
    status: 'generating_clips',
    status_label: 'generating_parallel',
    current_step: 'clips',
    completed_blocks: 1,
    total_blocks: 3,
    progress_percentage: 40,
    message: 'Generating clips (1/3 blocks)',
    error_category: null,
    error_message: null,
    updated_at: '2026-02-01T20:38:00Z',
    blocks: [
      { index: 1, status: 'success', retry_count: 0 },
      { index: 2, status: 'pending', retry_count: 0 },
      { index: 3, status: 'pending', retry_count: 0 },
    ],
    ...overrides,
  };
}

export function summary(overrides: Partial<VideoSummary> = {}): VideoSummary {
  return {
    video_id: 'vid_20260201_203648_k3f9',
    theme: 'Intelligence artificielle',
    status: 'completed',
    status_label: 'completed',
    progress_percentage: 100,
    message: 'Done',
    target_duration: 36,
    language: 'fr',
    created_at: '2026-02-01T20:36:48Z',
    updated_at: '2026-02-01T20:45:00Z',
    has_final: true,
    thumbnail_url: '/api/videos/vid_20260201_203648_k3f9/thumbnail-small.jpg?exp=1790000000&sig=t',
    final_url: `/api/videos/${overrides.video_id ?? 'vid_20260201_203648_k3f9'}/final.mp4?exp=1790000000&sig=f`,
    download_url: `/api/videos/${overrides.video_id ?? 'vid_20260201_203648_k3f9'}/final.mp4?exp=1790000000&sig=f&download=1`,
    links_expire_at: '2026-09-21T13:33:20Z',
    duration_seconds: 36,
    partial: false,
    ...overrides,
  };
}
