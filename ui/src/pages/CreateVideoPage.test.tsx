import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeServer, installLiveFakes, json, logIn, problem } from '../test/fakes';
import { renderApp } from '../test/render';
import { fieldKey } from './CreateVideoPage';

describe('Create video page', () => {
  let server: FakeServer;

  beforeEach(() => {
    server = new FakeServer().install();
    installLiveFakes();
    logIn();
  });

  it('shows what the video would cost before it is created, and warns about unpriced calls', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 3.606675, draft_estimate_usd: 0.54, unpriced: ['gpt-4o-mini.input_token'], paid_clips: true, clip_model: 'veo', clip_lengths: { min: 4, max: 8, only: [4, 6, 8] }, models: [{ step: 'script', provider: 'gemini', model: 'gemini-3.8-flash' }, { step: 'clip', provider: 'vertex', model: 'veo-3.1-fast-generate-001' }] }));
    await renderApp('/create');
    await user.type(screen.getByTestId('theme-input'), 'Les volcans');

    await waitFor(() => expect(screen.getByTestId('estimate-final')).toHaveTextContent('Final: $3.61'));
    expect(screen.getByTestId('estimate-draft')).toHaveTextContent('Draft: $0.54');
    expect(screen.getByTestId('models')).toHaveTextContent('Models in use: script gemini-3.8-flash · clips veo-3.1-fast-generate-001');
    // A paid clip provider: the script is reviewed before any clip is paid, unless the user says otherwise.
    expect(screen.getByTestId('review-toggle')).toBeChecked();
    expect(screen.getByTestId('estimate')).toHaveTextContent('gpt-4o-mini.input_token');
    const sent = server.calls('POST', '/api/estimates').at(-1)!;
    expect(sent.body).toMatchObject({ theme: 'Les volcans', target_duration: 36 });
    expect(server.calls('POST', '/api/videos')).toHaveLength(0);
  });

  it('counts theme characters and shows the chosen duration', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create');
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('0/200');
    await user.type(screen.getByTestId('theme-input'), 'Les volcans 🌋');
    // Code points, as the server counts: the emoji is one character.
    expect(screen.getByTestId('theme-counter')).toHaveTextContent('13/200');
    expect(screen.getByTestId('duration-value')).toHaveTextContent('36 s');
  });

  it('sends the request and opens the progress page of the new video', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/videos', json(202, { video_id: 'vid_20260201_203648_k3f9' }));
    server.on('GET', '/api/videos/vid_20260201_203648_k3f9', json(404, {}));
    await renderApp('/create?duration=60&style=humorous&language=en&mode=narrated&strategy=extend');
    await user.type(screen.getByTestId('theme-input'), '  Intelligence artificielle ');
    await user.type(screen.getByTestId('budget-input'), '1.5');
    await user.click(screen.getByTestId('submit-video'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/videos/vid_20260201_203648_k3f9'));
    expect(server.calls('POST', '/api/videos')[0]!.body).toEqual({
      theme: 'Intelligence artificielle',
      target_duration: 60,
      style: 'humorous',
      language: 'en',
      mode: 'narrated',
      clip_strategy: 'extend',
      budget_usd: 1.5,
    });
  });

  it('explains next to the slider why 15 s becomes 16 s with 4, 6 and 8 s clips', async () => {
    server.on('POST', '/api/estimates', json(200, { estimate_usd: 0, unpriced: [], paid_clips: false, clip_lengths: { min: 4, max: 8, only: [4, 6, 8] } }));
    await renderApp('/create?duration=15');
    expect(await screen.findByTestId('duration-hint')).toHaveTextContent('Clips last 4, 6, 8 s: the video will be 16 s');
    expect(screen.getByTestId('duration-input')).toHaveAttribute('aria-describedby', 'duration-hint');
    expect(screen.getByTestId('review-toggle')).not.toBeChecked();
  });

  it('shows a server field error next to the field it names', async () => {
    const user = userEvent.setup({ delay: null });
    server.on(
      'POST',
      '/api/videos',
      problem(400, { title: 'Invalid request', field: 'target_duration', rule: 'must be between 8 and 180 seconds (got 7)' }),
    );
    await renderApp('/create');
    await user.type(screen.getByTestId('theme-input'), 'Volcans');
    await user.click(screen.getByTestId('submit-video'));

    const error = await screen.findByTestId('error-target_duration');
    expect(error).toHaveTextContent('must be between 8 and 180 seconds (got 7)');
    // Next to the slider, inside its field.
    expect(error.closest('.field')).toContainElement(screen.getByTestId('duration-input'));
    expect(screen.getByTestId('duration-input')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('error-theme')).toBeNull();
    expect(screen.getByTestId('location')).toHaveTextContent('/create');
  });

  it('checks the theme before sending anything', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create');
    await user.type(screen.getByTestId('theme-input'), '   ');
    await user.click(screen.getByTestId('submit-video'));
    expect(screen.getByTestId('error-theme')).toHaveTextContent('The theme must be 1 to 200 characters.');
    expect(screen.getByTestId('error-theme').closest('.field')).toContainElement(screen.getByTestId('theme-input'));
    expect(server.calls('POST', '/api/videos')).toHaveLength(0);
  });

  it('edits an own script: adds and removes blocks, sends them, and maps block errors to the block', async () => {
    const user = userEvent.setup({ delay: null });
    server.on(
      'POST',
      '/api/videos',
      problem(400, { title: 'Invalid request', field: 'blocks[2].visual_prompt', rule: 'must be at most 2000 characters (got 2300)' }),
    );
    await renderApp('/create?duration=20');
    await user.type(screen.getByTestId('theme-input'), 'Volcans');
    await user.click(screen.getByTestId('own-script-toggle'));
    const editor = screen.getByTestId('script-editor');
    // Starts with two blocks; add a third, remove it again, then add one.
    expect(within(editor).getAllByTestId(/^block-editor-/)).toHaveLength(2);
    await user.click(screen.getByTestId('add-block'));
    expect(within(editor).getAllByTestId(/^block-editor-/)).toHaveLength(3);
    await user.click(screen.getByTestId('block-remove-3'));
    expect(within(editor).getAllByTestId(/^block-editor-/)).toHaveLength(2);

    await user.type(screen.getByTestId('script-title'), 'Volcans en 20 s');
    await user.selectOptions(screen.getByTestId('block-duration-1'), '8');
    await user.type(screen.getByTestId('block-visual-1'), 'A volcano at dawn');
    await user.type(screen.getByTestId('block-spoken-1'), 'Voici un volcan.');
    await user.click(screen.getByTestId('submit-video'));
    // Block 2 is empty: caught before sending.
    expect(screen.getByTestId('error-blocks.2.visual_prompt')).toHaveTextContent('Required.');
    expect(server.calls('POST', '/api/videos')).toHaveLength(0);

    await user.type(screen.getByTestId('block-visual-2'), 'Lava flowing');
    await user.type(screen.getByTestId('block-spoken-2'), 'La lave coule.');
    await user.type(screen.getByTestId('block-onscreen-2'), '1200 °C');
    await user.click(screen.getByTestId('submit-video'));

    const error = await screen.findByTestId('error-blocks.2.visual_prompt');
    expect(error).toHaveTextContent('must be at most 2000 characters (got 2300)');
    expect(error.closest('.field')).toContainElement(screen.getByTestId('block-visual-2'));
    expect(server.calls('POST', '/api/videos')[0]!.body).toMatchObject({
      theme: 'Volcans',
      target_duration: 20,
      script: {
        title: 'Volcans en 20 s',
        style_guide: '',
        blocks: [
          { index: 1, duration: 8, visual_prompt: 'A volcano at dawn', spoken_text: 'Voici un volcan.' },
          { index: 2, duration: 6, visual_prompt: 'Lava flowing', spoken_text: 'La lave coule.', on_screen_text: '1200 °C' },
        ],
      },
    });
  });

  it('warns when the blocks do not add up to the target duration', async () => {
    const user = userEvent.setup({ delay: null });
    await renderApp('/create?duration=60');
    await user.type(screen.getByTestId('theme-input'), 'Volcans');
    await user.click(screen.getByTestId('own-script-toggle'));
    await user.type(screen.getByTestId('script-title'), 'T');
    for (const n of [1, 2]) {
      await user.type(screen.getByTestId(`block-visual-${n}`), 'v');
      await user.type(screen.getByTestId(`block-spoken-${n}`), 's');
    }
    await user.click(screen.getByTestId('submit-video'));
    expect(screen.getByTestId('error-script.blocks')).toHaveTextContent('Blocks add up to 12 s');
    expect(server.calls('POST', '/api/videos')).toHaveLength(0);
  });

  it('shows when to come back after a 429', async () => {
    const user = userEvent.setup({ delay: null });
    server.on('POST', '/api/videos', problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '42' }));
    await renderApp('/create');
    await user.type(screen.getByTestId('theme-input'), 'Volcans');
    await user.click(screen.getByTestId('submit-video'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('Try again in 42 s.');
  });

  it('maps server field names to inputs', () => {
    expect(fieldKey('theme')).toBe('theme');
    expect(fieldKey('script.title')).toBe('script.title');
    expect(fieldKey('script.blocks')).toBe('script.blocks');
    expect(fieldKey('blocks[3].spoken_text')).toBe('blocks.3.spoken_text');
    expect(fieldKey('script.blocks[3].duration')).toBe('blocks.3.duration');
    expect(fieldKey('blocks[].index')).toBe('script.blocks');
    expect(fieldKey('budget')).toBe('budget_usd');
  });
});
