import type { Translate } from './i18n';
import type { Language } from './types';

/** "42 s", "3 min 05 s", "1 h 12 min". */
export function formatSeconds(totalSeconds: number, t: Translate): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return t('time.s', { n: s });
  if (s < 3600) return t('time.min', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
  return t('time.h', { h: Math.floor(s / 3600), m: String(Math.floor((s % 3600) / 60)).padStart(2, '0') });
}

export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

export function formatUsd(amount: number | null | undefined, lang: Language): string {
  if (amount == null || Number.isNaN(amount)) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: amount !== 0 && Math.abs(amount) < 0.1 ? 3 : 2,
  }).format(amount);
}

/** Code points, as the server counts characters. */
export function charCount(s: string): number {
  return [...s].length;
}

/** "Japanese" / "Japonais" for `ja`, in the page's language; the tag itself where the browser knows no name. */
export function languageName(tag: string, lang: Language): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    /* not a tag Intl can read */
  }
  return tag;
}
