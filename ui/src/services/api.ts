// Typed client for the ReelForge API: auth with refresh-on-401, problem+json errors, file and
// live-progress URLs. Paths are relative (/api/..., /ws/...): the server serves this app at "/".
import type {
  BlockEdit,
  CaptionWord,
  Captions,
  CreateVideoRequest,
  CreateVideoResponse,
  Estimate,
  Language,
  LoginResponse,
  MusicTrack,
  OutputSettings,
  Problem,
  ReviewScript,
  User,
  VideoDetail,
  VideoPage,
  VideoStatus,
  VoiceList,
} from '../types';

// ---------------------------------------------------------------------------------------------
// Errors

/** An HTTP error answered by the server; carries the problem+json body when there was one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from Retry-After (429 / 503), when the server sent it. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get field(): string | undefined {
    return this.problem.field;
  }

  get rule(): string | undefined {
    return this.problem.rule;
  }
}

/** The session is gone (no token, or refreshing it failed): the user must log in again. */
export class AuthError extends ApiError {
  constructor(problem?: Problem) {
    super(401, problem ?? { type: 'about:blank', title: 'Unauthorized', status: 401 });
    this.name = 'AuthError';
  }
}

/** The server could not be reached at all (network down, server stopped). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

// ---------------------------------------------------------------------------------------------
// Token storage

export interface Session {
  access_token: string;
  refresh_token: string;
  /** Epoch milliseconds when the access token expires. */
  expires_at: number;
  user: User;
}

export const SESSION_KEY = 'reelforge.session';

/** Why the last session ended without the user signing out: the login page says so in words. */
export type SessionEnd = 'expired' | null;


type Listener = (session: Session | null) => void;

export class TokenStore {
  private listeners = new Set<Listener>();
  private cached: Session | null | undefined;

  constructor(private readonly storage: () => Storage | null = defaultStorage) {}

  get(): Session | null {
    if (this.cached !== undefined) return this.cached;
    const raw = this.storage()?.getItem(SESSION_KEY) ?? null;
    let session: Session | null = null;
    if (raw) {
      try {
        const parsed = JSON.parse(raw) as Session;
        if (parsed && typeof parsed.access_token === 'string') session = parsed;
      } catch {
        session = null;
      }
    }
    this.cached = session;
    return session;
  }

  set(session: Session | null): void {
    this.cached = session;
    const storage = this.storage();
    if (storage) {
      if (session) storage.setItem(SESSION_KEY, JSON.stringify(session));
      else storage.removeItem(SESSION_KEY);
    }
    for (const l of [...this.listeners]) l(session);
  }

