import { expect, test, vi } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { afterFrames, downloaded, openAt } from './browser';

/** Opens the notebook at the training lab with these query settings, and waits for its run at step 0. */
async function openLab(query: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openAt(`?${query}#lab`, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 20_000 });
  return { page, problems };
}

/** A ReLU network both of whose variants diverge at lr 10 within a few steps (and some sweep rates at lr 0.3). */
const RELU = 'lab-act=relu&lab-init=he&lab-depth=2';

/** The lab's own region: other sections have buttons with the same names (Reset, …). */
const lab = (page: Page) => page.locator('#lab');
const stepOf = async (page: Page): Promise<number> => Number(((await page.getByTestId('lab-step').textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? NaN);
const untilStep = (page: Page, atLeast: number, timeout = 20_000) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= n, atLeast, { timeout });

/** Every drawn chart line's path data. */
const paths = (page: Page) => page.locator('#lab .lab-lines path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));

/** What the lab's Worker posted (as much as these tests read), and how many timers its driver has pending. */
interface Tap {
  readonly posted: readonly { readonly type: string; readonly step?: number; readonly playing?: boolean }[];
  readonly pending: number;
}

/**
 * Watches the lab's training Worker from inside from now on: every event it posts, and the timers
 * it has pending. Its driver keeps a timer only while there is work (a pump to come), so none
 * pending means idle: no step can follow until the page asks.
 */
async function tapWorker(page: Page): Promise<Worker> {
  // The lab shows "Step 0" before its Worker has started (it starts with the lab's code): wait for it if it is not there yet.
  const isLab = (w: Worker) => w.url().includes('lab.worker');
  const worker = page.workers().find(isLab) ?? (await page.waitForEvent('worker', { predicate: isLab, timeout: 20_000 }).catch(() => null));
  if (!worker) throw new Error(`no lab Worker among ${page.workers().map((w) => w.url()).join(', ')}`);
  await worker.evaluate(() => {
    const scope = self as unknown as {
      postMessage(m: { type: string; step?: number; playing?: boolean }): void;
      setTimeout(f: (...a: unknown[]) => void, ms?: number, ...a: unknown[]): number;
      clearTimeout(id?: number): void;
      labTap: { posted: object[]; pending: Set<number> };
    };
    const post = scope.postMessage.bind(scope), set = scope.setTimeout.bind(scope), clear = scope.clearTimeout.bind(scope);
    const tap = { posted: [] as object[], pending: new Set<number>() };
    scope.labTap = tap;
    scope.postMessage = (m) => {
      tap.posted.push({ type: m.type, step: m.step, playing: m.playing });
      post(m);
    };
    scope.setTimeout = (f, ms, ...a) => {
      const id = set(() => {
        tap.pending.delete(id);
        f(...a);
      }, ms);
      tap.pending.add(id);
      return id;
    };
    scope.clearTimeout = (id) => {
      if (id !== undefined) tap.pending.delete(id);
      clear(id);
    };
  });
  return worker;
}

const readTap = (worker: Worker): Promise<Tap> =>
  worker.evaluate(() => {
    const tap = (self as unknown as { labTap: { posted: Tap['posted']; pending: Set<number> } }).labTap;
    return { posted: tap.posted, pending: tap.pending.size };
  });

/**
 * Pauses (when it still plays) and proves that training stopped: the Worker's last status says it
 * no longer plays, it posted no metrics after it, and it is idle (see tapWorker); the page's counter
 * catches up with the step the Worker stopped at. If Pause did not stop training, the Worker would
 * never go idle and this would time out. Returns that step.
 */
async function pauseAndHold(page: Page, worker: Worker): Promise<number> {
  const pause = lab(page).getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  await lab(page).getByRole('button', { name: 'Play' }).waitFor();
  const { posted } = await vi.waitFor(async () => {
    const tap = await readTap(worker);
    expect(tap.posted.filter((e) => e.type === 'status').at(-1)?.playing).toBe(false);
    expect(tap.pending).toBe(0);
    return tap;
  }, { timeout: 20_000, interval: 50 });
  const last = posted.map((e) => e.type).lastIndexOf('status');
  expect(posted.slice(last).filter((e) => e.type === 'metrics')).toEqual([]);
  const stoppedAt = posted[last].step!;
  await page.getByTestId('lab-step').filter({ hasText: new RegExp(`^Step ${stoppedAt.toLocaleString('en-US')}(?![\\d,])`) }).waitFor({ timeout: 10_000 });
  return stoppedAt;
}

async function downloadCsv(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), lab(page).getByRole('button', { name: /Download every logged step/ }).click()]);
  return (await downloaded(download)).toString('utf8').trimEnd().split('\n');
}

