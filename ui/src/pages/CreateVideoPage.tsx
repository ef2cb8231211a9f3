import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { charCount, formatUsd, languageName } from '../format';
import { FieldError } from '../components/FieldError';
import { LookSection } from '../components/LookSection';
import { isMessageKey, useI18n, type MessageKey, type Translate } from '../i18n';
import { changedOutput, OUTPUT_FIELDS, outputParams, parseOutput, validateOutput, voiceApplies } from '../output';
import { api, ApiError, NetworkError } from '../services/api';
import {
  allowedLengths,
  CLIP_STRATEGIES,
  LANGUAGE_TAG,
  MODES,
  STYLES,
  VIDEO_LANGUAGES,
  type BlockDuration,
  type ClipStrategy,
  type CreateVideoRequest,
  type Estimate,
  type Mode,
  type OutputSettings,
  type Style,
} from '../types';

export const THEME_MAX = 200;
export const DURATION_MIN = 8;
export const DURATION_MAX = 180;
export const DURATION_DEFAULT = 36;
const MAX_BLOCKS = 45;
const MAX_PROMPT = 2000;
const MAX_SPOKEN = 600;
const MAX_ON_SCREEN = 120;
const MAX_TITLE = 200;
const MAX_STYLE_GUIDE = 1000;
const DRAFT_KEY = 'reelforge.scriptDraft';

interface DraftBlock {
  key: number;
  duration: BlockDuration;
  visual_prompt: string;
  spoken_text: string;
  on_screen_text: string;
}

interface ScriptDraft {
  enabled: boolean;
  title: string;
  style_guide: string;
  blocks: DraftBlock[];
}

type FieldErrors = Record<string, string>;

let blockKey = 0;
function newBlock(duration: BlockDuration = 6): DraftBlock {
  return { key: ++blockKey, duration, visual_prompt: '', spoken_text: '', on_screen_text: '' };
}

function loadDraft(): ScriptDraft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (raw) {
      const d = JSON.parse(raw) as ScriptDraft;
      if (d && Array.isArray(d.blocks)) {
        return { ...d, blocks: d.blocks.map((b) => ({ ...b, key: ++blockKey })) };
      }
    }
  } catch {
    /* ignore a broken draft */
  }
  return { enabled: false, title: '', style_guide: '', blocks: [newBlock(), newBlock()] };
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function clampDuration(value: string | null): number {
  const n = value == null ? NaN : Number(value);
  if (!Number.isFinite(n)) return DURATION_DEFAULT;
  return Math.min(DURATION_MAX, Math.max(DURATION_MIN, Math.round(n)));
}

/**
 * Maps a server `field` to the key of the input it belongs to:
 * theme, target_duration, budget_usd, script.title, script.style_guide, script.blocks,
 * blocks.N.visual_prompt (N = the block's 1-based index) …
 */
export function fieldKey(field: string): string {
  const f = field.trim().replace(/^script\./, '');
  const block = /^blocks?\[?\.?(\d+)\]?\.(\w+)$/.exec(f);
  if (block) return `blocks.${block[1]}.${block[2]}`;
  if (f === 'blocks' || f.startsWith('blocks[]')) return 'script.blocks';
  if (f === 'title' || f === 'style_guide') return `script.${f}`;
  if (f === 'budget') return 'budget_usd';
  return f;
}

interface FormState {
  theme: string;
  duration: number;
  style: Style;
  /** The video's language (any tag the server takes; the page's own language is separate). */
  language: string;
  mode: Mode;
  strategy: ClipStrategy;
  budget: string;
  /** null: the server's default (on when a paid clip provider is configured). */
  review: boolean | null;
  draft: boolean;
  /** Look and sound; only what differs from the defaults is sent. */
  output: OutputSettings;
}

/**
 * The length the video will really have: the smallest sum of allowed block lengths that reaches the target
 * (with Veo's 4, 6 and 8 s, 15 s becomes 16 s).
 */
export function reachableDuration(target: number, lengths: number[]): number {
  const reachable = new Set<number>([0]);
  const max = target + Math.max(...lengths, 1);
  for (let s = 0; s <= max; s++) {
    if (!reachable.has(s)) continue;
    for (const l of lengths) reachable.add(s + l);
  }
  for (let s = target; s <= max; s++) if (reachable.has(s)) return s;
  return target;
}

