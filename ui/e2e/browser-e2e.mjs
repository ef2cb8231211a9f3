// End-to-end test in real headless Chromium (Debian's, driven by playwright-core): sign in, create a video
// with the offline providers, watch the block grid move, see it complete, play it in the library, delete it.
// Usage: node e2e/browser-e2e.mjs BASE_URL USERNAME PASSWORD OUT_DIR   (exit 0 = passed)
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, username, password, outDir] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const step = (m) => console.log(`[e2e ${new Date().toISOString()}] ${m}`);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'reelforge-chromium-')), {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--autoplay-policy=no-user-gesture-required'],
});
const page = context.pages()[0] ?? await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log(`[browser] ${m.text()}`); });
try {
  step('sign in');
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/create/, { timeout: 15000 });

  step('create a video');
  await page.getByTestId('theme-input').fill("Les volcans d'Islande");
  await page.getByTestId('duration-input').fill('16');
  await page.getByTestId('submit-video').click();
  await page.waitForURL(/\/videos\/vid_/, { timeout: 15000 });
  const videoId = await page.getByTestId('progress-page').getAttribute('data-video-id');
  step(`progress page of ${videoId}`);

  const cell = page.getByTestId('block-cell-1');
  await cell.waitFor({ timeout: 30000 });
  await page.waitForFunction(() => ['submitting', 'pending'].includes(
    document.querySelector('[data-testid="block-cell-1"]')?.getAttribute('data-status')), null, { timeout: 60000 });
  step(`block 1 is ${await cell.getAttribute('data-status')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="block-cell-1"]')?.getAttribute('data-status') === 'success',
    null, { timeout: 120000 });
  step('block 1 moved to success');
  await page.screenshot({ path: join(outDir, 'progress.png'), fullPage: true });
  step(`screenshot taken while the video is ${await page.getByTestId('progress-page').getAttribute('data-status')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="progress-page"]')?.getAttribute('data-status') === 'completed',
    null, { timeout: 240000 });
  step('video completed');

  step('library');
  await page.getByTestId('nav-library').click();
  const card = page.locator(`[data-testid="library-card"][data-video-id="${videoId}"]`);
  await card.waitFor({ timeout: 30000 });
  await page.waitForFunction((id) => document.querySelector(`[data-testid="library-card"][data-video-id="${id}"] img`)?.complete,
    videoId, { timeout: 10000 }).catch(() => step('no thumbnail image element to wait for'));
  await page.screenshot({ path: join(outDir, 'library.png'), fullPage: true });
  await card.click();
  const player = page.getByTestId('video-player');
  await player.waitFor({ timeout: 15000 });
  await player.evaluate((v) => { v.muted = true; return v.play(); });
  await page.waitForFunction(() => {
    const v = document.querySelector('[data-testid="video-player"]');
    return v && v.readyState >= 2 && v.currentTime > 0.5 && v.videoWidth === 1080 && v.videoHeight === 1920;
  }, null, { timeout: 30000 });
  step('the video plays in the page (1080x1920, time advancing)');
  await page.screenshot({ path: join(outDir, 'player.png') });

  step('delete');
  await page.getByTestId('player-modal').getByTestId('delete-button').click();
  await page.getByTestId('confirm-ok').click();
  await card.waitFor({ state: 'detached', timeout: 15000 });
  step('deleted; passed');
  await context.close();
  process.exit(0);
} catch (e) {
  console.error(`[e2e] FAILED: ${e.stack || e}`);
  await page.screenshot({ path: join(outDir, 'failure.png'), fullPage: true }).catch(() => {});
  await context.close().catch(() => {});
  process.exit(1);
}
