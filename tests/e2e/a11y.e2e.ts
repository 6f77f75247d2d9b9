import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { afterFrames, baseUrl, drawn, everyBlockDrawn, finishTransitions, openAt, showScheme } from './browser';

/**
 * Accessibility of the built notebook with axe-core (injected into the page): no serious or critical
 * violation on the whole page, in light and dark colour schemes, in every section and on every
 * presentation step; full keyboard use with a visible focus; reduced motion respected.
 */
const AXE = resolve('node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on `include` (CSS selectors; the whole document by default); returns serious and critical findings. */
async function axe(page: Page, ...include: string[]): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // Colours are judged at rest, not halfway through a transition: each finite one is taken to its end. (A scroll-driven
  // animation, like the fade at the edge of a box that scrolls sideways, follows the scroll position and never finishes.
  // One in a block off the screen, skipped by content-visibility, does not run until the block comes near: a colour
  // scheme's transition there was never finished, and waiting for it hung the test.)
  await finishTransitions(page);
  return page.evaluate(
    async ({ include, tags }) => {
      const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
      const result = await w.axe.run(include.length > 0 ? { include: include.map((sel) => [sel]) } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    },
    { include, tags: TAGS },
  );
}

/** Scrolls through the page so every panel that waits for the viewport is drawn, then back to the top. */
async function drawEverything(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 700) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await afterFrames(page);
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
}


test('axe: no serious or critical violation on the whole page, light and dark colour schemes', async () => {
  const { page, problems } = await openAt('', { colorScheme: 'light', viewport: { width: 1440, height: 900 } });
  await page.locator('.katex').first().waitFor();
  await drawEverything(page);
  const found: Record<string, Finding[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await showScheme(page, scheme);
    const v = await axe(page);
    if (v.length > 0) found[scheme] = v;
  }
  expect(found).toEqual({});
  expect(problems).toEqual([]);
});

test('axe: no serious or critical violation at phone width (390 px), every section drawn, light and dark', async () => {
  // The whole-page runs above cover every section at desktop width; this adds the narrow layout. One run on the whole page
  // per scheme, not one per section: axe reads the whole document's tree at each run, scoped or not (21 runs took a minute).
  const { page } = await openAt('', { viewport: { width: 390, height: 844 } });
  // Every block drawn once, as a reader's page is soon after loading, and every panel that waits for the screen.
  await everyBlockDrawn(page);
  await drawEverything(page);
  await drawn(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll('section[data-section]')].map((s) => s.id));
  expect(ids.length).toBeGreaterThanOrEqual(10);
  const found: Record<string, Finding[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await afterFrames(page);
    const v = await axe(page);
    if (v.length > 0) found[scheme] = v;
  }
  expect(found).toEqual({});
}, 180_000);

