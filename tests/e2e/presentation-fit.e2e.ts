import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openAt } from './browser';
import { type FitReport, deckPosition, measureDeck } from './deckFit';

/**
 * Every step of the presentation, and every part → reveals of it, at 1280×720 and 1920×1080: the step
 * fits the slide area without scrolling, nothing is cut off sideways, and visible text is at least
 * 18px (body text 24px, chart labels and matrix cells 20px). One page, moved through with →.
 */

/** Waits until the step's panel is in (its code, its charts) and its height has settled for a few frames. */
async function settled(page: Page): Promise<void> {
  // Two frames first: a part → has just revealed renders in them, with its chart's 'Loading the chart…' if the chart's
  // code is not in yet (checked at once, the slide could look settled before the part was there).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForFunction(() => {
    const slide = document.querySelector('.deck-slide');
    return !!slide && !slide.querySelector('.section-waiting, .chart-waiting, .lab-waiting') && !slide.textContent?.includes('Starting the run');
  }, null, { timeout: 20_000 });
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const slide = document.querySelector('.deck-slide') as HTMLElement;
        let last = -1, same = 0, frames = 0;
        const tick = () => {
          const h = slide.scrollHeight;
          same = h === last ? same + 1 : 0;
          last = h;
          if (same >= 3 || ++frames > 180) done();
          else requestAnimationFrame(tick);
        };
        tick();
      }),
  );
}

/** Where the deck is, as shown (a JavaScript expression): its step, the parts shown, its scroll. */
const WHERE = "[document.querySelector('.deck-count')?.textContent, document.querySelector('.deck-slide')?.dataset.shown, document.querySelector('.deck-body')?.scrollTop].join('|')";

/**
 * What is wrong with the step's parts at `part` (the outline's reveals against what the slide marks as
 * revealed): part k > 0 must show something that appears at k, and no part may appear after the step's last.
 */
function revealProblem(page: Page, part: number): Promise<string | null> {
  return page.evaluate((k) => {
    const parts = [...document.querySelectorAll<HTMLElement>('.deck-slide .deck-part')];
    const later = parts.filter((p) => Number(p.dataset.partFrom) > k);
    const next = document.querySelector('[data-testid="deck-reveal"]');
    if (!next && later.length) return `part ${later[0].dataset.partFrom} of the slide is never revealed`;
    if (k > 0 && !parts.some((p) => Number(p.dataset.partFrom) === k && !p.hidden)) return `→ revealed nothing at part ${k}`;
    return null;
  }, part);
}

type Place = FitReport & { reveal: string | null };

/** Every place of the deck (step.part) at the page's size, measured, in order from the first step. */
async function walk(page: Page): Promise<Map<string, Place>> {
  await page.keyboard.press('Home');
  const seen = new Map<string, Place>();
  for (let guard = 0; guard < 200; guard++) {
    await settled(page);
    const at = await deckPosition(page);
    const key = `${at.step}.${at.part}`;
    if (!seen.has(key)) seen.set(key, { ...(await measureDeck(page)), reveal: await revealProblem(page, at.part) });
    if (await page.getByRole('button', { name: 'Next →' }).isDisabled()) break;
    const before = await page.evaluate(WHERE);
    await page.keyboard.press('ArrowRight');
    // → moved on, or scrolled a step that does not fit (recorded above); neither: the end of the deck.
    const moved = await page.waitForFunction(`${WHERE} !== ${JSON.stringify(before)}`, null, { timeout: 2000 }).then(
      () => true,
      () => false,
    );
    if (!moved) break;
  }
  return seen;
}

/** What is wrong with one place: a scroll, something cut off, text too small, a part that reveals nothing. */
function problemsOf(r: Place): string[] {
  return [
    ...(r.scrolls ? [`scrolls: content is ${r.ratio} × the slide area`] : []),
    ...r.clipped.map((c) => `clipped: ${c}`),
    ...r.small.map((s) => `small: ${s}`),
    ...(r.reveal ? [r.reveal] : []),
  ];
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`every step and part fits ${width}×${height}: no scrolling, nothing clipped, text readable from the back`, async () => {
    const { page, problems } = await openAt('?present=1&step=1', { viewport: { width, height } });
    await page.getByRole('region', { name: 'Presentation' }).waitFor();
    const total = Number(/of (\d+)/.exec((await page.locator('.deck-count').textContent()) ?? '')?.[1]);
    const seen = await walk(page);
    const steps = new Set([...seen.keys()].map((key) => Number(key.split('.')[0])));
    expect(steps.size).toBe(total);
    const bad: Record<string, string[]> = {};
    for (const [place, r] of seen) {
      const p = problemsOf(r);
      if (p.length) bad[place] = p;
    }
    expect(bad).toEqual({});
    expect(problems).toEqual([]);
  });
}

test('the lab’s step with a run and its verdict fits both sizes (a link that resumes the lab at step 800)', async () => {
  const { page, problems } = await openAt('?present=1&step=32&lab-step=800', { viewport: { width: 1280, height: 720 } });
  const verdict = page.getByTestId('lab-verdict');
  // Replayed to step 800 and paused there, with the verdict on that run.
  await page.waitForFunction(
    () => document.querySelector('.lab-position')?.textContent?.includes('Step 800') && (document.querySelector('[data-testid=lab-verdict]')?.getAttribute('data-advantage') ?? 'unknown') !== 'unknown',
    null,
    { timeout: 30_000 },
  );
  await expect(verdict.isVisible()).resolves.toBe(true);
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await settled(page);
    const r = await measureDeck(page);
    expect({ size: `${width}×${height}`, problems: problemsOf({ ...r, reveal: null }) }).toEqual({ size: `${width}×${height}`, problems: [] });
  }
  expect(problems).toEqual([]);
});