  /** Forgets the in-memory copy (e.g. another tab changed localStorage). */
  reload(): void {
    this.cached = undefined;
    const session = this.get();
    for (const l of [...this.listeners]) l(session);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function toSession(r: LoginResponse, now: number): Session {
  return {
    access_token: r.access_token,
    refresh_token: r.refresh_token,
    expires_at: now + Math.max(0, r.expires_in) * 1000,
    user: r.user,
  };
}

// ---------------------------------------------------------------------------------------------
// Client

export interface ApiOptions {
  /** Prefix for every path; "" in production (same origin). */
  baseUrl?: string;
  tokens?: TokenStore;
  /** Defaults to the global fetch at call time (so tests can replace it). */
  fetch?: typeof fetch;
  now?: () => number;
  /** The page's language, sent as Accept-Language so replies and messages come back in it. */
  language?: () => Language;
}

export interface ListParams {
  status?: VideoStatus | '';
  page?: number;
  size?: number;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Send the bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

/** A file sent as the raw request body, with upload progress. */
export interface UploadOptions {
  /** The body's Content-Type (the server checks it). */
  contentType: string;
  /** Called with the fraction sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** The caption look a preview is drawn with (GET /api/captions/preview). */
export type CaptionLook = Pick<
  OutputSettings,
  'aspect' | 'caption_style' | 'caption_position' | 'caption_font' | 'caption_color' | 'caption_highlight' | 'caption_size'
>;

/** Sends one request and answers the raw response; `token` is the bearer token to send, if any. */
type Transport = (token: string | undefined) => Promise<Response>;


export class ApiClient {
  readonly tokens: TokenStore;
  private readonly baseUrl: string;
  private readonly fetchImpl: (() => typeof fetch) | null;
  private readonly now: () => number;
  private refreshing: Promise<Session> | null = null;
  private readonly language: () => Language | null;
  /** Set when the server refused the session (expired, revoked, server restarted with a new secret). */
  sessionEnd: SessionEnd = null;

  constructor(options: ApiOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.tokens = options.tokens ?? new TokenStore();
    const f = options.fetch;
    this.fetchImpl = f ? () => f : null;
    this.now = options.now ?? (() => Date.now());
    this.language = options.language ?? pageLanguage;
  }

  // ---- auth ---------------------------------------------------------------------------------

  get session(): Session | null {
    return this.tokens.get();
  }

  async login(username: string, password: string): Promise<Session> {
    const r = await this.request<LoginResponse>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
      auth: false,
    });
    return this.adopt(r);
  }

  /**
   * Signs out: asks the server to revoke the refresh token (a 404 from a server without the route, or no answer
   * at all, is ignored) and forgets the tokens here either way.
   */
  async logout(): Promise<void> {
    const session = this.tokens.get();
    this.sessionEnd = null;
    this.tokens.set(null);
    if (!session?.refresh_token) return;
    try {
      await this.request('/api/auth/logout', { method: 'POST', body: { refresh_token: session.refresh_token }, auth: false });
    } catch {
      /* the tokens are gone from this browser; the server may not know the route yet */
    }
  }

  /** Forgets the session because the server refused it, remembering why for the login page. */
  private lose(): void {
    if (this.tokens.get()) this.sessionEnd = 'expired';
    this.tokens.set(null);
  }

  /** Keeps the tokens the server answered (login, refresh, password change) as the session. */
  private adopt(r: LoginResponse): Session {
    const session = toSession(r, this.now());
    this.tokens.set(session);
    return session;
  }

  /** Changes the signed-in user's password; the server answers fresh tokens (other sessions end). */
  async changePassword(currentPassword: string, newPassword: string): Promise<Session> {
    const r = await this.request<LoginResponse>('/api/auth/password', {
      method: 'POST',
      body: { current_password: currentPassword, new_password: newPassword },
    });
    return this.adopt(r);
  }

  /** Exchanges the refresh token for a new session; concurrent callers share one request. */
  refresh(): Promise<Session> {
    if (this.refreshing) return this.refreshing;
    const current = this.tokens.get();
    if (!current?.refresh_token) return Promise.reject(new AuthError());
    this.refreshing = (async () => {
      try {
        const r = await this.request<LoginResponse>('/api/auth/refresh', {
          method: 'POST',
          body: { refresh_token: current.refresh_token },
          auth: false,
        });
        return this.adopt(r);
      } catch (e) {
        // Only a refusal ends the session; a network blip keeps the tokens for a later try.
        if (e instanceof ApiError) {
          this.lose();
          throw new AuthError(e.problem);
        }
        throw e;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /**
   * An access token good for at least `marginMs` more: refreshes first when it is about to expire.
   * Used before opening a WebSocket / EventSource, which cannot answer 401 + retry.
   */
  async freshAccessToken(marginMs = 30_000): Promise<string | null> {
    const s = this.tokens.get();
    if (!s) return null;
    if (s.expires_at - this.now() > marginMs) return s.access_token;
    try {
      return (await this.refresh()).access_token;
    } catch (e) {
      if (e instanceof AuthError) return null;
      return s.access_token;
    }
  }

  // ---- videos -------------------------------------------------------------------------------

  createVideo(body: CreateVideoRequest): Promise<CreateVideoResponse> {
    return this.request('/api/videos', { method: 'POST', body });
  }

  estimate(body: CreateVideoRequest, signal?: AbortSignal): Promise<Estimate> {
    return this.request('/api/estimates', { method: 'POST', body, signal });
  }

  listVideos(params: ListParams = {}, signal?: AbortSignal): Promise<VideoPage> {
    const q = new URLSearchParams();
    if (params.status) q.set('status', params.status);
    if (params.page != null) q.set('page', String(params.page));
    if (params.size != null) q.set('size', String(params.size));
    const qs = q.toString();
    return this.request(`/api/videos${qs ? `?${qs}` : ''}`, { signal });
  }

  getVideo(id: string, lang?: Language, signal?: AbortSignal): Promise<VideoDetail> {
    const qs = lang ? `?lang=${encodeURIComponent(lang)}` : '';
    return this.request(`/api/videos/${encodeURIComponent(id)}${qs}`, { signal });
  }

  retryVideo(id: string): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/retry`, { method: 'POST' });
  }

  cancelVideo(id: string): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  }

  regenerateBlock(id: string, index: number): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/blocks/${index}/regenerate`, { method: 'POST' });
  }

  resetClip(id: string, index: number): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/clips/${index}/reset`, { method: 'POST' });
  }

  deleteVideo(id: string): Promise<void> {
    return this.request(`/api/videos/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  // ---- review, drafts, block edits --------------------------------------------------------------

  getScript(id: string, signal?: AbortSignal): Promise<ReviewScript> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/script`, { signal });
  }

  saveScript(id: string, script: Pick<ReviewScript, 'title' | 'style_guide' | 'blocks'>): Promise<ReviewScript> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/script`, { method: 'PUT', body: script });
  }

  rewriteBlock(id: string, index: number): Promise<ReviewScript> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/blocks/${index}/rewrite`, { method: 'POST' });
  }

  approve(id: string): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/approve`, { method: 'POST' });
  }

