import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { block, detail, FakeServer, installLiveFakes, json, logIn, problem } from '../test/fakes';
import { renderApp } from '../test/render';
import type { ReviewScript, VideoDetail } from '../types';

const ID = 'vid_20260201_203648_k3f9';
const PATH = `/api/videos/${ID}`;
const MEDIA = { kind: 'video' as const, name: 'beach.mp4', keep_sound: true };

const script = (): ReviewScript => ({
  title: 'Les volcans',
  style_guide: '',
  editable: true,
  estimate_usd: 1.6,
  blocks: [
    { index: 1, duration: 8, visual_prompt: 'Lava at night', spoken_text: 'Iceland has 130 volcanoes.', on_screen_text: null, emphasis: [] },
    { index: 2, duration: 8, visual_prompt: 'Geyser', spoken_text: 'Some wake up every few years.', on_screen_text: null, emphasis: [] },
  ],
});
const awaiting = (media: VideoDetail['blocks'][number]['media'] = null): VideoDetail =>
  detail({ status: 'awaiting_approval', status_label: 'awaiting_approval', target_duration: 16, blocks: [{ ...block(1, null), media }, block(2, null)] });
const completed = (media: VideoDetail['blocks'][number]['media'] = null): VideoDetail =>
  detail({
    status: 'completed', status_label: 'completed', completed_blocks: 2, total_blocks: 2, progress_percentage: 100, current_step: null,
    blocks: [{ ...block(1, { status: 'success' }), media }, block(2, { status: 'success' })],
    files: { final: `${PATH}/final.mp4?sig=a`, thumbnail: null, captions_ass: null, captions_srt: null, script: null },
  });

