import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { detail, FakeServer, installLiveFakes, json, logIn, noContent, problem, summary } from '../test/fakes';
import { renderApp } from '../test/render';
import type { VideoSummary } from '../types';

const done = summary({ video_id: 'vid_a', theme: 'Volcans', status: 'completed' });
const failed = summary({
  video_id: 'vid_b',
  theme: 'Océans',
  status: 'failed',
  has_final: false,
  thumbnail_url: null,
  created_at: '2026-02-02T10:00:00Z',
});
const running = summary({
  video_id: 'vid_c',
  theme: 'Abeilles',
  status: 'generating_clips',
  has_final: false,
  progress_percentage: 50,
  message: 'Generating clips (2/4 blocks)',
});

function page(items: VideoSummary[], total = items.length) {
  return json(200, { items, page: 1, size: 24, total });
}

describe('Library page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn('tok');
    server.on('GET', '/api/videos', (req) => {
      const status = req.query.get('status');
      const all = [done, failed, running];
      return page(status ? all.filter((v) => v.status === status) : all);
    });
  });

  it('shows a card per video with thumbnail, status badge, theme and date', async () => {
    await renderApp('/library');
    const cards = await screen.findAllByTestId('library-card');
    expect(cards.map((c) => c.getAttribute('data-video-id'))).toEqual(['vid_a', 'vid_b', 'vid_c']);
    const first = within(cards[0]!);
    expect(first.getByTestId('card-theme')).toHaveTextContent('Volcans');
    expect(first.getByTestId('status-badge')).toHaveAttribute('data-status', 'completed');
    expect(first.getByTestId('status-badge')).toHaveTextContent('Completed');
    expect(cards[0]!.querySelector('img')!.getAttribute('src')).toBe('/api/videos/vid_20260201_203648_k3f9/thumbnail-small.jpg?exp=1790000000&sig=t');
    expect(cards[0]!.querySelector('time')).toHaveAttribute('dateTime', '2026-02-01T20:36:48Z');
    expect(within(cards[1]!).getByText('No preview')).toBeInTheDocument();
    expect(within(cards[2]!).getByText('Generating clips (2/4 blocks)')).toBeInTheDocument();
    const req = server.calls('GET', '/api/videos')[0]!;
    expect(req.query.get('status')).toBeNull();
    expect(req.query.get('size')).toBe('24');
  });

  it('filters by status through the URL', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/library');
    await screen.findAllByTestId('library-card');
    await user.selectOptions(screen.getByTestId('status-filter'), 'failed');
    await waitFor(() => expect(screen.getAllByTestId('library-card')).toHaveLength(1));
    expect(screen.getByTestId('library-card')).toHaveAttribute('data-video-id', 'vid_b');
    expect(screen.getByTestId('location')).toHaveTextContent('/library?status=failed');
    expect(server.calls('GET', '/api/videos').at(-1)!.query.get('status')).toBe('failed');
  });

  it('restores the filter from the URL on load', async () => {
    await renderApp('/library?status=completed');
    const cards = await screen.findAllByTestId('library-card');
    expect(cards).toHaveLength(1);
    expect(screen.getByTestId('status-filter')).toHaveValue('completed');
  });

  it('opens the player for a finished video and a running one on its progress page', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', '/api/videos/vid_c', json(200, detail({ video_id: 'vid_c', theme: 'Abeilles' })));
    await renderApp('/library');
    const cards = await screen.findAllByTestId('library-card');
    await user.click(within(cards[0]!).getByRole('button'));
    const player = screen.getByTestId('video-player');
    expect(player.tagName).toBe('VIDEO');
    expect(player).toHaveAttribute('controls');
    // Signed links from the list: no access token in any URL, so the player outlives the token.
    expect(player.getAttribute('src')).toBe('/api/videos/vid_a/final.mp4?exp=1790000000&sig=f');
    expect(screen.getByTestId('download-link').getAttribute('href')).toBe('/api/videos/vid_a/final.mp4?exp=1790000000&sig=f&download=1');
    expect(document.activeElement?.closest('[data-testid="player-modal"]')).not.toBeNull();
    expect(screen.getByTestId('location')).toHaveTextContent('/library?play=vid_a');

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('video-player')).toBeNull();
    expect(document.activeElement).toBe(within(screen.getAllByTestId('library-card')[0]!).getByRole('button'));

    await user.click(within(screen.getAllByTestId('library-card')[2]!).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/videos/vid_c'));
  });

  it('deletes a video after confirmation and removes its card', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('DELETE', '/api/videos/vid_a', noContent());
    await renderApp('/library?play=vid_a');
    await screen.findAllByTestId('library-card');

    await user.click(screen.getByTestId('delete-button'));
    expect(screen.getByTestId('confirm-dialog')).toBeInTheDocument();
    // Enter on an unread confirmation must not delete: focus starts on Cancel.
    expect(document.activeElement).toBe(screen.getByTestId('confirm-cancel'));
    await user.keyboard('{Enter}');
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(server.calls('DELETE', '/api/videos/vid_a')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByTestId('delete-button'));
    await user.click(screen.getByTestId('delete-button'));
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('player-modal')).toBeInTheDocument();
    await user.click(screen.getByTestId('delete-button'));
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(server.calls('DELETE', '/api/videos/vid_a')).toHaveLength(0);
    expect(screen.getByTestId('video-player')).toBeInTheDocument();

    await user.click(screen.getByTestId('delete-button'));
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryByTestId('player-modal')).toBeNull());
    expect(server.calls('DELETE', '/api/videos/vid_a')).toHaveLength(1);
    expect(screen.getAllByTestId('library-card').map((c) => c.getAttribute('data-video-id'))).toEqual(['vid_b', 'vid_c']);
  });

  it('explains a 409 on delete (the video is still running)', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('DELETE', '/api/videos/vid_a', problem(409, { title: 'Conflict', detail: 'running' }));
    await renderApp('/library?play=vid_a');
    await screen.findAllByTestId('library-card');
    await user.click(screen.getByTestId('delete-button'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('no longer fits the video’s state');
    expect(screen.getAllByTestId('library-card')).toHaveLength(3);
  });

  it('refreshes the list while a video is running, and stops when none is', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await renderApp('/library');
    await screen.findAllByTestId('library-card');
    expect(server.calls('GET', '/api/videos')).toHaveLength(1);

    server.on('GET', '/api/videos', page([done, { ...running, status: 'completed', has_final: true, progress_percentage: 100 }]));
    act(() => vi.advanceTimersByTime(5000));
    // The list had two cards before the refresh too: wait for the refreshed status, not the count.
    await waitFor(() => expect(screen.getAllByTestId('library-card')[1]).toHaveAttribute('data-status', 'completed'));
    expect(screen.getAllByTestId('library-card')).toHaveLength(2);
    expect(server.calls('GET', '/api/videos')).toHaveLength(2);

    act(() => vi.advanceTimersByTime(20_000));
    expect(server.calls('GET', '/api/videos')).toHaveLength(2);
  });

  it('shows an empty state', async () => {
    server.on('GET', '/api/videos', page([]));
    await renderApp('/library');
    expect(await screen.findByTestId('library-empty')).toBeInTheDocument();
  });
});
