import type { Translate } from '../i18n';
import { ApiError, NetworkError } from '../services/api';

/**
 * The message for an error of a password form (sign-in, password change): too many failed attempts (with the
 * wait in minutes), the page's own reading of an API error (`specific`, null when it has none), the network,
 * or the error's own text.
 */
export function passwordErrorMessage(err: unknown, t: Translate, specific: (e: ApiError) => string | null): string {
  if (err instanceof ApiError && err.status === 429) {
    return t('login.throttled', { m: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) });
  }
  if (err instanceof ApiError) {
    const message = specific(err);
    if (message) return message;
  }
  if (err instanceof NetworkError) return t('error.network');
  return err instanceof Error ? err.message : t('error.generic');
}
