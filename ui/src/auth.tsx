import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, SESSION_KEY, type Session } from './services/api';

const subscribe = (cb: () => void) => api.tokens.subscribe(cb);
const snapshot = () => api.tokens.get();

/** The current session; re-renders on login, logout, refresh and session loss. */
export function useSession(): Session | null {
  const session = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    // Another tab logged in or out.
    const onStorage = (e: StorageEvent) => {
      if (e.key === SESSION_KEY || e.key === null) api.tokens.reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return session;
}

/**
 * Renders its children when logged in; otherwise sends to /login?next=<here>. A user who signed in with a
 * one-time password is sent to the account page to choose their own first (the server refuses everything else).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.must_change_password && location.pathname !== '/account') {
    return <Navigate to={`/account?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}
