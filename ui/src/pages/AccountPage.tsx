import { useState, type FormEvent } from 'react';
import { useSession } from '../auth';
import { useI18n } from '../i18n';
import { api, ApiError, NetworkError } from '../services/api';

/** The signed-in user's account: who they are, and a password change. */
export function AccountPage() {
  const { t } = useI18n();
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = again.length > 0 && next !== again;
  const tooShort = next.length > 0 && next.length < 8;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch || tooShort) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        setError(t('login.throttled', { m: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) }));
      } else if (err instanceof ApiError && err.field === 'current_password') {
        setError(t('account.wrongCurrent'));
      } else if (err instanceof ApiError && err.field === 'new_password') {
        setError(t('account.tooShort'));
      } else if (err instanceof NetworkError) {
        setError(t('error.network'));
      } else {
        setError(err instanceof Error ? err.message : t('error.generic'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <form className="card form" onSubmit={submit} data-testid="password-form" noValidate>
        <h1>{t('account.title')}</h1>
        <p className="muted" data-testid="account-user">
          {t('account.signedInAs', { user: session?.user.username ?? '', role: session?.user.role ?? '' })}
        </p>
        <h2>{t('account.changePassword')}</h2>
        <label className="field">
          <span>{t('account.current')}</span>
          <input
            type="password"
            autoComplete="current-password"
            data-testid="password-current"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('account.new')}</span>
          <input
            type="password"
            autoComplete="new-password"
            data-testid="password-new"
            value={next}
            aria-invalid={tooShort}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        {tooShort && (
          <p className="field-error" role="alert" data-testid="password-rule">
            {t('account.tooShort')}
          </p>
        )}
        <label className="field">
          <span>{t('account.again')}</span>
          <input
            type="password"
            autoComplete="new-password"
            data-testid="password-again"
            value={again}
            aria-invalid={mismatch}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
        {mismatch && (
          <p className="field-error" role="alert" data-testid="password-mismatch">
            {t('account.mismatch')}
          </p>
        )}
        {error && (
          <p className="error-text" role="alert" data-testid="password-error">
            {error}
          </p>
        )}
        {done && (
          <p className="success-text" role="status" data-testid="password-done">
            {t('account.changed')}
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="password-submit"
          disabled={busy || !current || !next || !again || mismatch || tooShort}
        >
          {t('account.submit')}
        </button>
      </form>
    </div>
  );
}
