import type { Browser, CDPSession, Page } from 'playwright-core';
import { type CpuFigures, withCpuTrace } from './cpuTasks';

/**
 * Main-thread cost of the notebook's interactions, measured in Chromium on a build (issue 15):
 * dragging a point of section 2's dot plot (main-thread time per move from a trace, moves and plot
 * updates per second), and the longest main-thread task (PerformanceObserver 'longtask', over 50 ms)
 * during each of: scrolling the whole notebook, opening the lab, Play, choosing each preset and stepping
 * through the presentation. Printed by `npm run bench:ui -- --only interactions`; never asserted.
 */

export interface DragFigures {
  /** CPU throttling rate (1: none). */
  rate: number;
  /** pointermove events the page received. */
  moves: number;
  /** Frames in which the dragged point was drawn at a new place. */
  updates: number;
  seconds: number;
  /** Main-thread busy time (trace: every top-level task of the page's main thread) per pointermove. */
  busyPerMoveMs: number;
  longestTaskMs: number;
}

interface DragProbe {
  moves: number;
  frames: number;
  changed: boolean;
  tasks: number[];
}
type ProbeWindow = Window & { __drag: DragProbe; __tasks: { start: number; duration: number }[] };

/** Every long task, from before the page's own scripts. */
export function observeTasks(): void {
  const w = window as unknown as ProbeWindow & { __name?: (f: unknown) => unknown };
  // tsx compiles named inner functions with esbuild's keepNames, which calls __name: the page needs one.
  w.__name ??= (f: unknown) => f;
  w.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

const now = (page: Page) => page.evaluate(() => performance.now());
/** The longest task that started after `since` (0 when none was over 50 ms). */
async function longestSince(page: Page, since: number): Promise<number> {
  const tasks = await page.evaluate(() => (window as unknown as ProbeWindow).__tasks);
  return tasks.filter((t) => t.start >= since).reduce((m, t) => Math.max(m, t.duration), 0);
}

/** Sums the page's main-thread top-level tasks (RunTask on CrRendererMain) in a Chromium trace. */
function mainThreadBusyMs(trace: Buffer): number {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; args?: { name?: string } }[] };
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // Several renderers (the service worker's, a blank one) may exist: the page's is the busiest.
  const perThread = new Map<string, number>();
  for (const e of traceEvents) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && main.has(key)) perThread.set(key, (perThread.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return Math.max(0, ...perThread.values());
}

/** Counts pointermoves, and frames in which the dragged point's transform changed. */
function installDragProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const probe: DragProbe = { moves: 0, frames: 0, changed: false, tasks: [] };
    (window as unknown as ProbeWindow).__drag = probe;
    window.addEventListener('pointermove', () => probe.moves++, { capture: true, passive: true });
    const dot = document.querySelector('#batch g.dot[role="slider"]');
    if (!dot) throw new Error('section 2 has no draggable point');
    new MutationObserver(() => (probe.changed = true)).observe(dot, { attributes: true, attributeFilter: ['transform'] });
    const tick = () => {
      if (probe.changed) probe.frames++;
      probe.changed = false;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Drags section 2's first point back and forth along its axis `moves` times (each mouse move is sent
 * when the last was taken), at CPU throttling `rate`, with a trace of the main thread.
 */
export async function measureDrag(browser: Browser, url: string, rate: number, { moves = 120, press = true, allDrawn = !press }: { moves?: number; press?: boolean; allDrawn?: boolean } = {}): Promise<DragFigures> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(observeTasks);
  await page.goto(`${url}?section=batch#batch`, { waitUntil: 'load' });
  const dot = page.locator('#batch g.dot[role="slider"]').first();
  await dot.waitFor();
  await dot.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  // Once every block is drawn (the page a reader drags on after its first seconds), or as soon as the point is there. Without
  // the button (the same moves over the plot, nothing dragged), always once drawn: what any mouse move costs this page
  // (the blocks' drawing in idle time, which a drag holds back, would be counted too).
  if (allDrawn) await page.waitForSelector('#root[data-all-drawn]', { state: 'attached', timeout: 60_000 });
  const svg = await page.locator('#batch svg.plot-svg').first().boundingBox();
  const box = await dot.boundingBox();
  if (!svg || !box) throw new Error('no dot plot in section 2');
  const cdp: CDPSession = await context.newCDPSession(page);
  await installDragProbe(page);
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width / 2;
  const [lo, hi] = [svg.x + 0.25 * svg.width, svg.x + 0.75 * svg.width];
  await page.mouse.move(x0, y);
  if (press) await page.mouse.down();
  await page.waitForTimeout(300);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'toplevel'] });
  const t0 = await now(page);
  await page.evaluate(() => {
    const p = (window as unknown as ProbeWindow).__drag;
    p.moves = p.frames = 0;
  });
  const wall = Date.now();
  for (let i = 0; i < moves; i++) {
    // A triangle wave across the middle half of the plot, 3 px a move.
    const phase = (i * 3) % (2 * (hi - lo));
    await page.mouse.move(phase < hi - lo ? lo + phase : hi - (phase - (hi - lo)), y);
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const seconds = (Date.now() - wall) / 1000;
  const trace = await browser.stopTracing();
  const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__drag);
  const longestTaskMs = await longestSince(page, t0);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (press) await page.mouse.up();
  await context.close();
  return { rate, moves: probe.moves, updates: probe.frames, seconds, busyPerMoveMs: mainThreadBusyMs(trace) / Math.max(1, probe.moves), longestTaskMs };
}

