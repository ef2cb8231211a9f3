import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth';
import { Layout } from './components/Layout';
import { useI18n } from './i18n';
import { LoginPage } from './pages/LoginPage';

// Each page is its own chunk: the login page loads without the studio, the library without the create form.
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const CreateVideoPage = lazy(() => import('./pages/CreateVideoPage').then((m) => ({ default: m.CreateVideoPage })));
const LibraryPage = lazy(() => import('./pages/LibraryPage').then((m) => ({ default: m.LibraryPage })));
const ProgressPage = lazy(() => import('./pages/ProgressPage').then((m) => ({ default: m.ProgressPage })));

function Page({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <RequireAuth>
      <Suspense fallback={<p className="muted" data-testid="page-loading">{t('progress.loading')}</p>}>{children}</Suspense>
    </RequireAuth>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="card">
      <h1>{t('notFound.title')}</h1>
      <Link to="/create">{t('nav.create')}</Link>
    </div>
  );
}

/** The routes, without a router (main.tsx adds BrowserRouter; tests use MemoryRouter). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<Navigate to="/create" replace />} />
        <Route
          path="/create"
          element={<Page><CreateVideoPage /></Page>}
        />
        <Route
          path="/videos/:id"
          element={<Page><ProgressPage /></Page>}
        />
        <Route
          path="/library"
          element={<Page><LibraryPage /></Page>}
        />
        <Route
          path="/account"
          element={<Page><AccountPage /></Page>}
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