  editBlock(id: string, index: number, edit: BlockEdit): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/blocks/${index}`, { method: 'PATCH', body: edit });
  }

  finalize(id: string): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/finalize`, { method: 'POST' });
  }

  // ---- look and sound: voices, caption previews, music library -----------------------------------

  voices(language: string, signal?: AbortSignal): Promise<VoiceList> {
    return this.request(`/api/voices?${new URLSearchParams({ language })}`, { signal });
  }

  /** About 2 s of `voice` speaking `language`, as audio/wav. */
  voiceSample(voice: string | null, language: string, signal?: AbortSignal): Promise<Blob> {
    const q = new URLSearchParams({ language });
    if (voice) q.set('voice', voice);
    return this.blob(`/api/voices/sample?${q}`, signal);
  }

  /** A frame of the look's format with `text` as a caption, drawn by the server's caption renderer (PNG). */
  captionPreview(look: CaptionLook, language: string, text: string, signal?: AbortSignal): Promise<Blob> {
    return this.blob(`/api/captions/preview?${captionPreviewQuery(look, language, text)}`, signal);
  }

  async listMusic(signal?: AbortSignal): Promise<MusicTrack[]> {
    return (await this.request<{ items: MusicTrack[] }>('/api/music', { signal })).items;
  }

  uploadMusic(file: Blob, title: string, moods: string[], options: UploadOptions): Promise<MusicTrack> {
    const q = new URLSearchParams({ title });
    if (moods.length > 0) q.set('moods', moods.join(','));
    return this.upload(`/api/music?${q}`, 'POST', file, options);
  }

  deleteMusic(id: string): Promise<void> {
    return this.request(`/api/music/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  // ---- own media per block, captions after the fact ----------------------------------------------

  uploadBlockMedia(id: string, index: number, file: Blob, name: string, keepSound: boolean, options: UploadOptions): Promise<VideoDetail> {
    const q = new URLSearchParams({ keep_sound: String(keepSound), name });
    return this.upload(`/api/videos/${encodeURIComponent(id)}/blocks/${index}/media?${q}`, 'PUT', file, options);
  }

  removeBlockMedia(id: string, index: number): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/blocks/${index}/media`, { method: 'DELETE' });
  }

  getCaptions(id: string, signal?: AbortSignal): Promise<Captions> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/captions`, { signal });
  }

  /** Burns these words in instead (the video is assembled again, nothing is paid): answers the video, assembling. */
  saveCaptions(id: string, words: CaptionWord[]): Promise<VideoDetail> {
    return this.request(`/api/videos/${encodeURIComponent(id)}/captions`, { method: 'PUT', body: { words } });
  }

  // ---- URLs ------------------------------------------------------------------------------------
  // Files (<video>, <img>, downloads) use the signed links the documents carry, never a token in the URL.
  // WebSocket and EventSource cannot send headers: they take ?access_token= (the server accepts it there only).

  /** A server-given path (a signed file link) as a URL of this client. */
  link(path: string | null | undefined): string | undefined {
    return path ? `${this.baseUrl}${path}` : undefined;
  }

  sseUrl(id: string, token: string | null, lang: Language): string {
    return `${this.baseUrl}/api/videos/${encodeURIComponent(id)}/events?${liveQuery(token, lang)}`;
  }

  wsUrl(id: string, token: string | null, lang: Language): string {
    const path = `/ws/videos/${encodeURIComponent(id)}?${liveQuery(token, lang)}`;
    if (/^https?:/.test(this.baseUrl)) return this.baseUrl.replace(/^http/, 'ws') + path;
    const loc = typeof window !== 'undefined' ? window.location : null;
    const proto = loc?.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${proto}//${loc?.host ?? 'localhost'}${this.baseUrl}${path}`;
  }

  // ---- plumbing -----------------------------------------------------------------------------

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const auth = options.auth ?? true;
    const res = await this.call((token) => this.send(path, options, token), auth);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** GET of a binary resource (an image, a sound) with the bearer token, for a blob URL. */
  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    return (await this.call((token) => this.send(path, { signal }, token, '*/*'), true)).blob();
  }

  /**
   * Sends `file` as the raw body with upload progress (XMLHttpRequest: fetch reports none), with the same
   * refresh-on-401 and error mapping as {@link request}; answers the JSON reply.
   */
  async upload<T>(path: string, method: string, file: Blob, options: UploadOptions): Promise<T> {
    const res = await this.call((token) => this.sendFile(path, method, file, options, token), true);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Runs `transport` with the access token; on 401 refreshes once (AuthError if refused) and replays once. */
  private async call(transport: Transport, auth: boolean): Promise<Response> {
    let res = await transport(auth ? this.tokens.get()?.access_token : undefined);
    if (res.status === 401 && auth) {
      const session = await this.refresh();
      res = await transport(session.access_token);
      if (res.status === 401) {
        const problem = await readProblem(res);
        this.lose();
        throw new AuthError(problem);
      }
    }
    if (!res.ok) {
      const problem = await readProblem(res);
      throw new ApiError(res.status, problem, parseRetryAfter(res.headers.get('Retry-After'), this.now()));
    }
    return res;
  }

  private headers(token: string | undefined, accept: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: accept };
    const lang = this.language();
    if (lang) headers['Accept-Language'] = lang;
    if (token) headers.Authorization = `Bearer ${token}`;
    return headers;
  }

  private async send(path: string, options: RequestOptions, token: string | undefined, accept = 'application/json'): Promise<Response> {
    const headers = this.headers(token, accept);
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const f = this.fetchImpl ? this.fetchImpl() : globalThis.fetch.bind(globalThis);
    try {
      return await f(this.baseUrl + path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal: options.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new NetworkError(e);
    }
  }

  private sendFile(path: string, method: string, file: Blob, options: UploadOptions, token: string | undefined): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new DOMException('Aborted', 'AbortError'));
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open(method, this.baseUrl + path);
      for (const [k, v] of Object.entries(this.headers(token, 'application/json'))) xhr.setRequestHeader(k, v);
      xhr.setRequestHeader('Content-Type', options.contentType);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
      };
      const abort = () => xhr.abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      const done = () => options.signal?.removeEventListener('abort', abort);
      xhr.onload = () => {
        done();
        if (xhr.status < 200 || xhr.status > 599) reject(new NetworkError(new Error(`upload to ${path}: no answer`)));
        else resolve(xhrResponse(xhr));
      };
      xhr.onerror = () => {
        done();
        reject(new NetworkError(new Error(`upload to ${path} failed`)));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException('Aborted', 'AbortError'));
      };
      xhr.send(file);
    });
  }
}

