import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openAt, watchConsole } from './browser';
import { STEPS } from '../../app/outline';

/** Every step of the notebook: the deck's length. */
const N = STEPS.length;

/**
 * The presenter's window beside the projected deck: two pages of one browser context (one origin),
 * linked by the app's BroadcastChannel, as an instructor's laptop screen and the projector.
 */

/** "Step k of N" on the deck, as k. */
async function deckStep(page: Page): Promise<number> {
  const text = (await page.locator('.deck-count').textContent()) ?? '';
  const m = /Step (\d+) of/.exec(text);
  if (!m) throw new Error(`no progress in "${text}"`);
  return Number(m[1]);
}
const waitForDeckStep = (page: Page, k: number) => page.locator('.deck-count').filter({ hasText: `Step ${k} of` }).waitFor();
const shown = (page: Page) => page.locator('.deck-slide').getAttribute('data-shown');
const count = (presenter: Page) => presenter.getByTestId('presenter-count').textContent();
/** The dot's centre, once its glide to the last place (a short transition) has ended. */
async function dotCentre(page: Page): Promise<{ x: number; y: number; width: number }> {
  const dot = page.getByTestId('deck-pointer');
  await dot.waitFor();
  // (Only clock-driven animations end: a scroll-driven one, like the fade at the edge of a sideways-scrolling box, never does.)
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.timeline instanceof DocumentTimeline).map((a) => a.finished.catch(() => undefined))));
  const box = (await dot.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
}

test('the presenter’s window drives the deck and follows it: Next, Reveal, keys, the pointer dot, the deck closing (1280×720)', async () => {
  // Step 12: the forward pass's first equation (nothing hidden); step 13 hides "the numbers".
  const { page: deck, context, problems } = await openAt('?present=1&step=12', { viewport: { width: 1280, height: 720 } });
  await waitForDeckStep(deck, 12);
  const [presenter] = await Promise.all([context.waitForEvent('page'), deck.getByRole('button', { name: 'Presenter' }).click()]);
  const presenterProblems = watchConsole(presenter);
  await presenter.getByText('Connected to the presentation.').waitFor();
  expect(new URL(presenter.url()).searchParams.get('presenter')).toBe('1');
  await expect(count(presenter)).resolves.toBe(`Now: step 12 of ${N}`);
  await expect(presenter.getByTestId('presenter-next').textContent()).resolves.toContain('Z₁ = W₁X');

  // Next in the presenter: the deck shows step 13, with its part hidden; Reveal shows it.
  await presenter.getByRole('button', { name: 'Next →' }).click();
  await waitForDeckStep(deck, 13);
  await expect(shown(deck)).resolves.toBe('0');
  await presenter.getByTestId('presenter-parts').filter({ hasText: '0 of 1 part shown; next reveals the numbers.' }).waitFor();
  await expect(presenter.getByTestId('presenter-note').textContent()).resolves.toBe('Before → ask the class to predict the numbers, then reveal it.');
  await presenter.getByRole('button', { name: 'Reveal' }).click();
  await deck.waitForFunction(() => document.querySelector('.deck-slide')?.getAttribute('data-shown') === '1');
  await deck.waitForFunction(() => new URLSearchParams(window.location.search).get('part') === '1');
  await presenter.getByTestId('presenter-parts').filter({ hasText: 'Its one part is shown.' }).waitFor();
  // The presenter's live copies: the deck as projected (its part shown), and the next step as it will first show.
  const copy = presenter.frameLocator('[data-testid="presenter-mirror-current"]');
  const nextCopy = presenter.frameLocator('[data-testid="presenter-mirror-next"]');
  await copy.locator('.deck-count').filter({ hasText: `Step 13 of ${N}` }).waitFor();
  await copy.locator('.deck-slide[data-shown="1"]').waitFor();
  await nextCopy.locator('.deck-count').filter({ hasText: `Step 14 of ${N}` }).waitFor();
  await nextCopy.locator('.deck-slide[data-shown="0"]').waitFor();

  // The presenter's keys: → moves on, ← comes back (every part shown), T changes the class's theme.
  await presenter.keyboard.press('ArrowRight');
  await waitForDeckStep(deck, 14);
  await presenter.keyboard.press('ArrowLeft');
  await waitForDeckStep(deck, 13);
  await expect(shown(deck)).resolves.toBe('1');
  await presenter.keyboard.press('t');
  await deck.waitForFunction(() => document.documentElement.getAttribute('data-theme') === 'light');
  await expect(count(presenter)).resolves.toBe(`Now: step 13 of ${N}`);
  // The copies never take the presenter's keyboard (a deck focuses its title on every step).
  expect(await presenter.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

  // The pointer: a move over the presenter's screen puts the dot at the same place of the deck's window.
  const pad = (await presenter.getByTestId('presenter-screen').boundingBox())!;
  await presenter.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * 0.5);
  await presenter.mouse.move(pad.x + pad.width * 0.25, pad.y + pad.height * 0.75, { steps: 4 });
  const dot = deck.getByTestId('deck-pointer');
  const at = await dotCentre(deck);
  // The dot's centre at (25 %, 75 %) of 1280×720, within 1 px (the pad is the deck's shape).
  expect(Math.abs(at.x - 0.25 * 1280)).toBeLessThan(1);
  expect(Math.abs(at.y - 0.75 * 720)).toBeLessThan(1);
  expect(at.width).toBeGreaterThanOrEqual(36);
  await expect(dot.getAttribute('aria-hidden')).resolves.toBe('true');
  // The presenter sees the dot too, on the copy of the deck.
  await copy.getByTestId('deck-pointer').waitFor();
  // Still for 2 s: gone.
  await dot.waitFor({ state: 'detached', timeout: 4000 });

  // A presenter opened later (its link typed in another window) asks, and is told where the deck is.
  const late = await context.newPage();
  await late.goto(`${baseUrl()}?presenter=1`);
  await late.getByTestId('presenter-count').filter({ hasText: `Now: step 13 of ${N}` }).waitFor();
  await late.close();

  expect(await deckStep(deck)).toBe(13);
  // The deck's window closes: the presenter says so, and its controls go off.
  await deck.close({ runBeforeUnload: true });
  await presenter.getByTestId('presenter-link').filter({ hasText: 'The presentation has closed' }).waitFor();
  await expect(presenter.getByRole('button', { name: 'Next →' }).isDisabled()).resolves.toBe(true);
  expect(problems).toEqual([]);
  expect(presenterProblems).toEqual([]);
});