function validate(form: FormState, script: ScriptDraft, t: Translate): FieldErrors {
  const errors: FieldErrors = validateOutput(form.output, t);
  const themeLength = charCount(form.theme.trim());
  if (themeLength < 1 || charCount(form.theme) > THEME_MAX) errors.theme = t('validation.theme');
  if (!(form.duration >= DURATION_MIN && form.duration <= DURATION_MAX)) errors.target_duration = t('validation.duration');
  if (form.budget.trim() !== '') {
    const b = Number(form.budget);
    if (!Number.isFinite(b) || b < 0) errors.budget_usd = t('validation.budget');
  }
  if (script.enabled) {
    if (!script.title.trim()) errors['script.title'] = t('validation.required');
    else if (charCount(script.title) > MAX_TITLE) errors['script.title'] = t('validation.tooLong', { max: MAX_TITLE });
    if (charCount(script.style_guide) > MAX_STYLE_GUIDE)
      errors['script.style_guide'] = t('validation.tooLong', { max: MAX_STYLE_GUIDE });
    if (script.blocks.length < 1 || script.blocks.length > MAX_BLOCKS) errors['script.blocks'] = t('validation.blocksCount');
    script.blocks.forEach((b, i) => {
      const n = i + 1;
      if (!b.visual_prompt.trim()) errors[`blocks.${n}.visual_prompt`] = t('validation.required');
      else if (charCount(b.visual_prompt) > MAX_PROMPT)
        errors[`blocks.${n}.visual_prompt`] = t('validation.tooLong', { max: MAX_PROMPT });
      if (!b.spoken_text.trim()) errors[`blocks.${n}.spoken_text`] = t('validation.required');
      else if (charCount(b.spoken_text) > MAX_SPOKEN)
        errors[`blocks.${n}.spoken_text`] = t('validation.tooLong', { max: MAX_SPOKEN });
      if (charCount(b.on_screen_text.trim()) > MAX_ON_SCREEN)
        errors[`blocks.${n}.on_screen_text`] = t('validation.tooLong', { max: MAX_ON_SCREEN });
    });
    const total = script.blocks.reduce((s, b) => s + b.duration, 0);
    if (!errors['script.blocks'] && Math.abs(total - form.duration) > 8)
      errors['script.blocks'] = t('validation.blocksTotal', { total, target: form.duration });
  }
  return errors;
}

/** A step's name in the page's language ("clips", "sous-titres"); an unknown one as the server names it. */
function stepName(step: string, t: Translate): string {
  const key = `create.models.${step}`;
  return isMessageKey(key) ? t(key) : step;
}

/**
 * The request the form describes, as the API takes it (for the estimate and for the creation). `paidClips` is
 * what the server's estimate said: unknown counts as paid (review on by default, no offline voice for clips).
 */
function requestBody(form: FormState, script: ScriptDraft, paidClips: boolean | undefined): CreateVideoRequest {
  const body: CreateVideoRequest = {
    theme: form.theme.trim() || '…',
    target_duration: form.duration,
    style: form.style,
    language: form.language,
    mode: form.mode,
    clip_strategy: form.strategy,
    ...changedOutput(form.output, voiceApplies(form.mode, paidClips === false)),
  };
  if (form.budget.trim() !== '') body.budget_usd = Number(form.budget);
  // Sent only when on: a server without review and drafts then still takes the request as it is.
  if (form.review ?? paidClips ?? false) body.review = true;
  if (form.draft) body.draft = true;
  if (script.enabled) {
    body.script = {
      title: script.title.trim(),
      style_guide: script.style_guide.trim(),
      blocks: script.blocks.map((b, i) => ({
        index: i + 1,
        duration: b.duration,
        visual_prompt: b.visual_prompt.trim(),
        spoken_text: b.spoken_text.trim(),
        ...(b.on_screen_text.trim() ? { on_screen_text: b.on_screen_text.trim() } : {}),
      })),
    };
  }
  return body;
}

