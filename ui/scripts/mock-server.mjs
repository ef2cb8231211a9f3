// A throw-away stand-in for the Java back end, for looking at the built UI in a browser:
//   npm run build && node scripts/mock-server.mjs [port]
// Serves dist/ (with the SPA fallback the real server also needs) and fakes the API contract.
// It has no WebSocket endpoint on purpose: the UI falls back to SSE, which it does serve.
// Node built-ins only; not used by the tests or the build.
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const port = Number(process.argv[2] ?? 5174);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

const BLOCK_SECONDS = 4;
const SIZES = { '9:16': [1080, 1920], '1:1': [1080, 1080], '16:9': [1920, 1080] };
const OUTPUT_DEFAULTS = { aspect: '9:16', caption_style: 'karaoke', caption_position: 'bottom', caption_font: null, caption_color: '#FFFFFF',
  caption_highlight: '#FFFF00', caption_size: 100, music: 'none', music_volume: 100, voice: null, speech_rate: 1 };
const music = [{ id: 'trk_00112233445566aa', title: 'Ocean drift', moods: ['calm', 'sea'], duration_seconds: 95 }];
const VOICES = { fr: [{ id: 'roa/fr', name: 'French', language: 'fr' }, { id: 'roa/fr+f3', name: 'French (f3)', language: 'fr' }],
  en: [{ id: 'gmw/en', name: 'English', language: 'en' }, { id: 'gmw/en-US', name: 'English (America)', language: 'en' }] };
const work = mkdtempSync(join(tmpdir(), 'reelforge-mock-'));

// ---- stand-in media: a PNG drawn in JS, a WAV tone, and (when ffmpeg is there) a test-pattern MP4 per format ----
const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A dark frame with a bar of the caption colour where the captions sit: enough to see a layout, not a render. */
function previewPng(q) {
  const [fw, fh] = SIZES[q.get('aspect')] ?? SIZES['9:16'];
  const w = 360, h = Math.round((360 * fh) / fw);
  const hex = (v, d) => (/^#[0-9a-f]{6}$/i.test(v ?? '') ? v : d).slice(1).match(/../g).map((x) => parseInt(x, 16));
  const text = hex(q.get('caption_color'), '#FFFFFF');
  const pos = q.get('caption_position') ?? 'bottom';
  const barH = Math.round(h * 0.05 * (Number(q.get('caption_size') ?? 100) / 100));
  const top = pos === 'top' ? Math.round(h * 0.12) : pos === 'middle' ? Math.round(h / 2 - barH / 2) : Math.round(h * 0.75);
  const none = q.get('caption_style') === 'none';
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const inBar = !none && y >= top && y < top + barH && x > w * 0.15 && x < w * 0.85;
      const px = inBar ? text : [20 + (y * 40) / h, 30, 60];
      raw.set(px, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function toneWav(seconds = 1.5, rate = 16000) {
  const n = Math.round(seconds * rate);
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + n * 2, 4); b.write('WAVEfmt ', 8); b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22); b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34);
  b.write('data', 36); b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 330 * i) / rate)), 44 + i * 2);
  return b;
}
const finals = new Map();
/** A 4 s test pattern of the format's size, made once with ffmpeg (no shell: arguments only). */
function finalFile(aspect) {
  if (!finals.has(aspect)) {
    const [w, h] = SIZES[aspect] ?? SIZES['9:16'];
    const out = join(work, `final-${w}x${h}.mp4`);
    finals.set(aspect, new Promise((resolve, reject) => execFile('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${w}x${h}:rate=24:duration=4`,
      '-f', 'lavfi', '-i', 'sine=frequency=330:duration=4', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
      '-movflags', '+faststart', out], (e) => (e ? reject(e) : resolve(out)))));
  }
  return finals.get(aspect);
}
function captionWords(v) {
  if (v.captions) return v.captions;
  const words = [];
  let at = 0;
  for (let i = 1; i <= v.blocks; i++) {
    for (const w of `Phrase ${i} sur ${v.req.theme}.`.split(/\s+/)) {
      words.push({ text: w, start_ms: at, end_ms: at + 380 });
      at += 420;
    }
    at = i * 6000;
  }
  return words;
}
const videos = new Map();
let seq = 0;

function newId() {
  const d = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `vid_${d.slice(0, 8)}_${d.slice(8)}_${(++seq).toString(36).padStart(4, '0')}`;
}

