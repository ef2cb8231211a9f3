import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { block, detail, FakeServer, FakeWebSocket, installLiveFakes, json, logIn, noContent, progressMsg } from '../test/fakes';
import { renderApp } from '../test/render';

const ID = 'vid_20260201_203648_k3f9';
const PATH = `/api/videos/${ID}`;

const failedVideo = () =>
  detail({
    status: 'failed',
    status_label: 'failed',
    current_step: 'clips',
    last_successful_step: 'script',
    progress_percentage: 45,
    message: 'Error',
    error_category: 'usage_guidelines',
    error_message: 'Veo: prompt blocked by safety filter',
    attempts: 1,
    updated_at: '2026-02-01T20:50:00Z',
    blocks: [
      block(1, { status: 'success' }),
      block(2, { status: 'failed', retry_count: 2, last_error: 'SAFETY: prompt blocked' }),
      block(3, { status: 'abandoned', retry_count: 3, last_error: 'operation timed out' }),
      block(4, null),
    ],
  });

describe('Generation progress page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
  });

  it('shows a storyboard card per block with its state and retries, raw errors only behind a disclosure', async () => {
    server.on('GET', PATH, json(200, failedVideo()));
    await renderApp(`/videos/${ID}`);
    const grid = await screen.findByTestId('block-grid');
    const cells = within(grid).getAllByTestId(/^block-cell-/);
    expect(cells.map((c) => c.getAttribute('data-status'))).toEqual(['success', 'failed', 'abandoned', 'waiting']);
    expect(cells[1]).toHaveClass('clip-failed');
    expect(cells[2]).toHaveClass('clip-abandoned');
    expect(screen.getByTestId('block-retries-2')).toHaveTextContent('2');
    expect(screen.getByTestId('block-retries-3')).toHaveTextContent('3');
    expect(screen.queryByTestId('block-retries-1')).toBeNull();
    const raw = within(cells[1]!).getByTestId('block-last-error');
    expect(raw).toHaveTextContent('SAFETY: prompt blocked');
    expect(raw.closest('details')).not.toBeNull();
    expect(within(cells[1]!).getByRole('heading')).toHaveTextContent('Block 2 · 6 s');
  });

  it('says a refusal once, in plain words, and offers to edit the refused block', async () => {
    const user = userEvent.setup({ delay: null });
    const refused = failedVideo();
    refused.blocks[1] = block(2, { status: 'abandoned', retry_count: 1, error_category: 'usage_guidelines', last_error: 'raiMediaFilteredReasons: [...]' });
    server.on('GET', PATH, json(200, refused));
    server.on('PATCH', `${PATH}/blocks/2`, json(200, refused));
    server.on('POST', `${PATH}/blocks/2/regenerate`, json(202, detail({ status: 'queued' })));
    await renderApp(`/videos/${ID}`);
    expect(await screen.findByTestId('block-refused-2')).toHaveTextContent('Refused by the provider (safety rules): change the prompt.');
    expect(screen.getAllByText(/does not meet the safety rules/)).toHaveLength(1); // the panel says it once
    expect(screen.queryByTestId('reset-clip-2')).toBeNull(); // the same prompt would be refused again
    expect(screen.queryByTestId('progress-message')).toBeNull();
    expect(screen.queryByText(/raiMediaFilteredReasons/)?.closest('details')).not.toBeNull();

    await user.click(screen.getByTestId('edit-refused'));
    const dialog = screen.getByTestId('edit-block-dialog');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.clear(screen.getByTestId('edit-visual'));
    await user.type(screen.getByTestId('edit-visual'), 'A calm beach at dawn');
    await user.click(screen.getByTestId('edit-save'));
    await waitFor(() => expect(server.calls('POST', `${PATH}/blocks/2/regenerate`)).toHaveLength(1));
    expect(server.calls('PATCH', `${PATH}/blocks/2`)[0]!.body).toMatchObject({ visual_prompt: 'A calm beach at dawn' });
    expect(screen.queryByTestId('edit-block-dialog')).toBeNull();
  });

  it('offers Resume on a cancelled video, and shows a partial video with its real length', async () => {
    server.on('GET', PATH, json(200, detail({ status: 'cancelled' })));
    await renderApp(`/videos/${ID}`);
    expect(await screen.findByTestId('retry-button')).toHaveTextContent('Resume');
  });

  it('says which blocks are missing from a completed video and its real length', async () => {
    server.on(
      'GET',
      PATH,
      json(200, detail({ status: 'completed', target_duration: 24, blocks: [block(1, { status: 'success' }), block(2, { status: 'success' }), block(3, { status: 'abandoned' })].map((b, i) => ({ ...b, duration: [8, 8, 8][i]! })) })),
    );
    await renderApp(`/videos/${ID}`);
    expect(await screen.findByTestId('partial-banner')).toHaveTextContent('16 s of 24 s: block 3 missing');
  });

  it('explains the failure by category, in the chosen language, with the actions that fix it', async () => {
    server.on('GET', PATH, json(200, failedVideo()));
    await renderApp(`/videos/${ID}`, 'fr');
    const panel = await screen.findByTestId('error-panel');
    expect(panel).toHaveAttribute('data-category', 'usage_guidelines');
    expect(screen.getByTestId('error-message')).toHaveTextContent(
      'Le contenu demandé ne respecte pas les règles de sécurité. Essayez un thème différent.',
    );
    expect(screen.getByTestId('error-detail')).toHaveTextContent('Veo: prompt blocked by safety filter');
    expect(screen.getByTestId('new-theme-link').getAttribute('href')).toContain('/create?theme=Intelligence+artificielle');
    expect(screen.getByTestId('retry-button')).toBeInTheDocument();
    expect(screen.queryByTestId('cancel-button')).toBeNull();
    expect(server.calls('GET', PATH)[0]!.query.get('lang')).toBe('fr');
    // The step that failed is marked on the timeline.
    expect(screen.getByTestId('step-script')).toHaveAttribute('data-state', 'done');
    expect(screen.getByTestId('step-clips')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByTestId('step-assembly')).toHaveAttribute('data-state', 'pending');
  });

  it('shows the timeout advice with a shorter-duration link', async () => {
    server.on('GET', PATH, json(200, detail({ status: 'failed', error_category: 'operation_timeout', target_duration: 60 })));
    await renderApp(`/videos/${ID}`);
    expect(await screen.findByTestId('error-message')).toHaveTextContent('Generation took too long. Try again with a shorter duration.');
    expect(screen.getByTestId('shorter-link').getAttribute('href')).toContain('duration=30');
  });

  it('Retry posts to /retry and shows the answered state', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, failedVideo()));
    server.on(
      'POST',
      `${PATH}/retry`,
      json(202, detail({ status: 'queued', message: 'Retrying (1/3)', progress_percentage: 0, updated_at: '2026-02-01T20:51:00Z' })),
    );
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('retry-button'));
    await waitFor(() => expect(screen.getByTestId('progress-message')).toHaveTextContent('Retrying (1/3)'));
    expect(server.calls('POST', `${PATH}/retry`)).toHaveLength(1);
    expect(screen.queryByTestId('retry-button')).toBeNull();
    expect(screen.getByTestId('cancel-button')).toBeInTheDocument();
    expect(screen.getByTestId('status-badge')).toHaveAttribute('data-status', 'queued');
  });

  it('Reset clip (abandoned block) and Regenerate block call their endpoints after confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, failedVideo()));
    server.on('POST', `${PATH}/clips/3/reset`, json(202, failedVideo()));
    server.on('POST', `${PATH}/blocks/2/regenerate`, json(202, failedVideo()));
    await renderApp(`/videos/${ID}`);

    // Only the abandoned block offers a reset.
    await screen.findByTestId('block-grid');
    expect(screen.queryByTestId('reset-clip-2')).toBeNull();
    await user.click(screen.getByTestId('reset-clip-3'));
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(server.calls('POST', `${PATH}/clips/3/reset`)).toHaveLength(1));

    await user.click(screen.getByTestId('regenerate-block-2'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Regenerate block 2?');
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(server.calls('POST', `${PATH}/blocks/2/regenerate`)).toHaveLength(1));
  });

  it('Cancel asks first, and does nothing when the user backs out', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, detail()));
    server.on('POST', `${PATH}/cancel`, json(202, detail({ status: 'cancelled', message: 'Cancelled', updated_at: '2026-02-01T20:52:00Z' })));
    await renderApp(`/videos/${ID}`);

    // A running video can be cancelled but not retried, regenerated or deleted.
    await user.click(await screen.findByTestId('cancel-button'));
    expect(screen.queryByTestId('retry-button')).toBeNull();
    expect(screen.queryByTestId('delete-button')).toBeNull();
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(server.calls('POST', `${PATH}/cancel`)).toHaveLength(0);

    await user.click(screen.getByTestId('cancel-button'));
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('status-badge')).toHaveAttribute('data-status', 'cancelled'));
    expect(server.calls('POST', `${PATH}/cancel`)).toHaveLength(1);
    expect(screen.queryByTestId('cancel-button')).toBeNull();
  });

  it('updates the grid and the progress bar from live messages', async () => {
    server.on('GET', PATH, json(200, detail()));
    await renderApp(`/videos/${ID}`);
    await screen.findByTestId('block-grid');
    const ws = FakeWebSocket.last;
    act(() => ws.open());
    expect(screen.getByTestId('transport')).toHaveAttribute('data-transport', 'websocket');
    act(() =>
      ws.receive(
        progressMsg({
          completed_blocks: 2,
          progress_percentage: 70,
          message: 'Generating clips (2/3 blocks)',
          updated_at: '2026-02-01T20:39:00Z',
          blocks: [
            { index: 1, status: 'success', retry_count: 0 },
            { index: 2, status: 'success', retry_count: 1 },
            { index: 3, status: 'submitting', retry_count: 0 },
          ],
        }),
      ),
    );
    expect(screen.getByTestId('block-cell-2')).toHaveAttribute('data-status', 'success');
    expect(screen.getByTestId('block-cell-3')).toHaveAttribute('data-status', 'submitting');
    expect(screen.getByTestId('block-retries-2')).toHaveTextContent('1');
    expect(screen.getByTestId('progress-bar')).toHaveAttribute('aria-valuenow', '70');
    expect(screen.getByTestId('progress-message')).toHaveTextContent('Generating clips (2/3 blocks)');
  });

  it('shows elapsed time, an estimate of the time left, and the costs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-01T20:39:48Z'));
    server.on(
      'GET',
      PATH,
      json(
        200,
        detail({
          progress_percentage: 40,
          mode: 'narrated',
          current_step: 'audio',
          last_successful_step: 'adapt',
          eta: { remaining_seconds: 55, basis: 'history', samples: 12 },
          costs: { spent_usd: 0.16, estimate_usd: 0.46, saved_usd: 0.05, budget_usd: 2, calls: 3, by_provider: [] },
        }),
      ),
    );
    await renderApp(`/videos/${ID}`);
    // created 20:36:48 → 180 s elapsed; the time left is the server's, from this installation's history.
    expect(await screen.findByTestId('elapsed')).toHaveTextContent('3 min 00 s');
    expect(screen.getByTestId('remaining')).toHaveTextContent('≈ 55 s');
    expect(screen.getByTestId('remaining')).toHaveAttribute('data-basis', 'history');
    expect(screen.getByTestId('cost-spent')).toHaveTextContent('$0.16');
    expect(screen.getByTestId('cost-estimate')).toHaveTextContent('$0.46');
    expect(screen.getByTestId('cost-saved')).toHaveTextContent('$0.05');
    expect(screen.getByTestId('cost-budget')).toHaveTextContent('$2.00');
    // Narrated mode shows adapt and audio between script and clips.
    const steps = within(screen.getByTestId('step-timeline')).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('data-testid'))).toEqual(['step-script', 'step-adapt', 'step-audio', 'step-clips', 'step-assembly']);
    expect(steps.map((s) => s.getAttribute('data-state'))).toEqual(['done', 'done', 'active', 'pending', 'pending']);
  });

  it('deletes a finished video and goes back to the library', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, failedVideo()));
    server.on('DELETE', PATH, noContent());
    server.on('GET', '/api/videos', json(200, { items: [], page: 1, size: 24, total: 0 }));
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('delete-button'));
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/library'));
    expect(server.calls('DELETE', PATH)).toHaveLength(1);
  });

  it('says so when the video does not exist', async () => {
    server.on('GET', PATH, json(404, { type: 'about:blank', title: 'Not Found', status: 404 }));
    await renderApp(`/videos/${ID}`);
    expect(await screen.findByTestId('progress-error')).toHaveTextContent('Video not found.');
  });
});
