import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { binary, FakeServer, installLiveFakes, json, logIn } from '../test/fakes';
import { renderApp } from '../test/render';
import { liveBlobUrls, played } from '../test/setup';
import type { VoiceList } from '../types';

const VOICES: Record<string, VoiceList> = {
  fr: { provider: 'espeak-ng', default_voice: 'roa/fr', items: [{ id: 'roa/fr', name: 'French', language: 'fr' }, { id: 'roa/fr+f3', name: 'French (f3)', language: 'fr' }] },
  en: { provider: 'espeak-ng', default_voice: 'gmw/en', items: [{ id: 'gmw/en', name: 'English', language: 'en' }, { id: 'gmw/en-US', name: 'English (America)', language: 'en' }] },
};

describe('Voice on the Create page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 1.2, unpriced: [], paid_clips: true }));
    server.on('GET', '/api/captions/preview', binary('image/png'));
    server.on('GET', '/api/music', json(200, { items: [] }));
    server.on('GET', '/api/voices', (req) => json(200, VOICES[req.query.get('language') ?? 'fr']));
    server.on('GET', '/api/voices/sample', binary('audio/wav', [82, 73, 70, 70]));
    server.on('POST', '/api/videos', json(202, { video_id: 'vid_20260201_203648_k3f9' }));
    server.on('GET', '/api/videos/vid_20260201_203648_k3f9', json(404, {}));
  });

  it('is offered in narrated mode only when the clips are paid (the model speaks native-audio clips itself)', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?mode=native_audio&language=fr');
    await user.click(screen.getByTestId('look-summary'));
    await screen.findByTestId('music-picker');
    await waitFor(() => expect(server.calls('POST', '/api/estimates').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('voice-picker')).toBeNull();
    await user.selectOptions(screen.getByTestId('mode-select'), 'narrated');
    expect(await screen.findByTestId('voice-picker')).toBeInTheDocument();
  });

  it('is offered in native-audio mode too when clips are rendered offline, where espeak speaks them', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 0, unpriced: [], paid_clips: false }));
    await renderApp('/create?mode=native_audio&language=fr');
    await user.click(screen.getByTestId('look-summary'));
    expect(await screen.findByTestId('voice-picker')).toBeInTheDocument();
  });

  it('lists the provider’s voices for the video’s language and plays a sample of the chosen one', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?mode=narrated&language=fr');
    await user.click(screen.getByTestId('look-summary'));
    const select = await screen.findByTestId('voice-select');
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Default voice (French)', 'French (f3)']));
    expect(server.calls('GET', '/api/voices')[0]!.query.get('language')).toBe('fr');
    expect(screen.getByTestId('voice-picker')).toHaveTextContent('Voices from: espeak-ng voice (offline)');

    await user.selectOptions(select, 'roa/fr+f3');
    await user.click(screen.getByTestId('voice-listen'));
    await waitFor(() => expect(played).toHaveLength(1));
    const sample = server.calls('GET', '/api/voices/sample')[0]!;
    expect(Object.fromEntries(sample.query)).toEqual({ voice: 'roa/fr+f3', language: 'fr' });
    expect(sample.headers.authorization).toBe('Bearer access-1');
    expect(played[0]).toMatch(/^blob:/);
    expect(liveBlobUrls.get(played[0]!)?.type).toBe('audio/wav');
  });

  it('sends the chosen voice and rate; a language change lists that language’s voices and drops a voice of the other', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?mode=narrated&language=fr');
    await user.type(screen.getByTestId('theme-input'), 'Volcans');
    await user.click(screen.getByTestId('look-summary'));
    const select = await screen.findByTestId('voice-select');
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(select, 'roa/fr+f3');
    fireEvent.change(screen.getByTestId('speech-rate'), { target: { value: '1.25' } });
    expect(screen.getByTestId('speech-rate-value')).toHaveTextContent('1.25 ×');

    await user.selectOptions(screen.getByTestId('language-select'), 'en');
    await waitFor(() => expect(within(screen.getByTestId('voice-select')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Default voice (English)', 'English (America)']));
    expect(screen.getByTestId('voice-select')).toHaveValue('');
    await user.selectOptions(screen.getByTestId('voice-select'), 'gmw/en-US');
    await user.click(screen.getByTestId('submit-video'));
    await waitFor(() => expect(server.calls('POST', '/api/videos')).toHaveLength(1));
    expect(server.calls('POST', '/api/videos')[0]!.body).toMatchObject({ language: 'en', mode: 'narrated', voice: 'gmw/en-US', speech_rate: 1.25 });
  });

  it('does not send a voice chosen in narrated mode once the video is native-audio with paid clips', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?mode=narrated&language=fr&voice=roa%2Ffr%2Bf3&speech_rate=1.5');
    await user.type(screen.getByTestId('theme-input'), 'Volcans');
    await user.selectOptions(screen.getByTestId('mode-select'), 'native_audio');
    await waitFor(() => expect(server.calls('POST', '/api/estimates').length).toBeGreaterThan(0));
    await user.click(screen.getByTestId('submit-video'));
    await waitFor(() => expect(server.calls('POST', '/api/videos')).toHaveLength(1));
    const body = server.calls('POST', '/api/videos')[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('voice');
    expect(body).not.toHaveProperty('speech_rate');
  });
});