function add(req, createdAgoSeconds, fixed) {
  const id = newId();
  const created = Date.now() - createdAgoSeconds * 1000;
  const n = Math.max(1, Math.round((req.target_duration ?? 36) / 6));
  videos.set(id, { id, req: { style: 'informative', language: 'fr', mode: 'native_audio', clip_strategy: 'parallel', target_duration: 36, ...req }, created, blocks: n, fixed, cancelled: false, media: new Map(), captions: null, edited: false, reassembleUntil: 0 });
  return id;
}

add({ theme: 'Intelligence artificielle', target_duration: 24 }, 600, 'completed');
add({ theme: 'Les volcans d’Islande', target_duration: 36 }, 300, 'failed');
add({ theme: 'La vie secrète des abeilles', target_duration: 48, mode: 'narrated' }, 5);
add({ theme: 'Les aurores boréales', target_duration: 24 }, 120, 'partial');
add({ theme: 'Le cycle de l’eau', target_duration: 24 }, 30, 'awaiting');
const scripts = new Map();

function state(v, lang) {
  const fr = lang !== 'en';
  const elapsed = (Date.now() - v.created) / 1000;
  const total = v.blocks;
  let status, step, done, pct, message, cat = null, err = null;
  const scriptEnd = 3;
  const clipsEnd = scriptEnd + total * BLOCK_SECONDS;
  if (v.fixed === 'awaiting') {
    status = 'awaiting_approval'; step = 'clips'; done = 0; pct = 10; message = fr ? 'Script prêt : à valider' : 'Script ready for your review';
  } else if (v.cancelled) {
    status = 'cancelled'; step = null; done = 0; pct = 0; message = fr ? 'Annulée' : 'Cancelled';
  } else if (v.fixed === 'failed') {
    status = 'failed'; step = 'clips'; done = 2; pct = 45; cat = 'usage_guidelines'; err = 'Veo: prompt blocked by safety filter';
    message = fr ? 'Erreur : Le contenu demandé ne respecte pas les règles de sécurité.' : 'Error: the requested content does not meet the safety rules.';
  } else if (Date.now() < v.reassembleUntil) {
    status = 'assembling'; step = 'assembly'; done = total; pct = 92; message = fr ? 'Nouvel assemblage (sous-titres corrigés)' : 'Assembling again (corrected captions)';
  } else if (v.fixed === 'completed' || elapsed > clipsEnd + 4) {
    status = 'completed'; step = null; done = total; pct = 100; message = fr ? 'Terminé' : 'Done';
  } else if (elapsed < scriptEnd) {
    status = 'queued'; step = 'script'; done = 0; pct = 5; message = fr ? "En file d'attente" : 'Queued';
  } else if (elapsed < clipsEnd) {
    done = Math.floor((elapsed - scriptEnd) / BLOCK_SECONDS);
    status = 'generating_clips'; step = 'clips'; pct = 10 + Math.round((done / total) * 75);
    message = fr ? `Génération vidéos (${done}/${total} blocs)` : `Generating clips (${done}/${total} blocks)`;
  } else {
    status = 'assembling'; step = 'assembly'; done = total; pct = 90; message = fr ? 'Assemblage et sous-titres' : 'Assembling and captioning';
  }
  const blocks = Array.from({ length: total }, (_, i) => {
    let s = i < done ? 'success' : status === 'generating_clips' ? (i === done ? 'pending' : 'submitting') : status === 'queued' ? null : 'pending';
    let retry = 0;
    let last = null;
    if (v.fixed === 'failed') {
      s = i < 2 ? 'success' : i === 2 ? 'abandoned' : 'failed';
      retry = i >= 2 ? 3 : 0;
      last = i >= 2 ? 'SAFETY: prompt blocked' : null;
    }
    if (v.fixed === 'partial' && i === total - 1) {
      s = 'abandoned'; retry = 3; last = 'operation timed out';
    }
    if (v.fixed === 'awaiting') s = null;
    if (i === 1 && status !== 'queued') retry = Math.max(retry, 1);
    return { index: i + 1, status: s, retry_count: retry, last_error: last };
  });
  return { status, step, done, pct, message, cat, err, blocks, total };
}

