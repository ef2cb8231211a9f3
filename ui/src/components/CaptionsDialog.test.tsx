import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { block, detail, FakeServer, installLiveFakes, json, logIn, problem } from '../test/fakes';
import { renderApp } from '../test/render';
import type { CaptionWord } from '../types';

const ID = 'vid_20260201_203648_k3f9';
const PATH = `/api/videos/${ID}`;
const WORDS: CaptionWord[] = [
  { text: 'Iceland', start_ms: 0, end_ms: 420 },
  { text: 'has', start_ms: 420, end_ms: 600 },
  { text: '130', start_ms: 600, end_ms: 1100 },
  { text: 'volcanos.', start_ms: 1100, end_ms: 1800 },
  { text: 'Some', start_ms: 2500, end_ms: 2800 },
  { text: 'wake', start_ms: 2800, end_ms: 3100 },
  { text: 'up.', start_ms: 3100, end_ms: 3600 },
];
const completed = detail({
  status: 'completed', status_label: 'completed', completed_blocks: 2, total_blocks: 2, progress_percentage: 100, current_step: null,
  blocks: [block(1, { status: 'success' }), block(2, { status: 'success' })],
  files: { final: `${PATH}/final.mp4?sig=a`, thumbnail: null, captions_ass: null, captions_srt: null, script: null },
});

describe('Captions editor', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
    server.on('GET', PATH, json(200, completed));
    server.on('GET', `${PATH}/captions`, json(200, { words: WORDS, edited: false }));
  });

  it('lists the words in lines, each word’s text and times editable, and sends them all on save', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('PUT', `${PATH}/captions`, json(202, { ...completed, status: 'assembling', status_label: 'assembling', progress_percentage: 90, current_step: 'assembly' }));
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('captions-button'));
    const dialog = screen.getByTestId('captions-dialog');
    await within(dialog).findByTestId('caption-lines');
    // A sentence end starts a new line.
    expect(within(dialog).getByTestId('caption-line-0')).toHaveTextContent('Line 1 · 0.00–1.80 s');
    expect(within(within(dialog).getByTestId('caption-line-0')).getAllByRole('textbox')).toHaveLength(12);
    expect(within(dialog).getByTestId('caption-line-1')).toHaveTextContent('Line 2 · 2.50–3.60 s');
    expect(within(dialog).getByTestId('captions-save')).toBeDisabled();

    const word = within(dialog).getByTestId('caption-word-3-text');
    expect(word).toHaveAccessibleName('Word 4');
    await user.clear(word);
    await user.type(word, 'volcanoes.');
    await user.clear(within(dialog).getByTestId('caption-word-4-start'));
    await user.type(within(dialog).getByTestId('caption-word-4-start'), '2,4');
    await user.click(within(dialog).getByTestId('captions-save'));

    await waitFor(() => expect(server.calls('PUT', `${PATH}/captions`)).toHaveLength(1));
    const sent = server.calls('PUT', `${PATH}/captions`)[0]!.body as { words: CaptionWord[] };
    expect(sent.words).toHaveLength(7);
    expect(sent.words[3]).toEqual({ text: 'volcanoes.', start_ms: 1100, end_ms: 1800 });
    expect(sent.words[4]).toEqual({ text: 'Some', start_ms: 2400, end_ms: 2800 });
    // The page follows the new assembly like any run.
    await waitFor(() => expect(screen.getByTestId('progress-page')).toHaveAttribute('data-status', 'assembling'));
    expect(screen.queryByTestId('captions-dialog')).toBeNull();
  });

  it('checks words before sending: text length, times within the video and in order, end after start', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('captions-button'));
    await screen.findByTestId('caption-lines');
    await user.clear(screen.getByTestId('caption-word-0-text'));
    await user.clear(screen.getByTestId('caption-word-2-start'));
    await user.type(screen.getByTestId('caption-word-2-start'), '0.3');
    await user.clear(screen.getByTestId('caption-word-5-end'));
    await user.type(screen.getByTestId('caption-word-5-end'), '2.7');
    await user.clear(screen.getByTestId('caption-word-6-end'));
    await user.type(screen.getByTestId('caption-word-6-end'), '99');
    await user.click(screen.getByTestId('captions-save'));

    expect(screen.getByTestId('caption-error-0-text')).toHaveTextContent('1 to 64 characters, no control characters.');
    expect(screen.getByTestId('caption-error-2-start')).toHaveTextContent('Words stay in order: not before the previous word.');
    expect(screen.getByTestId('caption-error-5-end')).toHaveTextContent('The end cannot come before the start.');
    expect(screen.getByTestId('caption-error-6-end')).toHaveTextContent('A time in seconds, within the video.');
    expect(screen.getByTestId('caption-word-0-text')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByTestId('caption-word-0-text')).toHaveFocus());
    expect(server.calls('PUT', `${PATH}/captions`)).toHaveLength(0);
  });

  it('puts a refused word’s rule next to it and focuses it', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('PUT', `${PATH}/captions`, problem(400, { title: 'Invalid request', field: 'words[5].text', rule: 'must not contain "{"' }));
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('captions-button'));
    await user.type(await screen.findByTestId('caption-word-5-text'), '{{\\b1}');
    await user.click(screen.getByTestId('captions-save'));
    expect(await screen.findByTestId('caption-error-5-text')).toHaveTextContent('must not contain "{"');
    await waitFor(() => expect(screen.getByTestId('caption-word-5-text')).toHaveFocus());
  });

  it('keeps focus inside, closes on Escape and gives focus back to its button', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp(`/videos/${ID}`);
    const button = await screen.findByTestId('captions-button');
    await user.click(button);
    await screen.findByTestId('caption-lines');
    for (let i = 0; i < 30; i++) {
      await user.tab();
      expect(screen.getByTestId('captions-dialog')).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('captions-dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('says so when the server cannot edit captions', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', `${PATH}/captions`, problem(404, { title: 'Not Found' }));
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('captions-button'));
    expect(await screen.findByTestId('captions-error')).toHaveTextContent('This server cannot edit captions yet.');
  });
});