test('the laser pointer (L): the dot follows the mouse on the deck itself; the toggle is a named button', async () => {
  const { page, problems } = await openAt('?present=1&step=3', { viewport: { width: 1280, height: 720 } });
  const toggle = page.getByRole('button', { name: 'Pointer' });
  await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
  await page.keyboard.press('l');
  await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
  await page.mouse.move(640, 300);
  await page.mouse.move(320, 360, { steps: 3 });
  const at = await dotCentre(page);
  expect(Math.abs(at.x - 320)).toBeLessThan(1);
  expect(Math.abs(at.y - 360)).toBeLessThan(1);
  await toggle.click();
  await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
  expect(problems).toEqual([]);
});

test('a finger on the presenter’s screen (a tablet beside the laptop) puts the dot where it touches', async () => {
  const { page: deck, context, problems } = await openAt('?present=1&step=3', { viewport: { width: 1280, height: 720 }, hasTouch: true });
  await waitForDeckStep(deck, 3);
  const presenter = await context.newPage();
  await presenter.goto(`${baseUrl()}?presenter=1`);
  await presenter.getByText('Connected to the presentation.').waitFor();
  const pad = (await presenter.getByTestId('presenter-screen').boundingBox())!;
  await presenter.touchscreen.tap(pad.x + pad.width * 0.8, pad.y + pad.height * 0.1);
  const at = await dotCentre(deck);
  // (80 %, 10 %) of 1280×720, within 1 px.
  expect(Math.abs(at.x - 0.8 * 1280)).toBeLessThan(1);
  expect(Math.abs(at.y - 0.1 * 720)).toBeLessThan(1);
  expect(problems).toEqual([]);
});
