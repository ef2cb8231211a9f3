// The look and sound of a video on the Create page: parsing from the URL, the fields a request sends
// (only those that differ from the server's defaults) and the checks made before sending.
import type { MessageKey, Translate } from './i18n';
import {
  ASPECTS,
  CAPTION_POSITIONS,
  CAPTION_STYLES,
  OUTPUT_DEFAULTS,
  type CreateVideoRequest,
  type Mode,
  type OutputSettings,
} from './types';

export const CAPTION_SIZE_MIN = 50;
export const CAPTION_SIZE_MAX = 200;
export const MUSIC_VOLUME_MAX = 200;
export const SPEECH_RATE_MIN = 0.5;
export const SPEECH_RATE_MAX = 2;
export const FONT_MAX = 64;
/** Letters (any script), digits, spaces, `.`, `_` and `-`, starting with a letter or digit: the domain's rule. */
const FONT = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;
const COLOR = /^#[0-9A-Fa-f]{6}$/;
const TRACK = /^trk_[0-9a-f]{16}$/;
const MOOD = /^mood:[a-z0-9][a-z0-9-]{0,23}$/;

/** The fields of OutputSettings in the order a request and the URL carry them. */
const FIELDS = Object.keys(OUTPUT_DEFAULTS) as (keyof OutputSettings)[];
/** Fields that only matter when a synthesized voice speaks (narrated, or clips rendered offline). */
const VOICE_FIELDS: readonly (keyof OutputSettings)[] = ['voice', 'speech_rate'];

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value != null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function number(value: string | null, min: number, max: number, fallback: number): number {
  const n = value == null || value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function color(value: string | null, fallback: string): string {
  return value != null && COLOR.test(value) ? value.toUpperCase() : fallback;
}

/** The settings a /create URL describes; anything missing or malformed is the default. */
export function parseOutput(params: URLSearchParams): OutputSettings {
  const d = OUTPUT_DEFAULTS;
  const music = params.get('music');
  const font = params.get('caption_font');
  return {
    aspect: oneOf(ASPECTS, params.get('aspect'), d.aspect),
    caption_style: oneOf(CAPTION_STYLES, params.get('caption_style'), d.caption_style),
    caption_position: oneOf(CAPTION_POSITIONS, params.get('caption_position'), d.caption_position),
    caption_font: font && font.trim() ? font : null,
    caption_color: color(params.get('caption_color'), d.caption_color),
    caption_highlight: color(params.get('caption_highlight'), d.caption_highlight),
    caption_size: Math.round(number(params.get('caption_size'), CAPTION_SIZE_MIN, CAPTION_SIZE_MAX, d.caption_size)),
    music: music && (music === 'none' || TRACK.test(music) || MOOD.test(music)) ? music : d.music,
    music_volume: Math.round(number(params.get('music_volume'), 0, MUSIC_VOLUME_MAX, d.music_volume)),
    voice: params.get('voice') || null,
    speech_rate: number(params.get('speech_rate'), SPEECH_RATE_MIN, SPEECH_RATE_MAX, d.speech_rate),
  };
}

/** True when a synthesized voice speaks the video, so voice and rate mean something. */
export function voiceApplies(mode: Mode, offlineClips: boolean): boolean {
  return mode === 'narrated' || offlineClips;
}

/**
 * The output fields that differ from the server's defaults, under the API's names; the voice and the rate only
 * when a synthesized voice speaks, the music volume only with music. The font is sent trimmed.
 */
export function changedOutput(o: OutputSettings, withVoice: boolean): Partial<CreateVideoRequest> {
  const out: Partial<Record<keyof OutputSettings, unknown>> = {};
  for (const key of FIELDS) {
    if (!withVoice && VOICE_FIELDS.includes(key)) continue;
    if (key === 'music_volume' && o.music === 'none') continue;
    const value = key === 'caption_font' ? o.caption_font?.trim() || null : o[key];
    if (value !== OUTPUT_DEFAULTS[key]) out[key] = value;
  }
  return out as Partial<CreateVideoRequest>;
}

/** The changed fields as URL parameters (a reload shows the same choices). */
export function outputParams(o: OutputSettings, into: URLSearchParams): void {
  for (const [key, value] of Object.entries(changedOutput(o, true))) {
    if (value != null) into.set(key, String(value));
  }
}

/** Checks the server also makes, so a person sees the rule before sending; keyed by the API field name. */
export function validateOutput(o: OutputSettings, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  const font = o.caption_font?.trim() ?? '';
  if (font && ([...font].length > FONT_MAX || !FONT.test(font))) errors.caption_font = t('look.font.rule', { max: FONT_MAX });
  for (const key of ['caption_color', 'caption_highlight'] as const) {
    if (!COLOR.test(o[key])) errors[key] = t('look.color.rule');
  }
  return errors;
}

/** The fields the Look section shows: an error on one of these opens it. */
export const OUTPUT_FIELDS: readonly string[] = FIELDS;

/** A caption preview's text: the theme's first words, else a sample line in the video's language. */
export function previewText(theme: string, sample: string): string {
  const words = theme.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sample;
  let text = '';
  for (const w of words.slice(0, 8)) {
    const next = text ? `${text} ${w}` : w;
    if ([...next].length > 60) break;
    text = next;
  }
  return text || [...words[0]!].slice(0, 60).join('');
}

/** The label key of a style, position or format value. */
export const lookKey = (kind: 'style' | 'position' | 'aspect', value: string) => `look.${kind}.${value}` as MessageKey;
