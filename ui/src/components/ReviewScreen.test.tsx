import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { detail, FakeServer, installLiveFakes, json, logIn, problem } from '../test/fakes';
import { renderApp } from '../test/render';
import type { ReviewScript } from '../types';

const ID = 'vid_20260201_203648_k3f9';
const PATH = `/api/videos/${ID}`;

const script = (): ReviewScript => ({
  title: 'Les volcans',
  style_guide: 'aerial shots',
  editable: true,
  estimate_usd: 1.6,
  blocks: [
    { index: 1, duration: 8, visual_prompt: 'Lava at night', spoken_text: 'Iceland has 130 volcanoes.', on_screen_text: null, emphasis: [] },
    { index: 2, duration: 8, visual_prompt: 'Geyser', spoken_text: 'Some wake up every few years.', on_screen_text: 'Geysir', emphasis: [] },
  ],
});

describe('Review screen', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
    server.on('GET', PATH, json(200, detail({ status: 'awaiting_approval', status_label: 'awaiting_approval', target_duration: 16 })));
    server.on('GET', `${PATH}/script`, json(200, script()));
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 1.6, unpriced: [], clip_lengths: { min: 3, max: 10, only: [] } }));
  });

  it('shows every block with its texts, allowed lengths and cost, and updates the total as blocks change', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp(`/videos/${ID}`);
    const first = await screen.findByTestId('review-block-1');
    expect(within(first).getByTestId('review-spoken-1')).toHaveValue('Iceland has 130 volcanoes.');
    expect(screen.getByTestId('review-onscreen-2')).toHaveValue('Geysir');
    expect(screen.getByTestId('review-cost-1')).toHaveTextContent('≈ $0.80');
    // Omni-style lengths: every whole second from 3 to 10.
    await waitFor(() => expect(within(screen.getByTestId('review-duration-1')).getAllByRole('option')).toHaveLength(8));
    expect(screen.getByTestId('review-estimate')).toHaveTextContent('$1.60');

    await user.selectOptions(screen.getByTestId('review-duration-2'), '4');
    expect(screen.getByTestId('review-total')).toHaveTextContent('Total: 12 s for a target of 16 s');
    expect(screen.getByTestId('review-estimate')).toHaveTextContent('$1.20');
    await user.click(screen.getByTestId('review-remove-2'));
    expect(screen.getByTestId('review-estimate')).toHaveTextContent('$0.80');
    await user.click(screen.getByTestId('review-add'));
    expect(screen.getByTestId('review-block-2')).toBeInTheDocument();
  });

  it('saves the edits before approving, in the order shown, and approves once', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('PUT', `${PATH}/script`, (req) => json(200, { ...script(), ...(req.body as object), estimate_usd: 1.6, editable: true }));
    server.on('POST', `${PATH}/approve`, json(202, detail({ status: 'generating_clips', status_label: 'generating_parallel' })));
    await renderApp(`/videos/${ID}`);
    await screen.findByTestId('review-block-1');
    await user.click(screen.getByRole('button', { name: 'Move block 2 up' }));
    await user.clear(screen.getByTestId('review-spoken-1'));
    await user.type(screen.getByTestId('review-spoken-1'), 'Geysers erupt.');
    await user.click(screen.getByTestId('approve-button'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Estimated cost');
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(server.calls('POST', `${PATH}/approve`)).toHaveLength(1));
    const sent = server.calls('PUT', `${PATH}/script`)[0]!.body as ReviewScript;
    expect(sent.blocks.map((b) => [b.index, b.visual_prompt, b.spoken_text])).toEqual([
      [1, 'Geyser', 'Geysers erupt.'],
      [2, 'Lava at night', 'Iceland has 130 volcanoes.'],
    ]);
    await waitFor(() => expect(screen.queryByTestId('review-screen')).toBeNull());
  });

  it('names the field and rule of a refused edit, and says so in words when the video moved on', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('PUT', `${PATH}/script`, json(200, script()));
    server.once('PUT', `${PATH}/script`, problem(400, { title: 'Invalid request', field: 'blocks[1].duration', rule: 'must be 3–10 s' }));
    server.on('POST', `${PATH}/approve`, problem(409, { title: 'Conflict', detail: 'not awaiting approval' }));
    await renderApp(`/videos/${ID}`);
    await screen.findByTestId('review-block-1');
    await user.type(screen.getByTestId('review-spoken-1'), '!');
    await user.click(screen.getByTestId('review-save'));
    expect(await screen.findByTestId('review-error')).toHaveTextContent('blocks[1].duration: must be 3–10 s');

    await user.click(screen.getByTestId('review-save'));
    await waitFor(() => expect(screen.queryByTestId('review-error')).toBeNull());
    await user.click(screen.getByTestId('approve-button'));
    await user.click(await screen.findByTestId('confirm-ok'));
    expect(await screen.findByTestId('review-error')).toHaveTextContent('no longer fits the video’s state');
  });
});