/**
 * Every lab chart's axis titles, measured in the page: problems in words (a title over a tick label
 * or another title, a title cut off at the chart's edge, a chart without both titles), and each
 * chart's y tick labels. Boxes are the browser's own, so this holds at any width.
 */
async function axisTitleProblems(page: Page): Promise<{ problems: string[]; yTicks: Record<string, string[]> }> {
  return page.locator('#lab .lab-chart[role="img"]').evaluateAll((charts) => {
    const problems: string[] = [];
    const yTicks: Record<string, string[]> = {};
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const chart of charts) {
      if (!chart.querySelector('svg')) continue; // the decision boundaries are canvases
      const name = (chart.getAttribute('aria-label') ?? '').slice(0, 50);
      const box = chart.getBoundingClientRect();
      const titles = [...chart.querySelectorAll('.lab-axis-title')];
      if (titles.length !== 2) problems.push(`${name}: ${titles.length} axis titles`);
      const ticks = [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')];
      yTicks[name] = [...chart.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? '');
      for (const t of titles) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`${name}: “${t.textContent}” is cut off`);
        for (const k of ticks) if (hit(r, k.getBoundingClientRect())) problems.push(`${name}: “${t.textContent}” covers the tick “${k.textContent}”`);
        for (const u of titles) if (u !== t && hit(r, u.getBoundingClientRect())) problems.push(`${name}: the titles cover each other`);
        if (parseFloat(getComputedStyle(t).fontSize) < 12) problems.push(`${name}: “${t.textContent}” is under 12 px`);
      }
    }
    return { problems, yTicks };
  });
}

test('2-D data: Play trains in the Worker and draws every chart; Pause stops it; the download holds every logged step', async () => {
  const { page, problems } = await openLab('lab-speed=0');
  const worker = await tapWorker(page);
  await lab(page).getByRole('button', { name: 'Play' }).click();
  await untilStep(page, 300);
  const paused = await pauseAndHold(page, worker);
  // Every chart draws its lines once it has caught up with the last step.
  const d = await vi.waitFor(async () => {
    const d = await paths(page);
    expect(d.filter((p) => p.length > 100).length).toBeGreaterThanOrEqual(16);
    return d;
  }, { timeout: 10_000, interval: 100 });
  expect(d.join(' ')).not.toMatch(/NaN|Infinity/);
  const accuracy = await page.getByTestId('test-accuracy-bn').textContent();
  expect(accuracy).toMatch(/^\d+\.\d % at step [\d,]+$/);
  // The download holds every step of both networks (2-D runs log every step), up to where it paused.
  const csv = await downloadCsv(page);
  for (const net of ['without_bn', 'with_bn']) {
    const steps = csv.filter((r) => r.split(',')[1] === net).map((r) => Number(r.split(',')[0]));
    expect(steps, net).toEqual(Array.from({ length: paused }, (_, i) => i + 1));
  }
  // Still where it paused, after all that.
  expect(await stepOf(page)).toBe(paused);
  expect((await readTap(worker)).posted.filter((e) => e.type === 'metrics').at(-1)?.step).toBe(paused);
  expect(problems).toEqual([]);
  await page.close();
});

