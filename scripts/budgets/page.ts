import type { Browser, Page } from 'playwright-core';

/**
 * In-page measurements for the budgets, in a fresh Chromium context each (cold cache).
 * Times are milliseconds from the navigation's start (performance.now()).
 */

export interface LoadTimes {
  /** Largest contentful paint (the last LCP candidate before input). */
  lcp: number;
  /** The first KaTeX equation is in the DOM. */
  firstEquation: number;
  /** The first frame after it (the equation is on screen). */
  firstEquationPainted: number;
  /**
   * The first equation is on screen and no long task (> 50 ms) blocks input any more: the later of
   * `firstEquationPainted` and the end of the last long task before 2 s of quiet (TTI's idea, for the equation).
   */
  firstEquationInteractive: number;
  longTasks: number;
}

interface Probe {
  lcp: number;
  eq: number | null;
  eqPaint: number | null;
  longTasks: { start: number; end: number }[];
}

/** Installed before any page script runs. */
function installProbe(): void {
  const probe: Probe = { lcp: 0, eq: null, eqPaint: null, longTasks: [] };
  (window as unknown as { __budget: Probe }).__budget = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mo = new MutationObserver(() => {
    if (probe.eq !== null || !document.querySelector('.katex')) return;
    probe.eq = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.eqPaint = performance.now()), 0));
  });
  mo.observe(document, { childList: true, subtree: true });
}

const QUIET_MS = 2000;

export async function measureLoad(browser: Browser, url: string): Promise<LoadTimes> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(installProbe);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __budget: Probe }).__budget.eqPaint !== null, null, { timeout: 30_000 });
  // Wait for 2 s without a new long task (at most 20 s).
  const started = Date.now();
  let last = -1;
  for (;;) {
    const n = await page.evaluate(() => (window as unknown as { __budget: Probe }).__budget.longTasks.length);
    if (n === last || Date.now() - started > 20_000) break;
    last = n;
    await page.waitForTimeout(QUIET_MS);
  }
  const probe = await page.evaluate(() => (window as unknown as { __budget: Probe }).__budget);
  await context.close();
  const eqPaint = probe.eqPaint ?? Number.NaN;
  const blockingEnd = Math.max(0, ...probe.longTasks.map((t) => t.end));
  return {
    lcp: probe.lcp,
    firstEquation: probe.eq ?? Number.NaN,
    firstEquationPainted: eqPaint,
    firstEquationInteractive: Math.max(eqPaint, blockingEnd),
    longTasks: probe.longTasks.length,
  };
}

export interface SliderLatency {
  /** Key press on the γ slider → the panel's text has changed (DOM updated, before paint). */
  toUpdate: number[];
  /** Key press → the next animation frame after the update (the frame that shows it). */
  toFrame: number[];
}

interface LatencyProbe {
  t0: number;
  pending: boolean;
  toUpdate: number[];
  toFrame: number[];
}

/**
 * Moves section 7's γ slider `moves` times with the arrow keys (up and down its range, so every
 * press changes the value) and times each press until the γ-and-β panel's numbers change, with the
 * CPU slowed down `cpuRate` times (Chromium's throttling; 1: none).
 */
export async function measureGammaLatency(browser: Browser, url: string, moves: number, cpuRate = 1): Promise<SliderLatency> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // CPU throttling (4: a mid-range laptop or phone, as DevTools' "4× slowdown"), from the start.
  if (cpuRate !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await page.goto(`${url}?section=gamma-beta#gamma-beta`, { waitUntil: 'load' });
  const slider = page.getByRole('slider', { name: 'γ (scale)', exact: true }).first();
  await slider.waitFor();
  await slider.focus();
  await page.waitForTimeout(500);
  await installLatencyProbe(page);
  const keys = pressPlan(moves);
  for (const key of keys) {
    const before = await page.evaluate(() => (window as unknown as { __lat: LatencyProbe }).__lat.toFrame.length);
    await page.keyboard.press(key);
    await page.waitForFunction((n) => (window as unknown as { __lat: LatencyProbe }).__lat.toFrame.length > n, before, { timeout: 5000 });
  }
  const result = await page.evaluate(() => (window as unknown as { __lat: LatencyProbe }).__lat);
  await context.close();
  return { toUpdate: result.toUpdate, toFrame: result.toFrame };
}

/** ArrowRight 20 times, ArrowLeft 20 times, … : from γ = 1 the value stays inside its range (−3…3, step 0.05). */
function pressPlan(moves: number): string[] {
  return Array.from({ length: moves }, (_, i) => (Math.floor(i / 20) % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'));
}

function installLatencyProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const probe: LatencyProbe = { t0: 0, pending: false, toUpdate: [], toFrame: [] };
    (window as unknown as { __lat: LatencyProbe }).__lat = probe;
    const section = document.getElementById('gamma-beta');
    const std = section?.querySelector('[data-testid="out-std"]');
    if (!section || !std) throw new Error('section 7 (γ and β) or its std read-out is missing');
    window.addEventListener('keydown', () => {
      probe.t0 = performance.now();
      probe.pending = true;
    }, { capture: true });
    new MutationObserver(() => {
      if (!probe.pending) return;
      probe.pending = false;
      const t1 = performance.now();
      probe.toUpdate.push(t1 - probe.t0);
      const t0 = probe.t0;
      requestAnimationFrame(() => probe.toFrame.push(performance.now() - t0));
    }).observe(std, { childList: true, subtree: true, characterData: true });
  });
}
