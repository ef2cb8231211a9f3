import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { binary, FakeServer, installLiveFakes, json, logIn, problem } from '../test/fakes';
import { renderApp } from '../test/render';
import { liveBlobUrls } from '../test/setup';

const ESTIMATE = { estimate_usd: 0, unpriced: [], paid_clips: false, clip_lengths: { min: 1, max: 60, only: [] } };

describe('Look and sound on the Create page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
    server.on('POST', '/api/estimates', json(200, ESTIMATE));
    server.on('GET', '/api/captions/preview', binary('image/png', [137, 80, 78, 71], { ETag: '"p1"' }));
    server.on('GET', '/api/music', json(200, { items: [] }));
    server.on('GET', '/api/voices', json(200, { provider: 'espeak-ng', default_voice: 'fr', items: [{ id: 'fr', name: 'French', language: 'fr' }] }));
    server.on('POST', '/api/videos', json(202, { video_id: 'vid_20260201_203648_k3f9' }));
    server.on('GET', '/api/videos/vid_20260201_203648_k3f9', json(404, {}));
  });

  it('is folded with a summary of the defaults, and asks the server for nothing of it until opened', async () => {
    await renderApp('/create');
    const section = screen.getByTestId('look-section');
    expect(section).not.toHaveAttribute('open');
    expect(screen.getByTestId('look-summary')).toHaveTextContent('Look and sound 9:16 · Karaoke captions · No music');
    await waitFor(() => expect(server.calls('POST', '/api/estimates').length).toBeGreaterThan(0));
    expect(server.calls('GET', '/api/captions/preview')).toHaveLength(0);
    expect(server.calls('GET', '/api/music')).toHaveLength(0);
  });

  it('draws a preview of the chosen look with the theme’s first words, fetched with the access token', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create');
    await user.type(screen.getByTestId('theme-input'), 'Les volcans d’Islande se réveillent une fois tous les siècles environ');
    await user.click(screen.getByTestId('look-summary'));
    await user.click(screen.getByTestId('aspect-1:1'));
    await user.selectOptions(screen.getByTestId('caption-style-select'), 'pop');

    const image = await screen.findByTestId('caption-preview-image');
    await waitFor(() => expect(server.calls('GET', '/api/captions/preview').at(-1)?.query.get('caption_style')).toBe('pop'));
    const sent = server.calls('GET', '/api/captions/preview').at(-1)!;
    expect(Object.fromEntries(sent.query)).toEqual({
      aspect: '1:1', caption_style: 'pop', caption_position: 'bottom', caption_color: '#FFFFFF', caption_highlight: '#FFFF00',
      caption_size: '100', language: 'en', text: 'Les volcans d’Islande se réveillent une fois tous',
    });
    expect(sent.headers.authorization).toBe('Bearer access-1');
    await waitFor(() => expect(screen.getByTestId('caption-preview-image')).toHaveAttribute('width', '180'));
    // Square: as tall as wide.
    expect(screen.getByTestId('caption-preview-image')).toHaveAttribute('height', '180');
    // The image is shown from a blob URL made of the answer (an <img> cannot send the token).
    expect(image.getAttribute('src')).toMatch(/^blob:/);
    expect(liveBlobUrls.has(screen.getByTestId('caption-preview-image').getAttribute('src')!)).toBe(true);
    expect(screen.getByTestId('caption-preview-image')).toHaveAccessibleName(/Square 1:1, Pop captions at the Bottom/);
  });

  it('waits for the typing to stop before drawing the preview again', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create');
    await user.click(screen.getByTestId('look-summary'));
    await screen.findByTestId('caption-preview-image');
    const before = server.calls('GET', '/api/captions/preview').length;
    await user.click(screen.getByText('Colours, size and font'));
    await user.type(screen.getByTestId('caption-font'), 'Noto Serif');
    await waitFor(() => expect(server.calls('GET', '/api/captions/preview').at(-1)?.query.get('caption_font')).toBe('Noto Serif'));
    // Ten keystrokes, one request.
    expect(server.calls('GET', '/api/captions/preview').length - before).toBe(1);
  });

  it('shows a look seen before again without asking the server, and clears a refused font once fixed', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', '/api/captions/preview', (req) =>
      req.query.get('caption_font')?.includes('{')
        ? problem(400, { title: 'Invalid request', field: 'caption_font', rule: 'must be a font family name' })
        : binary('image/png'));
    await renderApp('/create');
    await user.click(screen.getByTestId('look-summary'));
    await waitFor(() => expect(server.calls('GET', '/api/captions/preview')).toHaveLength(1));
    await user.selectOptions(screen.getByTestId('caption-style-select'), 'boxed');
    await waitFor(() => expect(server.calls('GET', '/api/captions/preview')).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('caption-style-select'), 'karaoke');
    await waitFor(() => expect(screen.getByTestId('caption-preview')).toHaveAttribute('data-loading', 'false'));
    expect(server.calls('GET', '/api/captions/preview')).toHaveLength(2);

    await user.click(screen.getByText('Colours, size and font'));
    await user.type(screen.getByTestId('caption-font'), 'A{{');
    expect(await screen.findByTestId('error-caption_font')).toHaveTextContent('must be a font family name');
    await user.type(screen.getByTestId('caption-font'), '{Backspace}');
    await waitFor(() => expect(screen.queryByTestId('error-caption_font')).toBeNull());
    expect(screen.getByTestId('caption-preview-image')).toBeInTheDocument();
  });

  it('shows the preview in the video’s language when there is no theme yet', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?language=fr', 'en');
    await user.click(screen.getByTestId('look-summary'));
    await waitFor(() => expect(server.calls('GET', '/api/captions/preview')).toHaveLength(1));
    expect(server.calls('GET', '/api/captions/preview')[0]!.query.get('text')).toBe('Voici vos sous-titres');
    expect(server.calls('GET', '/api/captions/preview')[0]!.query.get('language')).toBe('fr');
  });

  it('offers the languages the providers speak, by name, and previews a sample in the chosen script', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?language=fr', 'fr');
    const select = screen.getByTestId('language-select');
    expect(within(select).getByRole('option', { name: 'Japonais' })).toHaveValue('ja');
    expect(screen.queryByTestId('language-hint')).toBeNull();
    await user.selectOptions(select, 'ja');
    expect(screen.getByTestId('language-hint')).toHaveTextContent('les autres langues demandent un rédacteur LLM');
    await user.click(screen.getByTestId('look-summary'));
    await waitFor(() => expect(server.calls('GET', '/api/captions/preview').at(-1)?.query.get('language')).toBe('ja'));
    expect(server.calls('GET', '/api/captions/preview').at(-1)!.query.get('text')).toBe('字幕はこのように表示されます');
    await user.type(screen.getByTestId('theme-input'), '富士山');
    await user.click(screen.getByTestId('submit-video'));
    await waitFor(() => expect(server.calls('POST', '/api/videos')).toHaveLength(1));
    expect(server.calls('POST', '/api/videos')[0]!.body).toMatchObject({ theme: '富士山', language: 'ja' });
  });

  it('keeps a language tag from the address that is not in the list', async () => {
    await renderApp('/create?language=pt-BR');
    expect(screen.getByTestId('language-select')).toHaveValue('pt-BR');
    expect(within(screen.getByTestId('language-select')).getByRole('option', { name: /Portuguese \(Brazil\)|Brazilian Portuguese/ })).toBeInTheDocument();
  });

  it('sends only the fields that were changed, under the API’s names', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?language=en');
    await user.type(screen.getByTestId('theme-input'), 'Volcanoes');
    await user.click(screen.getByTestId('look-summary'));
    await user.click(screen.getByTestId('aspect-16:9'));
    await user.selectOptions(screen.getByTestId('caption-style-select'), 'boxed');
    await user.selectOptions(screen.getByTestId('caption-position-select'), 'top');
    await user.click(screen.getByText('Colours, size and font'));
    fireEvent.input(screen.getByTestId('caption-highlight'), { target: { value: '#00ff88' } });
    fireEvent.change(screen.getByTestId('caption-size'), { target: { value: '130' } });
    // Changed and changed back: not sent.
    await user.selectOptions(screen.getByTestId('caption-position-select'), 'bottom');
    await user.click(screen.getByTestId('submit-video'));

    await waitFor(() => expect(server.calls('POST', '/api/videos')).toHaveLength(1));
    expect(server.calls('POST', '/api/videos')[0]!.body).toEqual({
      theme: 'Volcanoes', target_duration: 36, style: 'informative', language: 'en', mode: 'native_audio', clip_strategy: 'parallel',
      aspect: '16:9', caption_style: 'boxed', caption_highlight: '#00FF88', caption_size: 130,
    });
  });

  it('keeps the chosen look in the address, so a reload shows it again', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create');
    await user.click(screen.getByTestId('look-summary'));
    await user.click(screen.getByTestId('aspect-1:1'));
    await user.selectOptions(screen.getByTestId('caption-style-select'), 'pop');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('aspect=1%3A1&caption_style=pop'));
    expect(screen.getByTestId('location')).not.toHaveTextContent('caption_position');
  });

  it('refuses a font name the server would refuse, before sending, with the rule next to the field', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?caption_font=Noto%7BSans');
    await user.type(screen.getByTestId('theme-input'), 'Volcanoes');
    await user.click(screen.getByTestId('submit-video'));
    // The section opens by itself to show the error.
    expect(screen.getByTestId('look-section')).toHaveAttribute('open');
    const error = screen.getByTestId('error-caption_font');
    expect(error).toHaveTextContent("Letters, digits, spaces, '.', '_' or '-', at most 64 characters.");
    expect(error.closest('.field')).toContainElement(screen.getByTestId('caption-font'));
    expect(screen.getByTestId('caption-font')).toHaveAttribute('aria-invalid', 'true');
    expect(server.calls('POST', '/api/videos')).toHaveLength(0);
  });

  it('shows a server error on a look field next to it, opening the section', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/videos', problem(400, { title: 'Invalid request', field: 'music', rule: 'no library track has the mood "sea"' }));
    await renderApp('/create?music=mood%3Asea');
    await user.type(screen.getByTestId('theme-input'), 'Volcanoes');
    await user.click(screen.getByTestId('submit-video'));
    await waitFor(() => expect(screen.getByTestId('look-section')).toHaveAttribute('open'));
    const error = await screen.findByTestId('error-music');
    expect(error).toHaveTextContent('no library track has the mood "sea"');
    expect(within(error.closest('.field') as HTMLElement).getByTestId('music-select')).toBeInTheDocument();
    expect(server.calls('POST', '/api/videos')[0]!.body).toMatchObject({ music: 'mood:sea' });
  });

  it('names the field a preview was refused for', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', '/api/captions/preview', problem(400, { title: 'Invalid request', field: 'caption_font', rule: 'must be a font family name' }));
    await renderApp('/create?caption_font=X');
    await user.click(screen.getByTestId('look-summary'));
    expect(await screen.findByTestId('error-caption_font')).toHaveTextContent('must be a font family name');
    expect(screen.getByTestId('caption-preview')).toHaveTextContent('No preview');
  });
});