test('the Figure 1 preset loads the Fashion-MNIST subset in the Worker and trains the 784-100-100-100-10 sigmoid networks', async () => {
  const { page, problems } = await openLab('');
  await lab(page).getByRole('button', { name: /Figure 1 of the BN paper/ }).click();
  await untilStep(page, 100, 60_000);
  expect(await lab(page).getByLabel('Dataset').inputValue()).toBe('fashion');
  expect(await lab(page).getByLabel('Activation').inputValue()).toBe('sigmoid');
  // The first test evaluation after step 0 (every 100 steps here): the read-out may already be past step 100.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="test-accuracy-bn"]')?.textContent?.match(/at step ([\d,]+)$/)?.[1].replace(/,/g, '')) >= 100, null, { timeout: 30_000 });
  const pct = async (v: string) => Number(((await page.getByTestId(`test-accuracy-${v}`).textContent()) ?? '').match(/([\d.]+) %/)?.[1]);
  expect(await pct('bn')).toBeGreaterThan(10);
  expect(await pct('plain')).toBeGreaterThanOrEqual(0);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  expect(await lab(page).getByRole('radio', { name: '3 (last)' }).isChecked()).toBe(true);
  expect(await page.getByText('Fashion-MNIST © Zalando Research, MIT licence').count()).toBe(1);
  expect(await page.url()).toContain('lab-data=fashion');
  expect(problems).toEqual([]);
  await page.close();
});

test('the learning-rate sweep finishes and says which rates each network survived', async () => {
  // ReLU, He, 2 hidden layers (the lab's first defaults): the largest rates diverge, so the band has marks.
  const { page, problems } = await openLab(`${RELU}&lab-lr=0.3`);
  await lab(page).getByRole('button', { name: 'Run the sweep' }).click();
  const summary = page.getByTestId('sweep-summary');
  await summary.waitFor({ timeout: 45_000 });
  expect(await summary.textContent()).toMatch(/^Look for the rates that trained\. Reached at least [\d.]+ % test accuracy after 400 steps .*Without BN, .*; with BN, .*\.$/);
  const rows = page.locator('.lab-sweep-table tbody tr');
  expect(await rows.count()).toBe(9);
  expect(await rows.allTextContents()).toHaveLength(9);
  expect(await rows.first().locator('th').textContent()).toBe('0.003');
  expect(await rows.nth(4).locator('th').textContent()).toBe('0.3');
  // A diverged run has no loss: its × is in the band above the plot, never inside the loss scale.
  const divergedCells = (await page.locator('.lab-sweep-table tbody td').allTextContents()).filter((t) => t.startsWith('diverged')).length;
  expect(divergedCells).toBeGreaterThan(0);
  const marks = await page.getByRole('img', { name: /^Final loss against learning rate/ }).evaluate((chart) => {
    const plotTop = chart.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect().top;
    return [...chart.querySelectorAll('.lab-sweep-diverged')].map((m) => m.getBoundingClientRect().bottom - plotTop);
  });
  expect(marks).toHaveLength(divergedCells);
  for (const below of marks) expect(below).toBeLessThan(0);
  expect(await page.locator('#lab .lab-sweep-band text').textContent()).toBe('diverged');
  expect(await page.getByRole('list', { name: 'How to read the sweep chart' }).textContent()).toMatch(/Without BN diverged \(upper row of the band above the plot: no loss to draw\)/);
  expect(problems).toEqual([]);
  await page.close();
});

test('every settings select, and the run bar’s speed while playing, shows its whole option text, at 1280 px and on a 390 px phone', async () => {
  for (const width of [1280, 390]) {
    const { page } = await openAt('?lab-data=fashion&lab-init=small#lab', { viewport: { width, height: 800 } });
    await page.locator('#lab .lab-controls select').first().waitFor({ timeout: 20_000 });
    // Playing: the bar's Pause is wider than Play (on the phone the speed was cut to "100 steps/" beside it).
    await lab(page).getByRole('button', { name: 'Play' }).click();
    await lab(page).getByRole('button', { name: 'Pause' }).waitFor();
    // The widest option (as the select draws it) plus its padding and arrow must fit the select.
    const cut = await page.locator('#lab .lab-controls select, #lab .lab-runbar select').evaluateAll((els) =>
      (els as HTMLSelectElement[]).flatMap((s) => {
        const cs = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        return [...s.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => `${s.labels[0]?.textContent}: “${o.text}”`);
      }),
    );
    expect(cut, `at ${width} px`).toEqual([]);
    await page.close();
  }
});

