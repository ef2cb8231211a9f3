import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth';
import { useI18n } from '../i18n';
import { api } from '../services/api';
import { safeNext } from './LoginPage';
import { passwordErrorMessage } from './passwordErrors';

interface PasswordInputProps {
  label: string;
  testId: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  /** A rule the value breaks, shown under the field. */
  problem?: { testId: string; text: string } | null;
}

function PasswordInput({ label, testId, autoComplete, value, onChange, problem = null }: PasswordInputProps) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          type="password"
          autoComplete={autoComplete}
          data-testid={testId}
          value={value}
          aria-invalid={problem !== null}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {problem && (
        <p className="field-error" role="alert" data-testid={problem.testId}>
          {problem.text}
        </p>
      )}
    </>
  );
}

/** The signed-in user's account: who they are, and a password change. */
export function AccountPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mustChange = session?.user.must_change_password === true;
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
      if (mustChange) {
        navigate(safeNext(params.get('next')), { replace: true });
        return;
      }
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (err) {
      setError(
        passwordErrorMessage(err, t, (e) =>
          e.field === 'current_password'
            ? t('account.wrongCurrent')
            : e.field === 'new_password'
              ? e.rule?.includes('differ')
                ? t('account.sameAsCurrent')
                : t('account.tooShort')
              : null,
        ),
      );
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
        {mustChange && (
          <p className="info-banner" role="status" data-testid="must-change-password">
            {t('account.mustChange')}
          </p>
        )}
        <h2>{t('account.changePassword')}</h2>
        <PasswordInput
          label={t('account.current')}
          testId="password-current"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <PasswordInput
          label={t('account.new')}
          testId="password-new"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          problem={tooShort ? { testId: 'password-rule', text: t('account.tooShort') } : null}
        />
        <PasswordInput
          label={t('account.again')}
          testId="password-again"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
          problem={mismatch ? { testId: 'password-mismatch', text: t('account.mismatch') } : null}
        />
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
