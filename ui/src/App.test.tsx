import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LANG_KEY } from './i18n';
import { safeNext } from './pages/LoginPage';
import { api } from './services/api';
import { FakeServer, installLiveFakes, json, logIn, problem } from './test/fakes';
import { renderApp } from './test/render';

describe('App shell and auth', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
  });

  it('sends a visitor to the login page and back to where they were going', async () => {
    const user = userEvent.setup({ delay: null });
    server.on(
      'POST',
      '/api/auth/login',
      json(200, { access_token: 'A', refresh_token: 'R', expires_in: 900, user: { username: 'ana', role: 'user' } }),
    );
    server.on('GET', '/api/videos', json(200, { items: [], page: 1, size: 24, total: 0 }));
    await renderApp('/library?status=failed');
    expect(await screen.findByTestId('login-form')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Flibrary%3Fstatus%3Dfailed');

    await user.type(screen.getByTestId('login-username'), 'ana');
    await user.type(screen.getByTestId('login-password'), 'secret');
    await user.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/library?status=failed'));
    expect(await screen.findByTestId('library-page')).toBeInTheDocument();
  });

  it('shows a login error on wrong credentials', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/auth/login', problem(401, { title: 'Unauthorized' }));
    await renderApp('/login');
    await user.type(screen.getByTestId('login-username'), 'ana');
    await user.type(screen.getByTestId('login-password'), 'nope');
    await user.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong username or password.');
  });

  it('tells how long to wait after too many failed sign-ins', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/auth/login', problem(429, { title: 'Too many requests' }, { 'Retry-After': '540' }));
    await renderApp('/login');
    await user.type(screen.getByTestId('login-username'), 'ana');
    await user.type(screen.getByTestId('login-password'), 'nope');
    await user.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Too many failed attempts for this account. Try again in 9 min.');
  });

  it('returns to the login page when the session cannot be refreshed', async () => {
    logIn('expired', 'dead');
    server.on('GET', '/api/videos', problem(401, {}));
    server.on('POST', '/api/auth/refresh', problem(401, {}));
    await renderApp('/library');
    expect(await screen.findByTestId('login-form')).toBeInTheDocument();
    expect(api.session).toBeNull();
  });

  it('switches the language and remembers it', async () => {
    const user = userEvent.setup({ delay: null });
    logIn();
    await renderApp('/create', 'en');
    expect(screen.getByRole('heading', { name: 'New video' })).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('lang-switch'), 'fr');
    expect(screen.getByRole('heading', { name: 'Nouvelle vidéo' })).toBeInTheDocument();
    expect(localStorage.getItem(LANG_KEY)).toBe('fr');
  });

  it('logs out', async () => {
    const user = userEvent.setup({ delay: null });
    logIn();
    await renderApp('/create');
    await user.click(screen.getByTestId('logout-button'));
    expect(await screen.findByTestId('login-form')).toBeInTheDocument();
    expect(api.session).toBeNull();
  });

  it('only follows same-app paths after login', () => {
    expect(safeNext('/videos/x')).toBe('/videos/x');
    expect(safeNext('//evil.example')).toBe('/create');
    expect(safeNext('https://evil.example')).toBe('/create');
    expect(safeNext(null)).toBe('/create');
  });
});
