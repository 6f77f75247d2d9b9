/**
 * `npm run bench:ui`: drives the built notebook in Chromium through the training lab and prints, for
 * the default 2-D setup, the Figure 1 preset (Fashion-MNIST) and the CNN on Fashion-MNIST
 * (lab-model=cnn, channels 8 and 16, 3 × 3), the steps per second of each
 * network and the main-thread long tasks (PerformanceObserver 'longtask': tasks over 50 ms) while
 * training; for the preset also the time from the click to a visible difference (the BN network's
 * test accuracy 20 points above the other's). A benchmark, not a test: it prints numbers and exits 0.
 *
 * With `--only interactions` it prints instead the main-thread cost of the reader's interactions (issue 15):
 * dragging a point of section 2 at 1× and 4× CPU throttling (main-thread time per move, moves and plot
 * updates per second), the γ slider → panel latency p50/p95 at 1× and 4×, and the longest task while
 * scrolling the notebook, opening the lab, playing, choosing each preset and stepping through the presentation;
 * `--only lab` prints only the lab's rows of those (opening it, Play, each preset).
 *
 *   npm run bench:ui [-- --seconds 20] [-- --dist <built dir>] [-- --only cnn|interactions|lab]   (default: builds into a temp dir)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { build, preview } from 'vite';
import { printInteractions, printLabInteractions } from './budgets/interactionTable';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, dist: { type: 'string' }, only: { type: 'string' } } });
const SECONDS = Number(values.seconds);
const GAP = 0.2;

interface LongTask {
  start: number;
  duration: number;
}
declare global {
  interface Window {
    __longTasks: LongTask[];
  }
}

/** Registered before the page's own scripts: every long task of the main thread, with its start time. */
function observeLongTasks(): void {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const number = (text: string | null): number => Number((text ?? '').replace(/[^\d.]/g, ''));

/** Steps each network has taken: the run's step, or the step at which that network diverged. */
async function networkSteps(page: Page): Promise<{ plain: number; bn: number }> {
  const step = number(await page.getByTestId('lab-step').evaluate((el) => el.textContent?.split('·')[0] ?? ''));
  const at = async (v: 'plain' | 'bn') => {
    const notice = page.getByTestId(`diverged-${v}`);
    return (await notice.count()) ? number((await notice.textContent())?.match(/step ([\d,]+)/)?.[1] ?? '') : step;
  };
  return { plain: await at('plain'), bn: await at('bn') };
}

const accuracy = async (page: Page, v: 'plain' | 'bn'): Promise<number | null> => {
  const text = await page.getByTestId(`test-accuracy-${v}`).textContent();
  const m = text?.match(/([\d.]+) %/);
  return m ? Number(m[1]) / 100 : null;
};

/** `start` begins training; `fresh`: it starts a new run (counted from step 0), else it continues this one. */
async function measure(page: Page, name: string, start: () => Promise<void>, fresh: boolean): Promise<void> {
  const t0 = await page.evaluate(() => performance.now());
  const before = fresh ? { plain: 0, bn: 0 } : await networkSteps(page);
  const watchGap = fresh;
  const wall0 = Date.now();
  await start();
  let gapAt: number | null = null;
  // Steps and time of the last progress seen: a run that stops by itself (its step limit) is timed to its stop.
  let last = { steps: before, at: wall0 };
  while (Date.now() - wall0 < SECONDS * 1000) {
    await page.waitForTimeout(250);
    const now = await networkSteps(page);
    if (now.plain !== last.steps.plain || now.bn !== last.steps.bn) last = { steps: now, at: Date.now() };
    if (watchGap && gapAt === null) {
      const [p, b] = [await accuracy(page, 'plain'), await accuracy(page, 'bn')];
      if (p !== null && b !== null && b - p >= GAP) gapAt = (Date.now() - wall0) / 1000;
    }
  }
  const after = last.steps;
  const seconds = (last.at - wall0) / 1000;
  const pause = page.locator('#lab').getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0);
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const rate = (v: 'plain' | 'bn') => ((after[v] - before[v]) / seconds).toFixed(1);
  console.log(`\n${name} — ${seconds.toFixed(1)} s of training${seconds < SECONDS - 1 ? ' (it reached the lab’s step limit)' : ''}`);
  console.log(`  steps/s    without BN ${rate('plain')}   with BN ${rate('bn')}   (steps ${after.plain} / ${after.bn})`);
  console.log(`  long tasks ${tasks.length} over 50 ms; longest ${longest.toFixed(0)} ms${tasks.length ? ` (${tasks.map((t) => t.duration.toFixed(0)).join(', ')} ms)` : ''}`);
  if (watchGap) {
    const [p, b] = [await accuracy(page, 'plain'), await accuracy(page, 'bn')];
    console.log(`  test accuracy at the end: without BN ${p === null ? '—' : (100 * p).toFixed(1)} %, with BN ${b === null ? '—' : (100 * b).toFixed(1)} %`);
    console.log(`  visible difference (BN ≥ ${100 * GAP} points ahead on the test set): ${gapAt === null ? `not within ${SECONDS} s` : `${gapAt.toFixed(1)} s after the click`}`);
  }
}

async function main(): Promise<void> {
  let dist = values.dist;
  let temp: string | null = null;
  if (!dist) {
    temp = dist = mkdtempSync(join(tmpdir(), 'bench-ui-'));
    console.log(`building into ${dist} …`);
    await build({ logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  }
  const server = await preview({ build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await launchChromium();
  try {
    if (values.only === 'interactions') return await printInteractions(browser, `http://127.0.0.1:${address.port}/`);
    if (values.only === 'lab') return await printLabInteractions(browser, `http://127.0.0.1:${address.port}/`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(observeLongTasks);
    const base = `http://127.0.0.1:${address.port}/`;
    if (values.only !== 'cnn') await mlpWorkloads(page, base);
    await page.goto(`${base}?lab-speed=0&lab-data=fashion&lab-model=cnn&lab-lr=0.1&lab-init=he#lab`);
    await page.getByTestId('lab-step').filter({ hasText: 'Step 0' }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Loss and accuracy' }).scrollIntoViewIfNeeded();
    await measure(page, 'CNN (Fashion-MNIST, conv 8 and 16 channels 3 × 3, BN2d or bias, He init, SGD 0.1, batch 32)', () => page.locator('#lab').getByRole('button', { name: 'Play' }).click(), true);
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

/** The default 2-D setup, then the Figure 1 preset. */
async function mlpWorkloads(page: Page, base: string): Promise<void> {
  {
    await page.goto(`${base}?lab-speed=0#lab`);
    await page.locator('#lab').getByRole('button', { name: 'Play' }).waitFor();
    await page.getByTestId('lab-step').filter({ hasText: 'Step 0' }).waitFor();
    await page.getByRole('heading', { name: 'Loss and accuracy' }).scrollIntoViewIfNeeded();
    await measure(page, 'Default 2-D setup (spiral, 2 × 16 ReLU, SGD 0.1, batch 32), as fast as possible', () => page.locator('#lab').getByRole('button', { name: 'Play' }).click(), false);
    await measure(page, 'Figure 1 preset (Fashion-MNIST, 3 × 100 sigmoid, batch 60)', () => page.locator('#lab').getByRole('button', { name: /Figure 1 of the BN paper/ }).click(), true);
  }
}

await main();