test('axe: charts with their data table and download menu open (an SVG plot, a Recharts chart, the lab\'s lines and canvas), light and dark', async () => {
  const { page } = await openAt('', { viewport: { width: 1280, height: 900 } });
  await drawEverything(page);
  expect(await page.locator('.chart-frame-tools').count()).toBeGreaterThanOrEqual(10);
  // One frame of each kind: axe over every table of every chart would take half a minute.
  const frames = ['#gamma-beta .chart-frame', '#why .chart-frame', '#lab .chart-frame'];
  for (const f of frames) await page.locator(f).first().waitFor();
  await page.evaluate((sel) => {
    for (const f of sel) for (const frame of [...document.querySelectorAll(f)].slice(0, 2)) frame.querySelectorAll<HTMLButtonElement>('.chart-frame-tools button[aria-expanded="false"]').forEach((b) => b.click());
  }, frames);
  await expect.poll(() => page.locator('.chart-frame-table table').count()).toBeGreaterThanOrEqual(4);
  const found: Record<string, Finding[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The three sections in one run (axe reads the whole document's tree at each run, scoped or not).
    const v = await axe(page, '#gamma-beta', '#why', '#lab');
    if (v.length > 0) found[scheme] = v;
  }
  expect(found).toEqual({});
});

test('axe: no serious or critical violation on any presentation step, every part shown (1280×720, light and dark)', async () => {
  const { page, problems } = await openAt('?present=1&step=1', { viewport: { width: 1280, height: 720 } });
  await page.getByRole('region', { name: 'Presentation' }).waitFor();
  const total = Number(/of (\d+)/.exec((await page.locator('.deck-count').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(5);
  const found: Record<string, Finding[]> = {};
  for (let k = 1; k <= total; k++) {
    // → reveals a step's hidden parts before it moves on: judged once they are all shown.
    for (let i = 0; i < 8 && k > 1 && !(await page.locator('.deck-count').textContent())?.includes(`Step ${k} of`); i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => document.querySelector('.deck-count')?.textContent?.includes(`Step ${n} of`), k);
    for (let i = 0; i < 8 && (await page.getByTestId('deck-reveal').count()); i++) await page.keyboard.press('ArrowRight');
    // Judged once the step's panel is in: its section's code and charts loaded, its live run started.
    await page.waitForFunction(() => {
      const slide = document.querySelector('.deck-slide');
      return !!slide && !slide.querySelector('.section-waiting, .chart-waiting') && !slide.textContent?.includes('Starting the run');
    });
    await page.emulateMedia({ colorScheme: k % 2 === 0 ? 'dark' : 'light' });
    const v = await axe(page);
    if (v.length > 0) found[`step ${k} (${k % 2 === 0 ? 'dark' : 'light'})`] = v;
  }
  expect(found).toEqual({});
  expect(problems).toEqual([]);
});

test('axe: the deck’s grabbed slider, overview, list of keys and status line, in the projector and dark themes (1280×720)', async () => {
  const { page, problems } = await openAt('?present=1&section=gamma-beta&theme=projector', { viewport: { width: 1280, height: 720 } });
  const gamma = page.getByRole('slider', { name: 'γ (scale)' });
  await gamma.waitFor();
  const found: Record<string, Finding[]> = {};
  const check = async (what: string) => {
    const v = await axe(page);
    if (v.length > 0) found[what] = v;
  };
  for (const theme of ['projector', 'dark']) {
    await gamma.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Adjusting γ/).waitFor();
    await check(`${theme}: grabbed slider and status`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('o');
    await page.getByRole('dialog', { name: 'All steps' }).waitFor();
    await check(`${theme}: overview`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keys' }).waitFor();
    await check(`${theme}: keys`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('2');
    await check(`${theme}: typing a step number`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('t'); // projector → system, then (below) → light → dark
    await page.keyboard.press('t');
    await page.keyboard.press('t');
  }
  expect(found).toEqual({});
  expect(problems).toEqual([]);
});

test('axe: the presenter’s window beside a deck, light, dark and projector, at 1366×768 and 390 px; the laser pointer’s dot on the deck', async () => {
  const { page: deck, context, problems } = await openAt('?present=1&step=13', { viewport: { width: 1280, height: 720 } });
  await deck.locator('.deck-count').filter({ hasText: 'Step 13 of' }).waitFor();
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1366, height: 768 });
  await presenter.goto(`${baseUrl()}?presenter=1`);
  await presenter.getByText('Connected to the presentation.').waitFor();
  await presenter.getByRole('button', { name: 'Start the timer' }).click();
  const found: Record<string, Finding[]> = {};
  for (const [theme, width] of [['light', 1366], ['dark', 1366], ['projector', 390]] as const) {
    await presenter.setViewportSize({ width, height: width > 400 ? 768 : 844 });
    await presenter.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const v = await axe(presenter);
    if (v.length > 0) found[`presenter, ${theme}, ${width} px`] = v;
  }
  await deck.keyboard.press('l');
  await deck.mouse.move(400, 300);
  await deck.mouse.move(420, 320);
  await deck.getByTestId('deck-pointer').waitFor();
  const v = await axe(deck);
  if (v.length > 0) found['deck with the pointer'] = v;
  expect(found).toEqual({});
  expect(problems).toEqual([]);
});

test('axe: the deck editor over the notebook (light and dark, desktop and phone) and over an own deck’s presentation with its note (projector, dark)', async () => {
  const deck = 'deck=1~mean*seed:7*Ask+first~gamma-beta*gamma:2~forward/2**By+hand~';
  const found: Record<string, Finding[]> = {};
  const check = async (page: Page, what: string) => {
    const v = await axe(page);
    if (v.length > 0) found[what] = v;
  };
  for (const [scheme, width, height] of [['light', 1366, 768], ['dark', 390, 844]] as const) {
    const { page, problems } = await openAt(`?${deck}`, { colorScheme: scheme, viewport: { width, height } });
    // The whole notebook is checked under the dialog: its blocks off the screen drawn once, as a reader's page is soon after loading.
    await everyBlockDrawn(page);
    await page.getByRole('button', { name: 'Your deck (3)' }).click();
    await page.getByRole('dialog', { name: 'Your own deck' }).waitFor();
    await check(page, `notebook editor, ${scheme}, ${width} px`);
    expect(problems).toEqual([]);
  }
  const { page, problems } = await openAt(`?present=1&theme=projector&${deck}`, { viewport: { width: 1280, height: 720 } });
  for (const theme of ['projector', 'dark']) {
    await page.getByRole('button', { name: 'Note' }).click();
    await page.getByTestId('deck-note').waitFor();
    await check(page, `${theme}: own deck with its note`);
    await page.getByRole('button', { name: 'Edit deck' }).click();
    await page.getByRole('dialog', { name: 'Your own deck' }).waitFor();
    await check(page, `${theme}: editor over the deck`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Note' }).click();
    await page.keyboard.press('t'); // projector → system → light → dark
    await page.keyboard.press('t');
    await page.keyboard.press('t');
  }
  expect(found).toEqual({});
  expect(problems).toEqual([]);
});

test('keyboard: Tab reaches every control in order, each with a visible focus indicator, and never gets stuck', async () => {
  const { page } = await openAt('', { viewport: { width: 1440, height: 900 } });
  await drawEverything(page);
  await page.waitForLoadState('networkidle'); // lazily loaded charts are in
  // Every visible, enabled element in the tab order; a radio group is one stop (arrows move within it).
  const expected = await page.evaluate(() => {
    const groups = new Set<string>();
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el.name : '';
      if (radio && groups.has(radio)) continue;
      if (radio) groups.add(radio);
      el.dataset.a11yStop = String(n++);
    }
    return n;
  });
  const invisible: string[] = [];
  const reached = new Set<string>();
  let stoppedAt = '';
  for (let stops = 0; stops < 2 * expected + 50; stops++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      // :focus-visible draws an outline (or a ring via box-shadow, or a thick stroke on an SVG mark).
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      const mark = el.querySelector('.dot-mark') ?? el.querySelector('circle:not([fill="transparent"]), rect');
      const svgRing = mark ? parseFloat(getComputedStyle(mark).strokeWidth) >= 3 : false;
      // A mask on it or around it (the fade at the edge of a box that scrolls sideways) hides a ring drawn outside the box.
      let masked = false;
      for (let a: Element | null = el; a && !masked; a = a.parentElement) masked = getComputedStyle(a).maskImage !== 'none';
      const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el.name : '';
      let stop = el.dataset.a11yStop ?? (radio ? document.querySelector<HTMLElement>(`input[name="${radio}"][data-a11y-stop]`)?.dataset.a11yStop : undefined);
      // Something that appeared after the list was made (a late chart): a stop of its own.
      if (stop === undefined) el.dataset.a11yStop = stop = `late ${document.querySelectorAll('[data-a11y-stop^="late"]').length}`;
      return { stop, visible: (ring || svgRing) && !masked, label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName };
    });
    if (info === null || reached.has(info.stop)) {
      stoppedAt = info === null ? 'the page (focus left the document)' : `${info.label} (stop ${info.stop}, reached twice)`;
      break; // wrapped around
    }
    reached.add(info.stop);
    if (!info.visible) invisible.push(info.label);
  }
  const missed = await page.evaluate(
    (got) =>
      [...document.querySelectorAll<HTMLElement>('[data-a11y-stop]')]
        .filter((el) => !got.includes(el.dataset.a11yStop ?? '') && !el.dataset.a11yStop?.startsWith('late'))
        .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName),
    [...reached],
  );
  expect(invisible).toEqual([]);
  expect(missed, `Tab stopped at ${stoppedAt}`).toEqual([]);
  expect(reached.size).toBeGreaterThanOrEqual(expected);
});

test('skip link: the first Tab shows “Skip to the notebook” without scrolling; Enter takes the focus to the section on screen, the next Tab into it', async () => {
  const { page, problems } = await openAt('', { viewport: { width: 1280, height: 720 } });
  await drawn(page);
  // A reader who scrolled (not a link's fragment, which would start the Tab order there itself) to section 5. At once: a
  // smooth scroll aims at where the section was when it began, and the blocks on the way, drawn as it passes them (their
  // sizes guessed until then: content-visibility), move it; a reader stops where the section is, as this does.
  await page.evaluate(() => document.getElementById('variance')?.scrollIntoView({ behavior: 'instant' }));
  await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toContain('variance');
  // Still while the page is (the sections above may settle their heights for a moment).
  let scrolled = -1;
  await expect.poll(async () => {
    await afterFrames(page, 5);
    const now = await page.evaluate(() => window.scrollY);
    const still = now === scrolled;
    scrolled = now;
    return still;
  }).toBe(true);
  await page.keyboard.press('Tab');
  const link = page.getByRole('link', { name: 'Skip to the notebook' });
  await expect.poll(() => link.evaluate((el) => el === document.activeElement)).toBe(true);
  const box = await link.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 720).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('variance-title');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('variance');
  expect(problems).toEqual([]);
});

test('reduced motion: no smooth scrolling and no running animation or transition when the reader asks for less motion', async () => {
  const { page } = await openAt('', { reducedMotion: 'reduce', viewport: { width: 1440, height: 900 } });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  // A table-of-contents jump lands at once (no smooth scroll in flight).
  const last = await page.evaluate(() => [...document.querySelectorAll('section[data-section]')].at(-1)?.id ?? '');
  await page.locator(`.toc a[href="#${last}"]`).click();
  await afterFrames(page);
  expect(await page.evaluate((id) => Math.abs(document.getElementById(id)?.getBoundingClientRect().top ?? 1e9) < 60 || window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2, last)).toBe(true);
  await drawEverything(page);
  // Motion is what runs on the clock: a scroll-driven animation (the fade at the edge of a box that
  // scrolls sideways) moves only as the reader scrolls, so it is not counted.
  const moving = await page.evaluate(() => {
    const durations = [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      const clocked = s.animationName !== 'none' && s.animationName !== '' && !s.animationTimeline.startsWith('scroll(');
      return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || clocked;
    });
    return { animations: document.getAnimations().filter((a) => a.timeline instanceof DocumentTimeline).length, styled: durations.map((el) => el.className.toString()).slice(0, 5) };
  });
  expect(moving).toEqual({ animations: 0, styled: [] });
});
