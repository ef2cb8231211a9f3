import { Link, Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth';
import { Layout } from './components/Layout';
import { useI18n } from './i18n';
import { AccountPage } from './pages/AccountPage';
import { CreateVideoPage } from './pages/CreateVideoPage';
import { LibraryPage } from './pages/LibraryPage';
import { LoginPage } from './pages/LoginPage';
import { ProgressPage } from './pages/ProgressPage';

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
          element={
            <RequireAuth>
              <CreateVideoPage />
            </RequireAuth>
          }
        />
        <Route
          path="/videos/:id"
          element={
            <RequireAuth>
              <ProgressPage />
            </RequireAuth>
          }
        />
        <Route
          path="/library"
          element={
            <RequireAuth>
              <LibraryPage />
            </RequireAuth>
          }
        />
        <Route
          path="/account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
