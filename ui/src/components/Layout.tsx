import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession } from '../auth';
import { useI18n } from '../i18n';
import { api } from '../services/api';
import { LANGUAGES, type Language } from '../types';

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  return (
    <div className="app">
      <header className="topbar">
        {/* The name is hidden on phones (.brand-text): the label keeps the link named there. */}
        <NavLink to="/create" className="brand" aria-label={t('app.name')}>
          <span className="brand-mark" aria-hidden="true">▶</span> <span className="brand-text">{t('app.name')}</span>
        </NavLink>
        {session && (
          <nav className="nav" aria-label="main">
            <NavLink to="/create" data-testid="nav-create">
              {t('nav.create')}
            </NavLink>
            <NavLink to="/library" data-testid="nav-library">
              {t('nav.library')}
            </NavLink>
            <NavLink to="/account" data-testid="nav-account">
              {t('nav.account')}
            </NavLink>
          </nav>
        )}
        <div className="topbar-end">
          <label className="sr-only" htmlFor="lang-switch">
            {t('nav.language')}
          </label>
          <select
            id="lang-switch"
            data-testid="lang-switch"
            value={lang}
            onChange={(e) => setLang(e.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
          {session && (
            <button
              type="button"
              className="btn btn-ghost"
              data-testid="logout-button"
              title={`${t('nav.logout')} (${session.user.username})`}
              onClick={() => {
                void api.logout();
                navigate('/login');
              }}
            >
              <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
                <path
                  d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l5-5-5-5M15 12H3"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              <span className="btn-label">{t('nav.logout')}</span>
            </button>
          )}
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
