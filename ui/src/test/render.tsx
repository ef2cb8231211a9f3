import { render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { AppRoutes } from '../App';
import { I18nProvider } from '../i18n';
import type { Language } from '../types';

/** Shows the current location so tests can assert on navigation. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** Renders the app at `path` and waits until the page's code has loaded (pages are lazy chunks). */
export async function renderApp(path: string, lang: Language = 'en') {
  const result = render(
    <I18nProvider initial={lang}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </I18nProvider>,
  );
  await pageLoaded();
  return result;
}

/** Waits for the lazy page of the current route to render. */
export async function pageLoaded() {
  await waitFor(() => expect(screen.queryByTestId('page-loading')).toBeNull(), { timeout: 10_000 });
}

export function renderWithProviders(ui: ReactElement, path = '/', lang: Language = 'en') {
  return render(
    <I18nProvider initial={lang}>
      <MemoryRouter initialEntries={[path]}>
        {ui}
        <LocationProbe />
      </MemoryRouter>
    </I18nProvider>,
  );
}