test('every chart has axis titles with units, clear of its tick labels, at 1280 px and on a 390 px phone (Adam, lr 1: norms over many decades)', async () => {
  const { page, problems } = await openLab('lab-opt=adam&lab-lr=1&lab-speed=0');
  const worker = await tapWorker(page);
  await lab(page).getByRole('button', { name: 'Play' }).click();
  await untilStep(page, 2000);
  await pauseAndHold(page, worker);
  await lab(page).getByRole('button', { name: 'Run the sweep' }).click();
  await page.getByTestId('sweep-summary').waitFor({ timeout: 45_000 });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    // Every chart has drawn its axes at this width (the gradient norms' first): then nothing may overlap.
    const { problems: overlaps, yTicks } = await vi.waitFor(async () => {
      const m = await axisTitleProblems(page);
      const grad = Object.entries(m.yTicks).find(([k]) => k.startsWith('Gradient norm of weight layer'))?.[1] ?? [];
      expect(grad.length).toBeGreaterThanOrEqual(2);
      return m;
    }, { timeout: 10_000, interval: 100 });
    expect(overlaps, `at ${width} px`).toEqual([]);
    const titles = await page.locator('#lab .lab-axis-title').allTextContents();
    for (const t of ['loss (cross-entropy, nats)', 'accuracy (%)', '‖∂L/∂W‖ (log scale)', 'input to the activation', 'training step', 'final loss (cross-entropy, nats)', 'learning rate (log scale)']) {
      expect(titles, t).toContain(t);
    }
    // Accuracy in per cent; at most 6 labels on a log axis spanning many decades.
    expect(Object.entries(yTicks).find(([k]) => k.startsWith('Accuracy'))?.[1]).toEqual(['0', '25', '50', '75', '100']);
    const grad = Object.entries(yTicks).find(([k]) => k.startsWith('Gradient norm of weight layer'))![1];
    expect(grad.length).toBeLessThanOrEqual(6);
  }
  expect(problems).toEqual([]);
  await page.close();
});

test('divergence stays in view beside the charts: a status in the sticky bar (1280 × 720) and marks on the charts (390 px)', async () => {
  const { page, problems } = await openAt(`?${RELU}&lab-lr=10&lab-speed=0#lab`, { viewport: { width: 1280, height: 720 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 20_000 });
  await lab(page).getByRole('button', { name: 'Play' }).click();
  const status = page.getByTestId('lab-status');
  await status.filter({ hasText: /Training stopped\./ }).waitFor({ timeout: 20_000 });
  expect(await status.textContent()).toMatch(/^⚠ Without BN diverged at step \d+, with BN at step \d+\. Training stopped\. Show details$/);
  // Scrolled to the charts, the full notice is under the sticky bar or above it; the status is in view, on top.
  const seen = async (testId: string) =>
    page.getByTestId(testId).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= innerHeight && !!top && el.contains(top);
    });
  for (const chart of [/^Loss over training steps/, /^Accuracy over training steps/, /^Gradient norm of weight layer/]) {
    await page.getByRole('img', { name: chart }).evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await afterFrames(page);
    expect(await seen('diverged-plain'), `notice, ${chart}`).toBe(false);
    expect(await seen('lab-status'), `status, ${chart}`).toBe(true);
  }
  // “Show details” brings the full notice out from under the bar (scrolling smoothly).
  await status.getByRole('button', { name: 'Show details' }).click();
  await vi.waitFor(async () => expect(await seen('diverged-plain')).toBe(true), { timeout: 5_000, interval: 100 });
  // On a phone the run bar does not stick: each chart marks where each network diverged, inside the chart.
  await page.setViewportSize({ width: 390, height: 844 });
  const loss = page.getByRole('img', { name: /^Loss over training steps/ });
  await loss.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await afterFrames(page);
  expect(await loss.getAttribute('aria-label')).toMatch(/Without BN diverged at step \d+: its lines stop there\. With BN diverged at step \d+: its lines stop there\.$/);
  const marks = await loss.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('.lab-diverged-mark text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, inside: r.left >= box.left && r.right <= box.right && r.top >= 0 && r.bottom <= innerHeight };
    });
  });
  expect(marks).toEqual([{ text: '✕ Without BN diverged', inside: true }, { text: '✕ With BN diverged', inside: true }]);
  expect(problems).toEqual([]);
  await page.close();
});
