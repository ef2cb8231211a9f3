import type { Translate } from './i18n';
import { ApiError, AuthError, NetworkError } from './services/api';

/**
 * What to tell a person about a failed call, in the page's language at render time (keep the error, not the
 * text, in state: a language switch then re-renders it). Server details are English technical text; only the
 * field and rule of a 400 are shown, as the server names them.
 */
export function errorText(e: unknown, t: Translate): string {
  if (e instanceof AuthError) return t('login.sessionLost');
  if (e instanceof NetworkError) return t('error.network');
  if (!(e instanceof ApiError)) return t('error.generic');
  if (e.status === 409) return t('error.conflict');
  if (e.status === 404) return t('error.notFound');
  if (e.status === 403 && e.problem.type.endsWith('password-change-required')) return t('error.passwordChange');
  if (e.status === 403) return t('error.forbidden');
  if (e.status === 400 && e.field && e.rule) return t('error.invalid', { field: e.field, rule: e.rule });
  return t('error.generic');
}
