// Caption words on the studio's editor: grouping into the lines a person reads, time formatting, and the
// checks the server makes on PUT /api/videos/{id}/captions.
import type { Translate } from './i18n';
import type { CaptionWord } from './types';

export const WORD_MAX = 64;
/** A pause this long starts a new line. */
const LINE_GAP_MS = 600;
const LINE_WORDS = 7;
const SENTENCE_END = /[.!?…。！？]$/;
const CONTROL = /\p{Cc}/u;

/** Word positions (0-based) grouped in lines: a new line after a sentence end, a pause, or seven words. */
export function captionLines(words: CaptionWord[]): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  words.forEach((w, i) => {
    const prev = words[i - 1];
    const breakHere = prev != null && (SENTENCE_END.test(prev.text) || w.start_ms - prev.end_ms >= LINE_GAP_MS || line.length >= LINE_WORDS);
    if (breakHere && line.length > 0) {
      lines.push(line);
      line = [];
    }
    line.push(i);
  });
  if (line.length > 0) lines.push(line);
  return lines;
}

/** 3150 → "3.15" (seconds, as the inputs show them). */
export function secondsText(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** "3.15" or "3,15" → 3150; null when it is not a number of seconds. */
export function parseSeconds(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 1000);
}

/** A word as edited: the inputs' texts, checked and converted on save. */
export interface WordDraft {
  text: string;
  start: string;
  end: string;
}

export const draftOf = (w: CaptionWord): WordDraft => ({ text: w.text, start: secondsText(w.start_ms), end: secondsText(w.end_ms) });

/**
 * The words to send, or the errors by the server's field names (`words[3].text`, 0-based like the array):
 * text 1–64 characters without control characters; times within the video, start ≤ end, in order.
 */
export function checkWords(drafts: WordDraft[], durationMs: number | null, t: Translate): { words: CaptionWord[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const words: CaptionWord[] = [];
  let previousStart = 0;
  drafts.forEach((d, i) => {
    const text = d.text.trim();
    if ([...text].length < 1 || [...text].length > WORD_MAX || CONTROL.test(text)) errors[`words[${i}].text`] = t('captions.rule.text', { max: WORD_MAX });
    const start = parseSeconds(d.start);
    const end = parseSeconds(d.end);
    if (start == null || (durationMs != null && start > durationMs)) errors[`words[${i}].start_ms`] = t('captions.rule.time');
    else if (start < previousStart) errors[`words[${i}].start_ms`] = t('captions.rule.order');
    if (end == null || (durationMs != null && end > durationMs)) errors[`words[${i}].end_ms`] = t('captions.rule.time');
    else if (start != null && end < start) errors[`words[${i}].end_ms`] = t('captions.rule.end');
    if (start != null) previousStart = Math.max(previousStart, start);
    words.push({ text, start_ms: start ?? 0, end_ms: end ?? 0 });
  });
  return { words, errors };
}

/** `words[3].start_ms` → the input's id suffix `3-start`; null for a field that is not one word's. */
export function wordInput(field: string): string | null {
  const m = /^words\[(\d+)\]\.(text|start_ms|end_ms)$/.exec(field.trim());
  if (!m) return null;
  return `${m[1]}-${m[2] === 'text' ? 'text' : m[2] === 'start_ms' ? 'start' : 'end'}`;
}