/** What the server says the form's video would cost; null while unknown (no theme yet, invalid form, offline). */
function useEstimate(form: FormState, script: ScriptDraft): Estimate | null {
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  useEffect(() => {
    // Asked even before a theme is typed: the answer also says which lengths blocks may have and whether clips are paid.
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.estimate(requestBody(form, script, undefined), controller.signal).then(setEstimate, () => setEstimate(null));
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [form, script]);
  return estimate;
}

export function CreateVideoPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  // The simple fields live in the URL (a reload shows the same form); the script draft in sessionStorage.
  const [form, setForm] = useState<FormState>(() => ({
    theme: params.get('theme') ?? '',
    duration: clampDuration(params.get('duration')),
    style: oneOf(STYLES, params.get('style'), 'informative'),
    language: LANGUAGE_TAG.test(params.get('language') ?? '') ? (params.get('language') as string) : lang,
    mode: oneOf(MODES, params.get('mode'), 'native_audio'),
    strategy: oneOf(CLIP_STRATEGIES, params.get('strategy'), 'parallel'),
    budget: params.get('budget') ?? '',
    review: params.get('review') === '1' ? true : params.get('review') === '0' ? false : null,
    draft: params.get('draft') === '1',
    output: parseOutput(params),
  }));
  const [script, setScript] = useState<ScriptDraft>(loadDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRender = useRef(true);

  // Navigations are transitions: while the next page's code loads, this page stays mounted, and a late URL write
  // (relative to /create) would pull the user back here. Once leaving, or once the browser is elsewhere, stop.
  const leaving = useRef(false);
  const writeUrl = useCallback(
    (f: FormState) => {
      const path = typeof window === 'undefined' ? '/' : window.location.pathname;
      if (leaving.current || (path !== '/' && !path.startsWith('/create'))) return;
      const next = new URLSearchParams();
      if (f.theme) next.set('theme', f.theme);
      next.set('duration', String(f.duration));
      next.set('style', f.style);
      next.set('language', f.language);
      next.set('mode', f.mode);
      next.set('strategy', f.strategy);
      if (f.budget) next.set('budget', f.budget);
      if (f.review != null) next.set('review', f.review ? '1' : '0');
      if (f.draft) next.set('draft', '1');
      outputParams(f.output, next);
      setParams(next, { replace: true });
    },
    [setParams],
  );

  // Debounced while typing (browsers limit history.replaceState calls); flushed on submit.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const timer = setTimeout(() => writeUrl(form), 250);
    return () => clearTimeout(timer);
  }, [form, writeUrl]);

  useEffect(() => {
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(script));
    } catch {
      /* storage full or unavailable */
    }
  }, [script]);

  const [lookOpen, setLookOpen] = useState(false);
  const update = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  };
  // A voice speaks one language: another language drops the chosen voice (even while the Look section is folded).
  const changeLanguage = (language: string) => setForm((f) => ({ ...f, language, output: { ...f.output, voice: null } }));
  const updateBlock = (i: number, patch: Partial<DraftBlock>) => {
    setScript((s) => ({ ...s, blocks: s.blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)) }));
  };

  const estimate = useEstimate(form, script);
  const lengths = useMemo(() => allowedLengths(estimate?.clip_lengths), [estimate?.clip_lengths]);
  const reachable = reachableDuration(form.duration, lengths);
  const review = form.review ?? estimate?.paid_clips ?? false;
  const blocksTotal = useMemo(() => script.blocks.reduce((s, b) => s + b.duration, 0), [script.blocks]);
  const themeCount = charCount(form.theme);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    writeUrl(form);
    setGeneral(null);
    const clientErrors = validate(form, script, t);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).some((k) => OUTPUT_FIELDS.includes(k))) setLookOpen(true);
    if (Object.keys(clientErrors).length > 0) {
      setGeneral(t('validation.fix'));
      return;
    }
    const body = requestBody(form, script, estimate?.paid_clips);
    setBusy(true);
    try {
      const { video_id } = await api.createVideo(body);
      leaving.current = true;
      navigate(`/videos/${encodeURIComponent(video_id)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setGeneral(
          err.retryAfter != null ? t('create.tooManyRequests', { s: err.retryAfter }) : t('create.tooManyRequestsNoDelay'),
        );
      } else if (err instanceof ApiError && err.field) {
        const key = fieldKey(err.field);
        const message = err.rule ?? err.problem.detail ?? err.problem.title;
        const look = OUTPUT_FIELDS.includes(key);
        if (look) setLookOpen(true);
        const known = look || document.getElementById(`field-${key}`) !== null;
        if (known) {
          setErrors({ [key]: message });
          setGeneral(t('validation.fix'));
        } else {
          setErrors({});
          setGeneral(`${err.field}: ${message}`);
        }
      } else if (err instanceof ApiError) {
        setGeneral(err.problem.detail ?? err.problem.title);
      } else if (err instanceof NetworkError) {
        setGeneral(t('error.network'));
      } else {
        setGeneral(t('error.generic'));
      }
    } finally {
      setBusy(false);
    }
  };

  const select = <T extends string>(
    name: string,
    label: MessageKey,
    values: readonly T[],
    value: T,
    onChange: (v: T) => void,
    prefix: string,
    hint?: string,
  ) => (
    <div className="field" id={`field-${name}`}>
      <label htmlFor={`input-${name}`}>{t(label)}</label>
      <select
        id={`input-${name}`}
        data-testid={`${name}-select`}
        value={value}
        aria-invalid={Boolean(errors[name])}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}` as MessageKey)}
          </option>
        ))}
      </select>
      {hint && <p className="muted small hint">{hint}</p>}
      <FieldError errors={errors} name={name} />
    </div>
  );

  return (
    <form className="form create-form" onSubmit={submit} noValidate data-testid="create-form">
      <h1>{t('create.title')}</h1>

      <section className="card">
        <div className="field" id="field-theme">
          <div className="label-row">
            <label htmlFor="input-theme">{t('create.theme')}</label>
            <span className={`counter${themeCount > THEME_MAX ? ' over' : ''}`} data-testid="theme-counter">
              {themeCount}/{THEME_MAX}
            </span>
          </div>
          <input
            id="input-theme"
            data-testid="theme-input"
            value={form.theme}
            placeholder={t('create.theme.placeholder')}
            aria-invalid={Boolean(errors.theme)}
            aria-describedby={errors.theme ? 'error-theme' : undefined}
            onChange={(e) => update('theme', e.target.value)}
          />
          <FieldError errors={errors} name="theme" />
        </div>

        <div className="field" id="field-target_duration">
          <div className="label-row">
            <label htmlFor="input-duration">{t('create.duration')}</label>
            <output htmlFor="input-duration" data-testid="duration-value">
              {form.duration} s
            </output>
          </div>
          <input
            id="input-duration"
            type="range"
            min={DURATION_MIN}
            max={DURATION_MAX}
            step={1}
            data-testid="duration-input"
            value={form.duration}
            aria-invalid={Boolean(errors.target_duration)}
            onChange={(e) => update('duration', Number(e.target.value))}
            aria-describedby={!script.enabled && reachable !== form.duration ? 'duration-hint' : undefined}
          />
          {!script.enabled && reachable !== form.duration && (
            <p className="muted small hint" id="duration-hint" data-testid="duration-hint">
              {t('create.durationHint', { lengths: lengths.length <= 6 ? lengths.join(', ') : `${lengths[0]}–${lengths[lengths.length - 1]}`, actual: reachable })}
            </p>
          )}
          <FieldError errors={errors} name="target_duration" />
        </div>

        <div className="grid-2">
          {select('style', 'create.style', STYLES, form.style, (v) => update('style', v), 'style')}
          <div className="field" id="field-language">
            <label htmlFor="input-language">{t('create.language')}</label>
            <select id="input-language" data-testid="language-select" value={form.language} aria-invalid={Boolean(errors.language)} aria-describedby={form.language !== 'fr' && form.language !== 'en' ? 'language-hint' : undefined} onChange={(e) => changeLanguage(e.target.value)}>
              {(VIDEO_LANGUAGES.includes(form.language as (typeof VIDEO_LANGUAGES)[number]) ? VIDEO_LANGUAGES : [...VIDEO_LANGUAGES, form.language]).map((l) => (
                <option key={l} value={l}>
                  {languageName(l, lang)}
                </option>
              ))}
            </select>
            {form.language !== 'fr' && form.language !== 'en' && (
              <p className="muted small hint" id="language-hint" data-testid="language-hint">
                {t('create.language.llm')}
              </p>
            )}
            <FieldError errors={errors} name="language" />
          </div>
          {select('mode', 'create.mode', MODES, form.mode, (v) => update('mode', v), 'mode', t(`create.mode.hint.${form.mode}` as MessageKey))}
          {select('clip_strategy', 'create.strategy', CLIP_STRATEGIES, form.strategy, (v) => update('strategy', v), 'strategy', t(`create.strategy.hint.${form.strategy}` as MessageKey))}
        </div>

        <div className="grid-2">
          <div className="field">
            <label className="check">
              <input type="checkbox" role="switch" data-testid="review-toggle" checked={review} aria-describedby="review-hint" onChange={(e) => update('review', e.target.checked)} />
              {t('create.review')}
            </label>
            <p className="muted small hint" id="review-hint">
              {t('create.review.hint')}
            </p>
          </div>
          <div className="field">
            <label className="check">
              <input type="checkbox" role="switch" data-testid="draft-toggle" checked={form.draft} aria-describedby="draft-hint" onChange={(e) => update('draft', e.target.checked)} />
              {t('create.draft')}
            </label>
            <p className="muted small hint" id="draft-hint">
              {t('create.draft.hint')}
            </p>
          </div>
        </div>

        <div className="field" id="field-budget_usd">
          <label htmlFor="input-budget">{t('create.budget')}</label>
          <input
            id="input-budget"
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            data-testid="budget-input"
            value={form.budget}
            aria-invalid={Boolean(errors.budget_usd)}
            onChange={(e) => update('budget', e.target.value)}
          />
          <FieldError errors={errors} name="budget_usd" />
        </div>
      </section>

      <LookSection
        value={form.output}
        onChange={(patch) => setForm((f) => ({ ...f, output: { ...f.output, ...patch } }))}
        theme={form.theme}
        language={form.language}
        showVoice={voiceApplies(form.mode, estimate?.paid_clips === false)}
        errors={errors}
        open={lookOpen}
        onToggle={setLookOpen}
      />

      <section className="card">
        <label className="check">
          <input
            type="checkbox"
            data-testid="own-script-toggle"
            checked={script.enabled}
            onChange={(e) => setScript((s) => ({ ...s, enabled: e.target.checked }))}
          />
          {t('create.ownScript')}
        </label>

        {script.enabled && (
          <div className="script-editor" data-testid="script-editor">
            <div className="field" id="field-script.title">
              <label htmlFor="input-script-title">{t('create.script.title')}</label>
              <input
                id="input-script-title"
                data-testid="script-title"
                value={script.title}
                aria-invalid={Boolean(errors['script.title'])}
                onChange={(e) => setScript((s) => ({ ...s, title: e.target.value }))}
              />
              <FieldError errors={errors} name="script.title" />
            </div>
            <div className="field" id="field-script.style_guide">
              <label htmlFor="input-style-guide">{t('create.script.styleGuide')}</label>
              <textarea
                id="input-style-guide"
                data-testid="script-style-guide"
                rows={2}
                value={script.style_guide}
                aria-invalid={Boolean(errors['script.style_guide'])}
                onChange={(e) => setScript((s) => ({ ...s, style_guide: e.target.value }))}
              />
              <FieldError errors={errors} name="script.style_guide" />
            </div>

            <div id="field-script.blocks">
              <h2>{t('create.script.blocks')}</h2>
              <p className="muted" data-testid="blocks-total">
                {t('create.script.total', { total: blocksTotal, target: form.duration })}
                {blocksTotal !== form.duration && blocksTotal >= DURATION_MIN && blocksTotal <= DURATION_MAX && (
                  <>
                    {' '}
                    <button type="button" className="btn-link" onClick={() => update('duration', blocksTotal)}>
                      {t('create.script.useTotal', { total: blocksTotal })}
                    </button>
                  </>
                )}
              </p>
              <FieldError errors={errors} name="script.blocks" />
            </div>

            <ol className="block-editor">
              {script.blocks.map((b, i) => {
                const n = i + 1;
                return (
                  <li key={b.key} className="block-editor-item" data-testid={`block-editor-${n}`}>
                    <div className="label-row">
                      <strong>{t('create.script.block', { n })}</strong>
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        data-testid={`block-remove-${n}`}
                        aria-label={t('create.script.removeBlock', { n })}
                        disabled={script.blocks.length <= 1}
                        onClick={() => setScript((s) => ({ ...s, blocks: s.blocks.filter((_, j) => j !== i) }))}
                      >
                        ✕
                      </button>
                    </div>
                    <div className="field" id={`field-blocks.${n}.duration`}>
                      <label htmlFor={`block-duration-${n}`}>{t('create.script.duration')}</label>
                      <select
                        id={`block-duration-${n}`}
                        data-testid={`block-duration-${n}`}
                        value={b.duration}
                        onChange={(e) => updateBlock(i, { duration: Number(e.target.value) })}
                      >
                        {(lengths.includes(b.duration) ? lengths : [...lengths, b.duration].sort((x, y) => x - y)).map((d) => (
                          <option key={d} value={d}>
                            {d} s
                          </option>
                        ))}
                      </select>
                      <FieldError errors={errors} name={`blocks.${n}.duration`} />
                    </div>
                    <div className="field" id={`field-blocks.${n}.visual_prompt`}>
                      <label htmlFor={`block-visual-${n}`}>{t('create.script.visualPrompt')}</label>
                      <textarea
                        id={`block-visual-${n}`}
                        data-testid={`block-visual-${n}`}
                        rows={2}
                        value={b.visual_prompt}
                        aria-invalid={Boolean(errors[`blocks.${n}.visual_prompt`])}
                        onChange={(e) => updateBlock(i, { visual_prompt: e.target.value })}
                      />
                      <FieldError errors={errors} name={`blocks.${n}.visual_prompt`} />
                    </div>
                    <div className="field" id={`field-blocks.${n}.spoken_text`}>
                      <label htmlFor={`block-spoken-${n}`}>{t('create.script.spokenText')}</label>
                      <textarea
                        id={`block-spoken-${n}`}
                        data-testid={`block-spoken-${n}`}
                        rows={2}
                        value={b.spoken_text}
                        aria-invalid={Boolean(errors[`blocks.${n}.spoken_text`])}
                        onChange={(e) => updateBlock(i, { spoken_text: e.target.value })}
                      />
                      <FieldError errors={errors} name={`blocks.${n}.spoken_text`} />
                    </div>
                    <div className="field" id={`field-blocks.${n}.on_screen_text`}>
                      <label htmlFor={`block-onscreen-${n}`}>{t('create.script.onScreenText')}</label>
                      <input
                        id={`block-onscreen-${n}`}
                        data-testid={`block-onscreen-${n}`}
                        value={b.on_screen_text}
                        onChange={(e) => updateBlock(i, { on_screen_text: e.target.value })}
                      />
                      <FieldError errors={errors} name={`blocks.${n}.on_screen_text`} />
                    </div>
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              className="btn"
              data-testid="add-block"
              disabled={script.blocks.length >= MAX_BLOCKS}
              onClick={() => setScript((s) => ({ ...s, blocks: [...s.blocks, newBlock()] }))}
            >
              + {t('create.script.addBlock')}
            </button>
          </div>
        )}
      </section>

      {general && (
        <p className="error-banner" role="alert" data-testid="form-error">
          {general}
        </p>
      )}
      <div className="row-end sticky-actions">
        {estimate && (
          <span className="estimate" data-testid="estimate">
            {estimate.estimate_usd === 0 && !estimate.draft_estimate_usd ? (
              t('create.estimate.free')
            ) : (
              <>
                <span data-testid="estimate-final">{t('create.estimate.final', { usd: formatUsd(estimate.estimate_usd, lang) })}</span>
                {estimate.draft_estimate_usd != null && (
                  <span data-testid="estimate-draft" className={form.draft ? '' : 'muted'}>
                    {' · '}
                    {t('create.estimate.draft', { usd: formatUsd(estimate.draft_estimate_usd, lang) })}
                  </span>
                )}
              </>
            )}
            {estimate.unpriced.length > 0 && ' ' + t('create.estimateUnpriced', { keys: estimate.unpriced.join(', ') })}
            {estimate.models && estimate.models.length > 0 && (
              <small className="muted models" data-testid="models">
                {t('create.models')}
                {lang === 'fr' ? ' : ' : ': '}
                {estimate.models.map((m) => `${stepName(m.step, t)} ${m.model}`).join(' · ')}
              </small>
            )}
          </span>
        )}
        <button type="submit" className="btn btn-primary btn-large" data-testid="submit-video" disabled={busy}>
          {busy ? t('create.submitting') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