export interface TaskFigure {
  what: string;
  longestMs: number;
  count: number;
  /** With a trace (`--only lab`): the same tasks by their CPU time. */
  cpu?: CpuFigures;
}

async function phase(page: Page, what: string, run: () => Promise<void>, browser?: Browser): Promise<TaskFigure> {
  const t0 = await now(page);
  const cpu = browser ? await withCpuTrace(browser, page, run) : (await run(), undefined);
  const tasks = (await page.evaluate(() => (window as unknown as ProbeWindow).__tasks)).filter((t) => t.start >= t0);
  return { what, longestMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0), count: tasks.length, cpu };
}

/** Waits until the page has been free of long tasks for `quietMs` (at most `maxMs`). */
async function settle(page: Page, quietMs = 1500, maxMs = 20_000): Promise<void> {
  const start = Date.now();
  let last = -1;
  for (;;) {
    const n = await page.evaluate(() => (window as unknown as ProbeWindow).__tasks.length);
    if (n === last || Date.now() - start > maxMs) return;
    last = n;
    await page.waitForTimeout(quietMs);
  }
}

/** The longest task during each interaction, after the page has loaded and settled. */
export async function measureInteractions(browser: Browser, url: string): Promise<TaskFigure[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(observeTasks);
  const out: TaskFigure[] = [];
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  out.push(
    await phase(page, 'scrolling the notebook top to bottom', async () => {
      for (;;) {
        const more = await page.evaluate(() => window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2);
        if (!more) break;
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(120);
      }
      await settle(page, 1000);
    }),
  );
  await context.close();
  out.push(...(await measureLab(browser, url)));
  out.push(await presentation(browser, url));
  return out;
}

/**
 * The lab's Play / Pause button by its class and text: a role query (getByRole) runs Playwright's
 * accessible-name computation over the lab on the page's main thread, itself a long task there.
 */
const playButton = (page: Page, text: 'Play' | 'Pause') => page.locator('#lab button.lab-play', { hasText: text });

/**
 * The longest task while opening the lab from the table of contents, playing, and choosing each preset
 * (`npm run bench:ui -- --only lab`); with `cpu`, each interaction traced for its tasks' CPU time too.
 */
export async function measureLab(browser: Browser, url: string, cpu = false): Promise<TaskFigure[]> {
  const traced = cpu ? browser : undefined;
  const out: TaskFigure[] = [];
  // The lab in a fresh page, opened from the top as a reader would (its code and Worker not loaded yet).
  const labContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await labContext.newPage();
  await page.addInitScript(observeTasks);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  out.push(
    await phase(page, 'opening the lab (its table-of-contents link)', async () => {
      await page.locator('.toc a[href="#lab"]').first().click();
      // The live lab's run bar (a test id: the pre-rendered picture the lab shows until its code is in has none).
      await page.getByTestId('lab-step').waitFor({ timeout: 30_000 });
      await playButton(page, 'Play').waitFor({ timeout: 30_000 });
      await settle(page, 1000);
    }, traced),
  );
  out.push(
    await phase(page, 'Play for 4 s', async () => {
      await playButton(page, 'Play').click();
      await page.waitForTimeout(4000);
      const pause = playButton(page, 'Pause');
      if (await pause.count()) await pause.click();
      await settle(page, 1000);
    }, traced),
  );
  for (const id of ['sigmoid3', 'sigmoid4', 'relu-lr2', 'figure1', 'cnn', 'clusters', 'tiny-batch']) {
    out.push(
      await phase(page, `preset ${id} (2 s of its run)`, async () => {
        await page.getByTestId(`preset-${id}`).click();
        await page.waitForTimeout(2000);
        const pause = playButton(page, 'Pause');
        if (await pause.count()) await pause.click();
      }, traced),
    );
  }
  await labContext.close();
  return out;
}

/** Every step of the presentation with → (its hidden parts too), from the first, 250 ms apart, until the last step stays put. */
async function presentation(browser: Browser, url: string): Promise<TaskFigure> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(observeTasks);
  await page.goto(`${url}?present=1`, { waitUntil: 'load' });
  await page.locator('.deck-count').waitFor();
  await settle(page);
  let presses = 0;
  let last = '';
  const figure = await phase(page, '', async () => {
    let same = 0;
    // A step with hidden parts takes several presses; at the last step → does nothing any more.
    while (presses < 600 && same < 3) {
      await page.keyboard.press('ArrowRight');
      presses++;
      await page.waitForTimeout(250);
      // The step and its reveal cue ("→ the numbers (1 of 2)"): a step's hidden parts may show without changing how many are hidden.
      const where = `${(await page.locator('.deck-count').textContent()) ?? ''} ${(await page.locator('.deck-keys').textContent()) ?? ''}`;
      same = where === last ? same + 1 : 0;
      last = where;
    }
    await settle(page, 1000);
  });
  await context.close();
  return { ...figure, what: `stepping through the presentation (${presses} presses of →, to ${last.split(':')[0]})` };
}
