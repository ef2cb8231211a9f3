import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth';
import { useI18n } from '../i18n';
import { api } from '../services/api';
import { passwordErrorMessage } from './passwordErrors';

/** Only same-app paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/create';
  return next;
}

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Read once: the page says why the last session ended until the next sign-in.
  const [lost] = useState(() => api.sessionEnd === 'expired');

  if (session && !busy) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(
        passwordErrorMessage(err, t, (e) =>
          e.status === 401 || e.status === 403 || e.status === 400 ? t('login.failed') : null,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <form className="card form" onSubmit={submit} data-testid="login-form" noValidate>
        <h1>{t('login.title')}</h1>
        {lost && (
          <p className="info-banner" role="status" data-testid="session-lost">
            {t('login.sessionLost')}
          </p>
        )}
        <label className="field">
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            data-testid="login-username"
            value={username}
            required
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            data-testid="login-password"
            value={password}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error-text" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" data-testid="login-submit" disabled={busy || !username || !password}>
          {t('login.submit')}
        </button>
        <p className="muted small" data-testid="first-run-hint">
          {t('login.firstRun')}
        </p>
      </form>
    </div>
  );
}
