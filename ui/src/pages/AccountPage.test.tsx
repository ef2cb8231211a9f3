import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../services/api';
import { FakeServer, json, logIn, problem } from '../test/fakes';
import { renderApp } from '../test/render';

const tokens = {
  access_token: 'access-2',
  refresh_token: 'refresh-2',
  expires_in: 900,
  user: { username: 'ana', role: 'user' },
};

async function fill(current: string, next: string, again = next) {
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByTestId('password-current'), current);
  await user.type(screen.getByTestId('password-new'), next);
  await user.type(screen.getByTestId('password-again'), again);
  return user;
}

describe('Account page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    logIn('access-1', 'refresh-1');
  });

  it('changes the password and keeps the session on the fresh tokens', async () => {
    server.on('POST', '/api/auth/password', json(200, tokens));
    await renderApp('/account');
    expect(screen.getByTestId('account-user')).toHaveTextContent('Signed in as ana (user).');

    const user = await fill('old-password', 'new-password-1');
    await user.click(screen.getByTestId('password-submit'));

    expect(await screen.findByTestId('password-done')).toHaveTextContent('Password changed.');
    const sent = server.requests.find((r) => r.path === '/api/auth/password');
    expect(sent?.body).toEqual({ current_password: 'old-password', new_password: 'new-password-1' });
    expect(sent?.headers.authorization).toBe('Bearer access-1');
    expect(api.session?.refresh_token).toBe('refresh-2');
    expect(screen.getByTestId('password-current')).toHaveValue('');
  });

  it('says when the current password is wrong, in the page language', async () => {
    server.on(
      'POST',
      '/api/auth/password',
      problem(400, { field: 'current_password', rule: 'must be your current password' }),
    );
    await renderApp('/account', 'fr');

    const user = await fill('guess', 'new-password-1');
    await user.click(screen.getByTestId('password-submit'));

    expect(await screen.findByTestId('password-error')).toHaveTextContent('Le mot de passe actuel ne correspond pas.');
    expect(api.session?.refresh_token).toBe('refresh-1');
  });

  it('checks the length and that both entries match before sending anything', async () => {
    await renderApp('/account');

    await fill('old-password', 'short', 'shorter');

    expect(screen.getByTestId('password-rule')).toHaveTextContent('8 to 200 characters');
    expect(screen.getByTestId('password-mismatch')).toHaveTextContent('The two entries differ.');
    expect(screen.getByTestId('password-submit')).toBeDisabled();
    expect(server.requests.filter((r) => r.path === '/api/auth/password')).toHaveLength(0);
  });

  it('is reached from the navigation', async () => {
    server.on('GET', '/api/videos', json(200, { items: [], page: 1, size: 24, total: 0 }));
    await renderApp('/library');
    await userEvent.setup({ delay: null }).click(screen.getByTestId('nav-account'));
    expect(await screen.findByTestId('password-form')).toBeInTheDocument();
  });
});
