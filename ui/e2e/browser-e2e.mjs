// End-to-end test in real headless Chromium (Debian's, driven by playwright-core), keyboard first:
// sign in, create a video with the offline providers, watch its storyboard move, outlive the access token
// (the test server makes it short) with the player still playing and the download working, play it in the
// library, delete it with focus kept in the dialogs. axe-core checks every page state: 0 serious or critical.
// Usage: node e2e/browser-e2e.mjs BASE_URL USERNAME PASSWORD OUT_DIR [ACCESS_TOKEN_SECONDS] [--review | --creator]
//   (exit 0 = passed). --review runs the approval flow instead (needs the server's awaiting_approval).
//   --creator: look section (1:1, pop captions, live preview), the person's own clip for block 1, approve, the
//   final video probed at 1080x1080, one caption word edited and the video assembled again (needs ffmpeg, ffprobe).
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const review = args.includes('--review');
const creator = args.includes('--creator');
const [base, username, password, outDir, tokenSeconds = '900'] = args.filter((a) => !a.startsWith('--'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const step = (m) => console.log(`[e2e ${new Date().toISOString()}] ${m}`);
const axeReport = [];

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'reelforge-chromium-')), {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  locale: 'en-GB',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--autoplay-policy=no-user-gesture-required'],
});
const page = context.pages()[0] ?? await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log(`[browser] ${m.text()}`); });

/** axe-core on the page as it is now; every serious or critical violation fails the run at the end. */
async function axe(state) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeReport.push({ state, serious: bad.length, all: result.violations.length });
  step(`axe ${state}: ${bad.length} serious/critical, ${result.violations.length} in all`);
  for (const v of result.violations) step(`  axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const testIdOfFocus = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
const focusInside = (testId) => page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);

/** Presses Tab until the element with `testId` has focus (a keyboard-only user's way there). */
async function tabTo(testId, max = 60) {
  for (let i = 0; i < max; i++) {
    if ((await testIdOfFocus()) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testId} was not reached with Tab (focus is on ${await testIdOfFocus()})`);
}

async function must(condition, what) {
  if (!(await condition)) throw new Error(what);
}

async function signIn() {
  step('sign in (keyboard)');
  await page.goto(`${base}/login`);
  await axe('login');
  await page.getByTestId('login-username').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/create/, { timeout: 15000 });
}

async function createByKeyboard(theme, duration) {
  step('create a video (keyboard)');
  await page.getByTestId('theme-input').waitFor();
  await axe('create');
  await page.locator('body').focus();
  await tabTo('theme-input');
  await page.keyboard.type(theme);
  await page.keyboard.press('Tab');
  await page.getByTestId('duration-input').fill(String(duration));
  await page.getByTestId('duration-value').filter({ hasText: `${duration} s` }).waitFor();
  await tabTo('submit-video');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/videos\/vid_/, { timeout: 15000 });
  return page.getByTestId('progress-page').getAttribute('data-video-id');
}