function progress(v, lang) {
  const s = state(v, lang);
  return {
    video_id: v.id, status: s.status, status_label: s.status === 'generating_clips' ? 'generating_parallel' : s.status,
    current_step: s.step, completed_blocks: s.done, total_blocks: s.total, progress_percentage: s.pct, message: s.message,
    error_category: s.cat, error_message: s.err, updated_at: new Date().toISOString(),
    blocks: s.blocks.filter((b) => b.status).map((b) => ({ index: b.index, status: b.status, retry_count: b.retry_count })),
  };
}

function detail(v, lang) {
  const s = state(v, lang);
  const p = progress(v, lang);
  const spent = 0.01 + s.done * 0.05;
  return {
    ...p, theme: v.req.theme, target_duration: v.req.target_duration, style: v.req.style, language: v.req.language, mode: v.req.mode,
    clip_strategy: v.req.clip_strategy, last_successful_step: s.done > 0 ? 'script' : null, failure_reason: s.err, attempts: s.status === 'failed' ? 1 : 0,
    created_at: new Date(v.created).toISOString(), updated_at: s.status === 'completed' || s.status === 'failed' ? new Date(v.created + 60_000).toISOString() : p.updated_at,
    blocks: s.blocks.map((b) => ({
      index: b.index, duration: 6, visual_prompt: `Vertical shot ${b.index} about ${v.req.theme}`, spoken_text: `Phrase ${b.index}.`, on_screen_text: null,
      clip: b.status ? { status: b.status, retry_count: b.retry_count, submissions: 1 + b.retry_count, last_error: b.last_error, error_category: b.last_error ? 'usage_guidelines' : null, updated_at: p.updated_at } : null,
      media: v.media.get(b.index) ?? null,
    })),
    output: Object.fromEntries(Object.keys(OUTPUT_DEFAULTS).map((k) => [k, v.req[k] ?? OUTPUT_DEFAULTS[k]])),
    assembly: s.status === 'assembling' ? { status: 'waiting', expected_clips: s.total, found_clips: s.total, first_detected_at: p.updated_at, last_checked_at: p.updated_at } : null,
    costs: { spent_usd: spent, estimate_usd: 0.01 + s.total * 0.05, saved_usd: 0, budget_usd: null, calls: 1 + s.done, by_provider: [{ provider: 'local', operation: 'clip', calls: s.done, units: s.done * 6, unit: 'second', amount_usd: s.done * 0.05 }] },
    events: [{ at: new Date(v.created).toISOString(), type: 'created', message: 'Video created' }],
    result: v.fixed === 'partial' ? { duration_seconds: (s.total - 1) * 6, blocks_used: s.total - 1, blocks_missing: [s.total], partial: true } : null,
    eta: s.status === 'generating_clips' || s.status === 'queued' ? { remaining_seconds: Math.max(0, 3 + s.total * BLOCK_SECONDS - (Date.now() - v.created) / 1000), basis: 'history', samples: 12 } : null,
    files: s.status === 'completed' ? { final: `/api/videos/${v.id}/final.mp4`, download: `/api/videos/${v.id}/final.mp4?download=1`, thumbnail: null, captions_ass: null, captions_srt: null, script: `/api/videos/${v.id}/script.json` } : null,
  };
}

function summary(v, lang) {
  const d = detail(v, lang);
  return { video_id: v.id, theme: d.theme, status: d.status, status_label: d.status_label, progress_percentage: d.progress_percentage, message: d.message, target_duration: d.target_duration, language: d.language, created_at: d.created_at, updated_at: d.updated_at, has_final: d.status === 'completed', thumbnail_url: null };
}

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
const problem = (res, status, title, extra = {}) => send(res, status, { type: 'about:blank', title, status, ...extra }, 'application/problem+json');

