/**
 * What the batch-size section's default sweep costs (BatchNorm, GroupNorm and LayerNorm at m = 2 … 64,
 * 3 epochs, width 64; app/notebook/batch-size): each point's training time in Node, and with --url (a served
 * build, e.g. `npx vite preview --outDir dist --port 4410`) the whole sweep in headless Chromium, from
 * Run to its last point, then again after Reset with the main thread's long tasks (≥ 50 ms) meanwhile.
 * With --baseline, the previous default (width 16, 2 epochs, m = 2 … 64) in Node too, in the same run, for a ratio on
 * a loaded machine. Prints figures; asserts nothing.
 *
 *   npx tsx scripts/bench-batch-size.ts [--baseline] [--url http://127.0.0.1:4410/]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { decodeFashionSubset, runBatchSweep } from '../src';
import { BS_WIDTH, bsSettingsOf, bsSweepOptions } from '../app/notebook/batch-size/bsView';
import { BATCH_SIZE_PROPS, type BatchSizeData } from '../app/state/slices/batchSize';
import { defaultsOf } from '../app/state/props';
import { launchChromium } from './chromium';
import { DEFAULT_FASHION_FILE } from './train-cli';

const { values } = parseArgs({ options: { url: { type: 'string' }, baseline: { type: 'boolean' } } });
const settings = bsSettingsOf(defaultsOf<BatchSizeData>(BATCH_SIZE_PROPS));
const subset = await decodeFashionSubset(gunzipSync(await readFile(DEFAULT_FASHION_FILE)));

/** Every point of the default sweep in Node, timed; `hidden`, `epochs` and `sizes` replace the defaults' (the previous default: [16, 16], 2, 2 … 64). */
function nodeSweep(label: string, over: { hidden?: number[]; epochs?: number; sizes?: number[] } = {}): void {
  const s = { ...settings, epochs: over.epochs ?? settings.epochs, sizes: over.sizes ?? settings.sizes };
  console.log(`Node ${process.version}, ${label}: ${s.norms.join(', ')} at m = ${s.sizes.join(', ')}, ${s.epochs} epochs; eval-mode test error %`);
  let total = 0;
  for (const norm of s.norms) {
    const cells = s.sizes.map((m) => {
      const t0 = performance.now();
      const [p] = runBatchSweep({ ...bsSweepOptions(s, norm, [m]), ...(over.hidden ? { hidden: over.hidden } : {}) }, subset);
      const ms = performance.now() - t0;
      total += ms;
      return `m=${m} ${ms.toFixed(0)} ms (${p.steps} steps, ${p.testAccuracy === null ? 'diverged' : `${(100 * (1 - p.testAccuracy)).toFixed(1)} %`})`;
    });
    console.log(`  ${norm.padEnd(5)} ${cells.join(', ')}`);
  }
  console.log(`  all ${s.norms.length * s.sizes.length} points: ${(total / 1000).toFixed(2)} s`);
}
nodeSweep(`the default (width ${BS_WIDTH})`);
if (values.baseline) nodeSweep('the previous default (width 16)', { hidden: [16, 16], epochs: 2, sizes: [2, 4, 8, 16, 32, 64] });

if (values.url) {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(`${values.url}?section=batch-size#batch-size`);
    const done = () => page.waitForFunction(() => document.querySelector('[data-testid=bs-progress]')?.textContent?.startsWith('All '), null, { timeout: 180_000, polling: 100 });
    let t0 = Date.now();
    await page.getByRole('button', { name: 'Run the batch-size sweep' }).click();
    await done();
    console.log(`Chromium: the default sweep, from Run to its last point (the subset's download included): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // The main thread's long tasks: first 10 s with nothing running (what the machine's load alone causes), then Reset and Run.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.waitForTimeout(10_000);
    const idle = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    console.log(`  10 s idle on the same page: ${idle.length} long tasks${idle.length ? ` (${idle.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`);
    await page.getByRole('button', { name: 'Reset: forget these points' }).click();
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    t0 = Date.now();
    await page.getByRole('button', { name: 'Run the batch-size sweep' }).click();
    await done();
    const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`  again after Reset, Run to the last point: ${((Date.now() - t0) / 1000).toFixed(1)} s; main-thread long tasks (≥ 50 ms) meanwhile: ${long.length}${long.length ? ` (${long.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`);
  } finally {
    await browser.close();
  }
}