/** An XMLHttpRequest's answer as a Response, so one error mapping serves fetch and uploads. */
function xhrResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
  return new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers });
}

/** The preview's query: every field of the look (the font only when one is chosen), the language and the text. */
export function captionPreviewQuery(look: CaptionLook, language: string, text: string): string {
  const q = new URLSearchParams({
    aspect: look.aspect,
    caption_style: look.caption_style,
    caption_position: look.caption_position,
    caption_color: look.caption_color,
    caption_highlight: look.caption_highlight,
    caption_size: String(look.caption_size),
    language,
    text,
  });
  if (look.caption_font) q.set('caption_font', look.caption_font);
  return q.toString();
}

function liveQuery(token: string | null, lang: Language): string {
  const q = new URLSearchParams();
  if (token) q.set('access_token', token);
  q.set('lang', lang);
  return q.toString();
}

/** Reads a problem+json body; falls back to a problem built from the status line. */
export async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status };
  let text = '';
  try {
    text = await res.text();
  } catch {
    return fallback;
  }
  if (!text) return fallback;
  try {
    const body = JSON.parse(text) as Partial<Problem> | null;
    if (!body || typeof body !== 'object') return fallback;
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : fallback.title,
      status: typeof body.status === 'number' ? body.status : res.status,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(typeof body.field === 'string' ? { field: body.field } : {}),
      ...(typeof body.rule === 'string' ? { rule: body.rule } : {}),
    };
  } catch {
    return { ...fallback, detail: text.slice(0, 300) };
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The language the page shows (the <html lang> that I18nProvider keeps), for Accept-Language. */
function pageLanguage(): Language | null {
  const l = typeof document !== 'undefined' ? document.documentElement.lang : '';
  return l === 'fr' || l === 'en' ? l : null;
}

/** The app-wide client. */
export const api = new ApiClient();