async function body(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

/** Reads a raw upload; null when it is over `max` bytes. */
async function bytes(req, max) {
  let n = 0;
  for await (const chunk of req) n += chunk.length;
  return n > max ? null : n;
}

const tokens = { access_token: 'mock-access', refresh_token: 'mock-refresh', expires_in: 3600, user: { username: 'demo', role: 'user' } };

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  const lang = url.searchParams.get('lang') ?? 'fr';
  try {
    if (path === '/api/auth/login' && req.method === 'POST') {
      const b = await body(req);
      return b.password ? send(res, 200, tokens) : problem(res, 401, 'Unauthorized');
    }
    if (path === '/api/auth/refresh') return send(res, 200, tokens);
    // The real server signs file links; here any final.mp4 link works without a token.
    if (path.startsWith('/api/') && !path.endsWith('/final.mp4')) {
      const auth = req.headers.authorization === 'Bearer mock-access' || url.searchParams.get('access_token') === 'mock-access';
      if (!auth) return problem(res, 401, 'Unauthorized');
    }
    if (path === '/api/estimates' && req.method === 'POST') {
      const b = await body(req);
      const seconds = b.target_duration ?? 36;
      return send(res, 200, { estimate_usd: 0.4 * seconds / 6 + 0.01, draft_estimate_usd: 0.05 * seconds / 6 + 0.01, unpriced: [], paid_clips: true, clip_model: 'veo-3.1-fast', clip_lengths: { min: 4, max: 8, only: [4, 6, 8] } });
    }
    if (path === '/api/videos' && req.method === 'GET') {
      const status = url.searchParams.get('status');
      const items = [...videos.values()].reverse().map((v) => summary(v, lang)).filter((s) => !status || s.status === status);
      return send(res, 200, { items, page: 1, size: 24, total: items.length });
    }
    if (path === '/api/videos' && req.method === 'POST') {
      const b = await body(req);
      if (!b.theme || !String(b.theme).trim()) return problem(res, 400, 'Invalid request', { field: 'theme', rule: 'is required and must not be blank' });
      if (String(b.theme).toLowerCase().includes('mickey')) return problem(res, 400, 'Invalid request', { field: 'theme', rule: 'mock: pick a theme without trademarks' });
      return send(res, 202, { video_id: add(b, 0, b.review ? 'awaiting' : undefined) });
    }
    if (path === '/api/voices') {
      const language = url.searchParams.get('language') ?? 'fr';
      const items = VOICES[language] ?? [];
      return send(res, 200, { provider: 'espeak-ng', default_voice: items[0]?.id ?? null, items });
    }
    if (path === '/api/voices/sample') {
      res.writeHead(200, { 'Content-Type': 'audio/wav' });
      return res.end(toneWav());
    }
    if (path === '/api/captions/preview') {
      const font = url.searchParams.get('caption_font');
      if (font && !/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u.test(font)) return problem(res, 400, 'Invalid request', { field: 'caption_font', rule: 'must be a font family name of letters, digits, spaces, ., _ or -' });
      const png = previewPng(url.searchParams);
      res.writeHead(200, { 'Content-Type': 'image/png', ETag: `"${crc32(png).toString(16)}"`, 'Cache-Control': 'private, max-age=0' });
      return res.end(png);
    }
    if (path === '/api/music' && req.method === 'GET') return send(res, 200, { items: music });
    if (path === '/api/music' && req.method === 'POST') {
      const n = await bytes(req, 50 * 1024 * 1024);
      if (n == null) return problem(res, 413, 'Payload Too Large');
      const track = { id: `trk_${(Date.now().toString(16) + '0000000000000000').slice(0, 16)}`, title: url.searchParams.get('title') ?? 'Untitled', moods: (url.searchParams.get('moods') ?? '').split(',').filter(Boolean), duration_seconds: 30 };
      music.push(track);
      return send(res, 201, track);
    }
    const track = /^\/api\/music\/([^/]+)$/.exec(path);
    if (track && req.method === 'DELETE') {
      const i = music.findIndex((t) => t.id === track[1]);
      if (i >= 0) music.splice(i, 1);
      res.writeHead(204).end();
      return;
    }
    const m = /^\/api\/videos\/([^/]+)(?:\/(.*))?$/.exec(path);
    if (m) {
      const v = videos.get(decodeURIComponent(m[1]));
      if (!v) return problem(res, 404, 'Not Found');
      const rest = m[2] ?? '';
      if (!rest && req.method === 'GET') return send(res, 200, detail(v, lang));
      if (!rest && req.method === 'DELETE') {
        if (!['completed', 'failed', 'cancelled'].includes(state(v).status)) return problem(res, 409, 'Conflict', { detail: 'cancel first' });
        videos.delete(v.id);
        res.writeHead(204).end();
        return;
      }
      if (rest === 'final.mp4') {
        const file = await finalFile(v.req.aspect ?? '9:16');
        const headers = { 'Content-Type': 'video/mp4', 'Content-Length': statSync(file).size };
        if (url.searchParams.has('download')) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(v.req.theme)}.mp4`;
        res.writeHead(200, headers);
        return createReadStream(file).pipe(res);
      }
      const media = /^blocks\/(\d+)\/media$/.exec(rest);
      if (media) {
        const st = state(v).status;
        if (!['awaiting_approval', 'completed', 'failed', 'cancelled'].includes(st)) return problem(res, 409, 'Conflict', { detail: 'not now', current_status: st });
        if (req.method === 'DELETE') v.media.delete(Number(media[1]));
        else {
          const type = req.headers['content-type'] ?? '';
          const n = await bytes(req, 200 * 1024 * 1024);
          if (n == null) return problem(res, 413, 'Payload Too Large');
          if (!/^(video\/(mp4|quicktime|webm)|image\/(jpeg|png|webp))$/.test(type) || n === 0) return problem(res, 400, 'Bad Request', { detail: 'not a video or image ffmpeg can read' });
          v.media.set(Number(media[1]), { kind: type.startsWith('image/') ? 'image' : 'video', name: url.searchParams.get('name') ?? 'media', keep_sound: url.searchParams.get('keep_sound') === 'true' && type.startsWith('video/') });
        }
        return send(res, 200, detail(v, lang));
      }
      if (rest === 'captions' && req.method === 'GET') return send(res, 200, { words: captionWords(v), edited: v.edited });
      if (rest === 'captions' && req.method === 'PUT') {
        if (state(v).status !== 'completed') return problem(res, 409, 'Conflict', { detail: 'completed videos only', current_status: state(v).status });
        const b = await body(req);
        const bad = (b.words ?? []).findIndex((w) => typeof w.text !== 'string' || w.text.trim().length < 1 || w.text.length > 64);
        if (bad >= 0) return problem(res, 400, 'Invalid request', { field: `words[${bad}].text`, rule: 'must be 1-64 characters' });
        v.captions = b.words; v.edited = true; v.reassembleUntil = Date.now() + 4000;
        return send(res, 202, detail(v, lang));
      }
      if (rest === 'events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
        const tick = () => res.write(`event: progress\ndata: ${JSON.stringify(progress(v, lang))}\n\n`);
        tick();
        const timer = setInterval(tick, 1000);
        req.on('close', () => clearInterval(timer));
        return;
      }
      if (rest === 'retry' || /^(blocks\/\d+\/regenerate|clips\/\d+\/reset)$/.test(rest)) {
        v.fixed = undefined; v.cancelled = false; v.created = Date.now();
        return send(res, 202, detail(v, lang));
      }
      if (rest === 'script') {
        if (req.method === 'PUT') scripts.set(v.id, await body(req));
        const sc = scripts.get(v.id) ?? { title: v.req.theme, style_guide: 'Soft light, wide shots', blocks: detail(v, lang).blocks.map((b) => ({ index: b.index, duration: 6, visual_prompt: b.visual_prompt, spoken_text: `Texte parlé du bloc ${b.index} sur ${v.req.theme}.`, on_screen_text: null, emphasis: [] })) };
        return send(res, 200, { ...sc, estimate_usd: 0.4 * sc.blocks.reduce((n, b) => n + b.duration, 0) / 6, editable: v.fixed === 'awaiting' });
      }
      if (rest === 'approve') {
        if (v.fixed !== 'awaiting') return problem(res, 409, 'Conflict', { detail: 'not awaiting approval' });
        v.fixed = undefined; v.created = Date.now();
        return send(res, 202, detail(v, lang));
      }
      if (rest === 'cancel') {
        v.cancelled = true;
        return send(res, 202, detail(v, lang));
      }
      return problem(res, 404, 'Not Found');
    }
    if (path.startsWith('/api/') || path.startsWith('/ws/')) return problem(res, 404, 'Not Found');

    // Static files, with index.html for any app route.
    const file = normalize(join(dist, path));
    const target = file.startsWith(dist) && existsSync(file) && statSync(file).isFile() ? file : join(dist, 'index.html');
    res.writeHead(200, { 'Content-Type': types[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  } catch (e) {
    problem(res, 500, 'Mock error', { detail: String(e) });
  }
}).listen(port, '127.0.0.1', () => console.log(`mock ReelForge on http://127.0.0.1:${port}`));
