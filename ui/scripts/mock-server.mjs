// A throw-away stand-in for the Java back end, for looking at the built UI in a browser:
//   npm run build && node scripts/mock-server.mjs [port]
// Serves dist/ (with the SPA fallback the real server also needs) and fakes the API contract.
// It has no WebSocket endpoint on purpose: the UI falls back to SSE, which it does serve.
// Node built-ins only; not used by the tests or the build.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.argv[2] ?? 5174);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

const BLOCK_SECONDS = 4;
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
  videos.set(id, { id, req: { style: 'informative', language: 'fr', mode: 'native_audio', clip_strategy: 'parallel', target_duration: 36, ...req }, created, blocks: n, fixed, cancelled: false });
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
    })),
    assembly: s.status === 'assembling' ? { status: 'waiting', expected_clips: s.total, found_clips: s.total, first_detected_at: p.updated_at, last_checked_at: p.updated_at } : null,
    costs: { spent_usd: spent, estimate_usd: 0.01 + s.total * 0.05, saved_usd: 0, budget_usd: null, calls: 1 + s.done, by_provider: [{ provider: 'local', operation: 'clip', calls: s.done, units: s.done * 6, unit: 'second', amount_usd: s.done * 0.05 }] },
    events: [{ at: new Date(v.created).toISOString(), type: 'created', message: 'Video created' }],
    result: v.fixed === 'partial' ? { duration_seconds: (s.total - 1) * 6, blocks_used: s.total - 1, blocks_missing: [s.total], partial: true } : null,
    eta: s.status === 'generating_clips' || s.status === 'queued' ? { remaining_seconds: Math.max(0, 3 + s.total * BLOCK_SECONDS - (Date.now() - v.created) / 1000), basis: 'history', samples: 12 } : null,
    files: s.status === 'completed' ? { final: `/api/videos/${v.id}/final.mp4`, thumbnail: null, captions_ass: null, captions_srt: null, script: `/api/videos/${v.id}/script.json` } : null,
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
    if (path.startsWith('/api/')) {
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
      return send(res, 202, { video_id: add(b, 0) });
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