async function mainRun() {
  await signIn();
  await page.goto(`${base}/account`);
  await page.getByTestId('password-form').waitFor();
  await axe('account');
  await page.goto(`${base}/create`);
  const loginAt = Date.now();
  const videoId = await createByKeyboard("Les volcans d'Islande", 16);
  step(`studio page of ${videoId}`);

  const cell = page.getByTestId('block-cell-1');
  await cell.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => ['submitting', 'pending'].includes(
    document.querySelector('[data-testid="block-cell-1"]')?.getAttribute('data-status')), null, { timeout: 60000 });
  step(`block 1 is ${await cell.getAttribute('data-status')}`);
  await axe('studio, rendering');
  await page.waitForFunction(() => document.querySelector('[data-testid="block-cell-1"]')?.getAttribute('data-status') === 'success',
    null, { timeout: 120000 });
  step('block 1 moved to success');
  await page.getByTestId('block-cell-1').locator('img').waitFor({ timeout: 30000 });
  await page.screenshot({ path: join(outDir, 'progress.png'), fullPage: true });
  step(`screenshot taken while the video is ${await page.getByTestId('progress-page').getAttribute('data-status')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') === 'completed',
    null, { timeout: 240000 });
  step('video completed');
  await page.getByTestId('final-player').waitFor();
  await axe('studio, completed');
  await page.screenshot({ path: join(outDir, 'studio.png'), fullPage: true });

  // The access token lives tokenSeconds here: wait it out, then the files must still work (signed links).
  const expiresAt = loginAt + Number(tokenSeconds) * 1000 + 2000;
  if (Date.now() < expiresAt) await page.waitForTimeout(expiresAt - Date.now());
  step(`access token expired (${tokenSeconds} s after sign-in)`);
  const player = page.getByTestId('final-player');
  await player.evaluate((v) => { v.muted = true; return v.play(); });
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="final-player"]');
    return v && v.readyState >= 2 && v.currentTime > 0.5 && !v.error;
  }, null, { timeout: 30000 });
  step('the player plays after the access token expired');
  const href = await page.getByTestId('file-download').getAttribute('href');
  const download = await page.request.get(new URL(href, base).toString());
  await must(download.status() === 200, `download answered ${download.status()}`);
  const disposition = download.headers()['content-disposition'] ?? '';
  await must(disposition.includes("filename*=UTF-8''Les%20volcans%20d%27Islande.mp4"), `download named ${disposition}`);
  step(`the download works after the access token expired (${(await download.body()).length} bytes, ${disposition})`);

  step('library');
  await page.getByTestId('nav-library').click();
  const card = page.locator(`[data-testid="library-card"][data-video-id="${videoId}"]`);
  await card.waitFor({ timeout: 30000 });
  await page.waitForFunction((id) => document.querySelector(`[data-testid="library-card"][data-video-id="${id}"] img`)?.complete,
    videoId, { timeout: 10000 });
  await must((await card.getByTestId('card-duration').textContent()) === '16 s', 'the library shows the real length');
  await axe('library');
  await page.screenshot({ path: join(outDir, 'library.png'), fullPage: true });

  const cardButton = card.getByRole('button');
  await cardButton.focus();
  await page.keyboard.press('Enter');
  const modalPlayer = page.getByTestId('video-player');
  await modalPlayer.waitFor({ timeout: 15000 });
  await must(focusInside('player-modal'), 'focus moved into the player');
  await modalPlayer.evaluate((v) => { v.muted = true; return v.play(); });
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="video-player"]');
    return v && v.readyState >= 2 && v.currentTime > 0.5 && v.videoWidth === 1080 && v.videoHeight === 1920;
  }, null, { timeout: 30000 });
  step('the video plays in the page (1080x1920, time advancing)');
  await axe('library, player');
  await page.screenshot({ path: join(outDir, 'player.png') });
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    await must(focusInside('player-modal'), `Tab ${i + 1} left the player dialog`);
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('player-modal').waitFor({ state: 'detached' });
  await must(page.evaluate((id) => document.activeElement === document.querySelector(`[data-testid="library-card"][data-video-id="${id}"] button`), videoId),
    'focus went back to the card after Escape');
  step('player closes on Escape and gives focus back to its card');

  step('delete (keyboard)');
  await page.keyboard.press('Enter');
  await modalPlayer.waitFor();
  await tabTo('delete-button');
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-dialog').waitFor();
  await must((await testIdOfFocus()) === 'confirm-cancel', 'the confirmation starts on Cancel');
  await axe('library, delete confirmation');
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
  await must((await testIdOfFocus()) === 'delete-button', 'focus went back to Delete');
  await must(card.isVisible(), 'Enter on the confirmation did not delete');
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-dialog').waitFor();
  await page.keyboard.press('Tab');
  await must((await testIdOfFocus()) === 'confirm-ok', 'Tab moves to Delete inside the dialog');
  await page.keyboard.press('Tab');
  await must(focusInside('confirm-dialog'), 'Tab stays inside the confirmation');
  await tabTo('confirm-ok', 4);
  await page.keyboard.press('Enter');
  await card.waitFor({ state: 'detached', timeout: 15000 });
  step('deleted');

  step('cache headers');
  const index = await page.request.get(`${base}/library`);
  const script = await page.evaluate(() => document.querySelector('script[type="module"]')?.getAttribute('src'));
  const asset = await page.request.get(new URL(script, base).toString());
  step(`index.html Cache-Control: ${index.headers()['cache-control']}; ${script} Cache-Control: ${asset.headers()['cache-control']}`);
  await must(index.headers()['cache-control'] === 'no-cache', 'index.html is revalidated');
  await must(asset.headers()['cache-control'] === 'public, max-age=31536000, immutable', 'hashed assets are immutable');

  step('sign out');
  await page.getByTestId('logout-button').click();
  await page.waitForURL(/\/login/);
  await axe('login, after sign-out');
}

/** The approval flow: create with review, edit a block, approve, watch, play. Needs the engine's awaiting_approval. */
async function reviewRun() {
  await signIn();
  await page.getByTestId('theme-input').waitFor();
  const toggle = page.getByTestId('review-toggle');
  if (!(await toggle.isChecked())) await toggle.check();
  const videoId = await createByKeyboard('Les abeilles', 16);
  step(`review of ${videoId}`);
  await page.getByTestId('review-screen').waitFor({ timeout: 60000 });
  await page.getByTestId('review-spoken-1').waitFor();
  await axe('review');
  await page.screenshot({ path: join(outDir, 'review.png'), fullPage: true });
  const before = await page.getByTestId('review-estimate').textContent();
  await page.getByTestId('review-spoken-1').fill('Les abeilles dansent pour se parler.');
  await page.getByTestId('review-save').click();
  await page.getByText(/saved|enregistr/i).waitFor();
  step(`block 1 edited (estimate ${before} → ${await page.getByTestId('review-estimate').textContent()})`);
  await page.getByTestId('approve-button').click();
  await page.getByTestId('confirm-ok').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') !== 'awaiting_approval',
    null, { timeout: 30000 });
  step('approved');
  await page.waitForFunction(() => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') === 'completed',
    null, { timeout: 240000 });
  const player = page.getByTestId('final-player');
  await player.evaluate((v) => { v.muted = true; return v.play(); });
  await page.waitForFunction(() => (document.querySelector('[data-testid="final-player"]')?.currentTime ?? 0) > 0.5, null, { timeout: 30000 });
  step('the approved video plays');
}

const statusIs = (status) => page.waitForFunction((s) => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') === s,
  status, { timeout: 240000 });

/** A call to the API with the page's own access token (as the app makes it). */
async function apiGet(path) {
  return page.evaluate(async (p) => {
    const session = JSON.parse(localStorage.getItem('reelforge.session') ?? 'null');
    const res = await fetch(p, { headers: { Authorization: `Bearer ${session?.access_token}`, Accept: 'application/json' } });
    return { status: res.status, body: await res.text() };
  }, path);
}

/** The creator's options: format, caption look, own media, captions corrected after the fact. */
async function creatorRun() {
  const clip = join(outDir, 'own-clip.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x640:rate=24:duration=3',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
    '-shortest', '-movflags', '+faststart', clip]);
  step(`own clip made with ffmpeg: ${clip}`);

  await signIn();
  await page.getByTestId('theme-input').waitFor();
  await page.getByTestId('theme-input').fill('Les volcans');
  const toggle = page.getByTestId('review-toggle');
  if (!(await toggle.isChecked())) await toggle.check();
  await page.getByTestId('look-summary').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('aspect-1:1').waitFor();
  await page.getByTestId('aspect-1:1').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('caption-style-select').selectOption('pop');
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="caption-preview-image"]');
    const busy = document.querySelector('[data-testid="caption-preview"]')?.getAttribute('data-loading');
    return img && img.complete && img.naturalWidth === 360 && busy === 'false';
  }, null, { timeout: 30000 });
  const preview = await page.getByTestId('caption-preview-image').evaluate((img) => `${img.naturalWidth}x${img.naturalHeight}`);
  await must(preview === '360x360', `the 1:1 preview is ${preview}, not 360x360`);
  step(`look section open: 1:1, pop captions, preview ${preview}`);
  await page.getByText(/Colours, size and font|Couleurs, taille et police/).click();
  await axe('create, look section open');
  await page.screenshot({ path: join(outDir, 'create-look.png'), fullPage: true });
  await page.getByTestId('mode-select').selectOption('narrated');
  await page.getByTestId('voice-select').waitFor();
  await page.getByTestId('music-add').click();
  await page.getByTestId('music-upload').waitFor();
  await axe('create, voice picker and music upload open');
  await page.setViewportSize({ width: 390, height: 844 });
  await axe('create, look section open, phone width');
  await page.screenshot({ path: join(outDir, 'create-look-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.getByTestId('music-upload').getByRole('button', { name: /Cancel|Annuler/ }).click();
  await page.getByTestId('mode-select').selectOption('native_audio');

  await page.getByTestId('duration-input').fill('16');
  await page.getByTestId('submit-video').click();
  await page.waitForURL(/\/videos\/vid_/, { timeout: 15000 });
  const videoId = await page.getByTestId('progress-page').getAttribute('data-video-id');
  await page.getByTestId('review-screen').waitFor({ timeout: 60000 });
  await page.getByTestId('media-choose-1').waitFor();
  step(`review of ${videoId}`);

  await page.getByTestId('media-file-1').setInputFiles(clip);
  await page.getByTestId('media-keep-sound-1').waitFor();
  await axe('review, own clip chosen');
  await page.getByTestId('media-upload-1').click();
  await page.getByTestId('media-badge-1').waitFor({ timeout: 60000 });
  step(`own clip uploaded for block 1: ${await page.getByTestId('media-badge-1').textContent()}`);
  await axe('review, own clip uploaded');
  await page.getByTestId('review-block-1').screenshot({ path: join(outDir, 'media.png') });

  await page.getByTestId('approve-button').click();
  await page.getByTestId('confirm-ok').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') !== 'awaiting_approval',
    null, { timeout: 30000 });
  step('approved');
  await statusIs('completed');
  step('video completed');

  const href = await page.getByTestId('file-download').getAttribute('href');
  const download = await page.request.get(new URL(href, base).toString());
  await must(download.status() === 200, `download answered ${download.status()}`);
  const file = join(outDir, 'creator-final.mp4');
  writeFileSync(file, await download.body());
  const size = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height',
    '-of', 'csv=p=0:s=x', file]).toString().trim();
  await must(size === '1080x1080', `the final video is ${size}, not 1080x1080`);
  step(`final video is ${size} (downloaded through the signed link, probed with ffprobe)`);

  await page.getByTestId('captions-button').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('caption-word-0-text').waitFor({ timeout: 15000 });
  await must(focusInside('captions-dialog'), 'focus moved into the captions dialog');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Shift+Tab');
    await must(focusInside('captions-dialog'), `Shift+Tab ${i + 1} left the captions dialog`);
  }
  await axe('studio, captions dialog');
  await page.screenshot({ path: join(outDir, 'captions-editor.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('captions-dialog').waitFor({ state: 'detached' });
  await must((await testIdOfFocus()) === 'captions-button', 'Escape closed the captions dialog and gave focus back');
  await page.keyboard.press('Enter');
  const word = page.getByTestId('caption-word-0-text');
  await word.waitFor();
  const before = await word.inputValue();
  const after = 'Volcans';
  await word.fill(after === before ? 'VOLCANS' : after);
  const edited = await word.inputValue();
  await page.getByTestId('captions-save').click();
  await page.getByTestId('captions-dialog').waitFor({ state: 'detached', timeout: 15000 });
  step(`caption word edited: "${before}" -> "${edited}"`);
  await page.waitForFunction(() => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') !== 'completed',
    null, { timeout: 15000 }).catch(() => undefined);
  await statusIs('completed');
  const captions = await apiGet(`/api/videos/${encodeURIComponent(videoId)}/captions`);
  await must(captions.status === 200, `GET captions answered ${captions.status}`);
  const doc = JSON.parse(captions.body);
  await must(doc.edited === true && doc.words[0]?.text === edited, `captions after the edit: ${captions.body.slice(0, 200)}`);
  step('re-assembled with the edited caption');
}

try {
  await (creator ? creatorRun() : review ? reviewRun() : mainRun());
  const serious = axeReport.reduce((n, r) => n + r.serious, 0);
  step(`axe summary: ${axeReport.map((r) => `${r.state}=${r.serious}`).join(', ')}`);
  if (serious > 0) throw new Error(`${serious} serious or critical accessibility violations`);
  step('passed');
  await context.close();
  process.exit(0);
} catch (e) {
  console.error(`[e2e] FAILED: ${e.stack || e}`);
  await page.screenshot({ path: join(outDir, 'failure.png'), fullPage: true }).catch(() => {});
  await context.close().catch(() => {});
  process.exit(1);
}