describe('Own media per block', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
    server.on('GET', `${PATH}/script`, json(200, script()));
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 1.6, unpriced: [] }));
  });

  it('uploads a clip for a block under review with progress, then the card says it costs nothing', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, awaiting()));
    server.on('PUT', `${PATH}/blocks/1/media`, json(200, awaiting({ ...MEDIA, keep_sound: false })));
    let release!: () => void;
    server.uploadGate = new Promise((r) => (release = r));
    await renderApp(`/videos/${ID}`);
    await screen.findByTestId('review-block-1');
    expect(screen.getByTestId('review-cost-1')).toHaveTextContent('≈ $0.80');

    const file = new File([new Uint8Array(4096)], 'beach.mp4', { type: 'video/mp4' });
    await user.upload(screen.getByTestId('media-file-1'), file);
    const chosen = within(screen.getByTestId('block-media-1'));
    expect(chosen.getByText('beach.mp4 (4 KB)')).toBeInTheDocument();
    // Native-audio video: its own sound is kept unless the person says otherwise.
    expect(chosen.getByTestId('media-keep-sound-1')).toBeChecked();
    await user.click(chosen.getByTestId('media-keep-sound-1'));
    await user.click(chosen.getByTestId('media-upload-1'));
    expect(await screen.findByTestId('media-progress-1')).toHaveTextContent('Uploading beach.mp4: 0 %');
    release();

    expect(await screen.findByTestId('media-badge-1')).toHaveTextContent('Your media · $0 · beach.mp4 · video, muted');
    const sent = server.calls('PUT', `${PATH}/blocks/1/media`)[0]!;
    expect(Object.fromEntries(sent.query)).toEqual({ keep_sound: 'false', name: 'beach.mp4' });
    expect(sent.headers['content-type']).toBe('video/mp4');
    expect(sent.headers.authorization).toBe('Bearer access-1');
    expect(sent.body).toBe(file);
    // The block is free now; the estimate's share goes to the other block.
    expect(screen.getByTestId('review-cost-1')).toHaveTextContent('≈ $0.00');
    expect(screen.getByTestId('review-cost-2')).toHaveTextContent('≈ $1.60');
    expect(screen.getByTestId('media-choose-1')).toHaveTextContent('Replace my file');
  });

  it('removes the media again, and sends a photo without a sound choice', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, awaiting({ kind: 'image', name: 'crater.jpg', keep_sound: false })));
    server.on('DELETE', `${PATH}/blocks/1/media`, json(200, awaiting()));
    server.on('PUT', `${PATH}/blocks/2/media`, json(200, awaiting()));
    await renderApp(`/videos/${ID}`);
    expect(await screen.findByTestId('media-badge-1')).toHaveTextContent('crater.jpg · photo');
    await user.click(screen.getByTestId('media-remove-1'));
    await waitFor(() => expect(screen.queryByTestId('media-badge-1')).toBeNull());
    expect(server.calls('DELETE', `${PATH}/blocks/1/media`)).toHaveLength(1);

    await user.upload(screen.getByTestId('media-file-2'), new File(['png'], 'shot.png', { type: 'image/png' }));
    expect(screen.queryByTestId('media-keep-sound-2')).toBeNull();
    await user.click(screen.getByTestId('media-upload-2'));
    await waitFor(() => expect(server.calls('PUT', `${PATH}/blocks/2/media`)).toHaveLength(1));
    expect(server.calls('PUT', `${PATH}/blocks/2/media`)[0]!.query.get('keep_sound')).toBe('false');
    expect(server.calls('PUT', `${PATH}/blocks/2/media`)[0]!.headers['content-type']).toBe('image/png');
  });

  it('refuses what the server would refuse before sending, and says why it refused one', async () => {
    const user = userEvent.setup({ delay: null, applyAccept: false });
    server.on('GET', PATH, json(200, awaiting()));
    server.once('PUT', `${PATH}/blocks/1/media`, problem(400, { title: 'Bad Request', detail: 'not a video or image ffmpeg can read' }), problem(413, { title: 'Payload Too Large' }));
    await renderApp(`/videos/${ID}`);
    await screen.findByTestId('review-block-1');
    await user.upload(screen.getByTestId('media-file-1'), new File(['x'], 'notes.pdf', { type: 'application/pdf' }));
    expect(screen.getByTestId('media-error-1')).toHaveTextContent('Choose a video (MP4, MOV, WebM) or an image (JPEG, PNG, WebP).');
    const big = new File(['x'], 'long.mov', { type: 'video/quicktime' });
    Object.defineProperty(big, 'size', { value: 250 * 1024 * 1024 });
    await user.upload(screen.getByTestId('media-file-1'), big);
    expect(screen.getByTestId('media-error-1')).toHaveTextContent('At most 200 MB (this file is 250 MB).');
    expect(server.calls('PUT', `${PATH}/blocks/1/media`)).toHaveLength(0);

    // A type-less .webm is sent with the type its extension says.
    await user.upload(screen.getByTestId('media-file-1'), new File(['x'], 'clip.webm', { type: '' }));
    await user.click(screen.getByTestId('media-upload-1'));
    expect(await screen.findByTestId('media-error-1')).toHaveTextContent('The server could not read this file as a video or an image.');
    expect(server.calls('PUT', `${PATH}/blocks/1/media`)[0]!.headers['content-type']).toBe('video/webm');
    await user.upload(screen.getByTestId('media-file-1'), new File(['x'], 'clip.webm', { type: '' }));
    await user.click(screen.getByTestId('media-upload-1'));
    expect(await screen.findByTestId('media-error-1')).toHaveTextContent('File too big: at most 200 MB.');
  });

  it('waits for unsaved script edits before the media of blocks can change', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, awaiting()));
    await renderApp(`/videos/${ID}`);
    await screen.findByTestId('review-block-1');
    await user.click(screen.getByRole('button', { name: 'Move block 2 up' }));
    expect(screen.getByTestId('block-media-1')).toHaveTextContent('Save your changes before changing blocks’ files.');
    expect(screen.queryByTestId('media-choose-1')).toBeNull();
  });

  it('on a finished video, regenerating a block with media says it uses the file and costs nothing', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, completed()));
    server.on('PUT', `${PATH}/blocks/1/media`, json(200, completed(MEDIA)));
    server.on('POST', `${PATH}/blocks/1/regenerate`, json(202, { ...completed(MEDIA), status: 'assembling', status_label: 'assembling' }));
    await renderApp(`/videos/${ID}`);
    const card = await screen.findByTestId('block-cell-1');
    expect(within(card).getByTestId('regenerate-block-1')).toHaveTextContent('Regenerate this block');
    await user.upload(within(card).getByTestId('media-file-1'), new File(['x'], 'beach.mp4', { type: 'video/mp4' }));
    await user.click(within(card).getByTestId('media-upload-1'));
    expect(await within(card).findByTestId('media-badge-1')).toHaveTextContent('Your media · $0 · beach.mp4 · video, with its sound');
    expect(within(card).getByTestId('regenerate-block-1')).toHaveTextContent('Regenerate with my file ($0)');
    await user.click(within(card).getByTestId('regenerate-block-1'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Make block 1 again from your file “beach.mp4”? Nothing is paid to the clip provider.');
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(server.calls('POST', `${PATH}/blocks/1/regenerate`)).toHaveLength(1));
  });

  it('says the video is busy when the server refuses a change mid-run', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('GET', PATH, json(200, completed(MEDIA)));
    server.on('DELETE', `${PATH}/blocks/1/media`, problem(409, { title: 'Conflict', detail: 'current_status assembling' }));
    await renderApp(`/videos/${ID}`);
    await user.click(await screen.findByTestId('media-remove-1'));
    expect(await screen.findByTestId('media-error-1')).toHaveTextContent('The video is being worked on: try again once it is done.');
  });
});
