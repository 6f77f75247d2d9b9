import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Download, type Locator, type Page } from 'playwright-core';
import { afterAll, expect, inject, onTestFinished } from 'vitest';

export const baseUrl = (): string => inject('baseUrl');

/** What playwright-core logs in a context made with `serviceWorkers: 'block'` when the page registers its worker (the default of openAt). */
const BLOCKED_WORKER = 'Service Worker registration blocked by Playwright';

/** Collects console errors/warnings and uncaught page errors, so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.text() === BLOCKED_WORKER) return;
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** The suite's one Chromium (launched by global-setup.ts), connected to once per test file. */
let shared: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  shared ??= chromium.connect(inject('chromiumEndpoint'));
  return shared;
}
afterAll(async () => {
  await (await shared)?.close(); // disconnects this file; the browser itself closes in the global teardown
});

export interface OpenOptions extends BrowserContextOptions {
  /** Where the app is served, if not at `baseUrl()` (a URL ending in '/'). */
  base?: string;
  /** Runs before the page navigates, to watch it from its first request. */
  beforeGoto?: (page: Page, context: BrowserContext) => void;
  /**
   * Wait until every section is live (default true): a pre-rendered section shows its static body until it nears
   * the screen or its turn comes while the page is idle (app/shell/LiveWhenNear.tsx, liveQueue.ts). `false` for a
   * test of the page as it opens.
   */
  live?: boolean;
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings and uncaught errors of the page, as they happen. */
  problems: string[];
}

/**
 * A fresh browser context (its own storage, permissions and viewport: `options`) with one page,
 * opened at the built app + `query` ('?section=mean', '?present=1#lab', or '' for the top); the
 * context closes when the test finishes. The build's service worker is blocked unless a test asks for it
 * (`serviceWorkers: 'allow'`, pwa.e2e.ts): no test pays for precaching the whole build or depends on its cache.
 */
export async function openAt(query = '', { base, beforeGoto, live = true, ...options }: OpenOptions = {}): Promise<Opened> {
  const context = await (await sharedBrowser()).newContext({ serviceWorkers: 'block', ...options });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  const problems = watchConsole(page);
  beforeGoto?.(page, context);
  await page.goto(`${base ?? baseUrl()}${query}`);
  if (options.javaScriptEnabled === false) return { page, context, problems };
  // The built page comes pre-rendered (scripts/prerender.ts): a test starts once React has taken it over.
  await page.waitForSelector('#root[data-taken-over]', { state: 'attached' });
  if (live) await liveEverySection(page);
  return { page, context, problems };
}

/**
 * Waits until every section of the notebook is live (`#root[data-all-live]`, app/shell/liveQueue.ts): its
 * pre-rendered body gone, its controls named and its numbers following the settings. The queue starts at the
 * reader's first input: the mouse moves to the page's top-left corner first, as a reader's would.
 */
export async function liveEverySection(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.waitForSelector('#root[data-all-live]', { state: 'attached', timeout: 30_000 });
}

/**
 * Waits until every block of the live sections has been drawn once (`#root[data-all-drawn]`, app/shell/drawBlocks.ts):
 * off the screen a block is skipped by content-visibility until then, and a wide equation in it has not measured
 * itself (its tab stop comes with that).
 */
export async function everyBlockDrawn(page: Page): Promise<void> {
  await page.waitForSelector('#root[data-all-drawn]', { state: 'attached', timeout: 30_000 });
}

/**
 * A fresh browser context with one empty page (about:blank), for tests that run code in Chromium
 * rather than the app; the context closes when the test finishes.
 */
export async function openBlank(): Promise<Opened> {
  const context = await (await sharedBrowser()).newContext();
  onTestFinished(() => context.close());
  const page = await context.newPage();
  return { page, context, problems: watchConsole(page) };
}

/** A download's bytes (over the connection: the shared browser's files are not this process's to read). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Waits until the page has drawn `n` more frames: intersection observers have reported a scroll by then. */
export const afterFrames = (page: Page, n = 2): Promise<void> =>
  page.evaluate(
    (k) =>
      new Promise<void>((done) => {
        const frame = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => frame(left - 1)));
        frame(k);
      }),
    n,
  );

/** Section 2's first point, scrolled on screen, with its box and its plot's (a drawn page: to drag it with the mouse). */
export async function batchPoint(page: Page): Promise<{ dot: Locator; svg: Box; box: Box }> {
  await drawn(page);
  const dot = page.locator('#batch g.dot[role="slider"]').first();
  await dot.scrollIntoViewIfNeeded();
  await afterFrames(page, 5);
  const svg = await page.locator('#batch svg.plot-svg').first().boundingBox();
  const box = await dot.boundingBox();
  if (!svg || !box) throw new Error('section 2 has no dot plot');
  return { dot, svg, box };
}
type Box = { x: number; y: number; width: number; height: number };

/**
 * Waits until the page is React's (its code, fetched after the first paint, took the pre-rendered page over: a
 * reload shows the pre-rendered page first) and `selector` (the whole page by default) holds no placeholder: its
 * sections' code and charts are in. The lab's code comes only when it nears the screen: its pre-rendered picture
 * (in `.lab-placeholder` until then) is not waited for.
 */
export const drawn = (page: Page, selector = 'body', timeout = 20_000): Promise<unknown> =>
  page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      const waiting = [...(el?.querySelectorAll('.section-waiting, .chart-waiting, .section-static') ?? [])].filter((w) => !w.closest('.lab-placeholder'));
      return !!document.querySelector('#root[data-taken-over]') && !!el && waiting.length === 0;
    },
    selector,
    { timeout },
  );

/** Takes every finite animation and transition to its end (a scroll-driven one never ends, and is left): colours at rest. */
export const finishTransitions = (page: Page): Promise<void> =>
  page.evaluate(() => {
    for (const a of document.getAnimations()) if (a.timeline instanceof DocumentTimeline && a.effect?.getTiming().iterations !== Infinity) a.finish();
  });

/** Switches the page to a colour scheme, its transitions at their end, and checks it really switched: the background follows. */
export async function showScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await afterFrames(page);
  await finishTransitions(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const sum = (bg.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  expect(scheme === 'dark' ? sum < 200 : sum > 600, `${scheme}: background ${bg}`).toBe(true);
}

