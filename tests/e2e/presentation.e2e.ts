// This file is longer than 300 lines: the presentation's e2e cases share one browser and its helpers
// (keys, grab and release, overview, go-to-step, theme), and splitting them would duplicate those.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openAt } from './browser';


const deck = (page: Page) => page.getByRole('region', { name: 'Presentation' });
/** "Step k of N" as [k, N]. */
async function progress(page: Page): Promise<[number, number]> {
  const text = (await page.locator('.deck-count').textContent()) ?? '';
  const m = /Step (\d+) of (\d+)/.exec(text);
  if (!m) throw new Error(`no progress in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}
const title = (page: Page) => page.locator('.deck-title').textContent();
const param = (page: Page, name: string) => page.evaluate((n) => new URLSearchParams(window.location.search).get(n), name);

test('presentation mode, driven entirely by the keyboard, at 1280×720 (screenshot)', async () => {
  const { page, problems } = await openAt('?section=forward', { viewport: { width: 1280, height: 720 } });
  // A reader presses P once the page is on screen: the key is handled by the rendered app.
  await page.getByRole('button', { name: /Present/ }).waitFor();
  await page.keyboard.press('p');
  await expect(deck(page).isVisible()).resolves.toBe(true);
  const [k0, n] = await progress(page);
  await expect(title(page)).resolves.toContain('The batch X and labels Y');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('deck-title'))).toBe(true);

  // → Space PageDown forward; ← PageUp back; the forward pass's own list highlights the equation being computed.
  // A step's hidden part (here the selected entry's numbers and the result) is revealed before the deck moves on.
  await page.keyboard.press('ArrowRight');
  await expect(title(page)).resolves.toContain('Z₁ = W₁X');
  await expect(page.locator('[aria-current="step"]').getAttribute('aria-label')).resolves.toBe('Step 2: Z₁ = W₁X');
  await expect(page.getByTestId('step-substituted').isVisible()).resolves.toBe(false);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step-substituted').isVisible()).resolves.toBe(true);
  expect((await progress(page))[0]).toBe(k0 + 1);
  await page.keyboard.press('PageDown');
  expect((await progress(page))[0]).toBe(k0 + 2);
  await page.keyboard.press('PageUp');
  // Back on a step, its parts are all shown; ← hides them one by one before going further back.
  await expect(page.getByTestId('step-substituted').isVisible()).resolves.toBe(true);
  await page.keyboard.press('ArrowLeft');
  expect((await progress(page))[0]).toBe(k0 + 1);
  await expect(page.getByTestId('step-substituted').isVisible()).resolves.toBe(false);
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('present') === '1');
  await page.waitForFunction((k) => new URLSearchParams(window.location.search).get('step') === String(k), k0 + 1);
  expect(await param(page, 'forward')).toBe('2');
  expect(await param(page, 'part')).toBe(null);

  // Home, End.
  await page.keyboard.press('End');
  expect(await progress(page)).toEqual([n, n]);
  await page.keyboard.press('Home');
  expect(await progress(page)).toEqual([1, n]);

  // Controls work inside a step: Tab to γ on the γ-and-β step, Enter to adjust it, and move it with the arrows.
  while (!(await title(page))?.includes('γ and β')) await page.keyboard.press('ArrowRight');
  await page.getByLabel('γ (scale)', { exact: true }).waitFor(); // the step's panel is in
  const at = await progress(page);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'range' && document.activeElement.id !== '' && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent === 'γ (scale)')) break;
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gamma-value').textContent()).resolves.toBe('1.1');
  expect(await progress(page)).toEqual(at);
  await page.keyboard.press('Escape'); // lets go of γ; the next Esc leaves

  // Large type, no sideways scrolling, and the step fits the width.
  const sizes = await page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.querySelector('.deck') as Element).fontSize),
    scrollWidth: document.documentElement.scrollWidth,
  }));
  expect(sizes.body).toBeGreaterThanOrEqual(24);
  expect(sizes.scrollWidth).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: 'test-results/presentation-1280x720.png' });

  // Esc leaves; the notebook opens at the section of the last step shown.
  await page.keyboard.press('Escape');
  await expect(deck(page).count()).resolves.toBe(0);
  await page.waitForFunction(() => !window.location.search.includes('present'));
  await expect(page.locator('.toc a[aria-current="true"]').getAttribute('href')).resolves.toBe('#gamma-beta');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#gamma-beta');
  await page.waitForFunction(() => Math.abs(document.getElementById('gamma-beta')?.getBoundingClientRect().top ?? 1e9) < 40);
  expect(problems).toEqual([]);
});

test('a link with the presentation flag opens on its step; back and forward move between steps and in and out of presentation; 1920×1080 (screenshot)', async () => {
  const { page, problems } = await openAt('', { viewport: { width: 1920, height: 1080 } });
  await page.goto(`${baseUrl()}?present=1&step=4`);
  expect((await progress(page))[0]).toBe(4);
  expect(await param(page, 'section')).toBe(await page.locator('.deck-slide').getAttribute('data-slide').then((s) => s?.split(':')[0] ?? ''));
  await page.screenshot({ path: 'test-results/presentation-1920x1080.png' });
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('step') === '5');
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('step') === '4');
  expect((await progress(page))[0]).toBe(4);
  await page.getByRole('button', { name: /^Exit/ }).click();
  await expect(deck(page).count()).resolves.toBe(0);
  await page.waitForFunction(() => !window.location.search.includes('present'));
  await page.goBack({ waitUntil: 'commit' });
  await expect(deck(page).isVisible()).resolves.toBe(true);
  expect(problems).toEqual([]);
});

test('full screen on request, and a phone-sized deck', async () => {
  const { page, problems } = await openAt('?present=1&step=2', { viewport: { width: 1280, height: 720 } });
  const full = page.getByRole('button', { name: 'Full screen' });
  await full.click();
  // The button follows the document's fullscreenchange event, which fires a frame after
  // document.fullscreenElement is set: wait for the button itself, not for the document.
  await expect.poll(() => full.getAttribute('aria-pressed')).toBe('true');
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await full.click();
  await expect.poll(() => full.getAttribute('aria-pressed')).toBe('false');
  expect(await page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/presentation-390x844.png' });
  expect(problems).toEqual([]);
});

test('zoomed in, a step taller than a 1280×720 screen: the cue says there is more, ↓ and → scroll it without changing step, it keeps its scroll, panel text is deck-sized', async () => {
  const { page, problems } = await openAt('?present=1&step=15&zoom=160', { viewport: { width: 1280, height: 720 } });
  await deck(page).waitFor();
  // The zoom reflows: the root size (every panel's rem) is 24 px × 1.6.
  await expect.poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeCloseTo(38.4, 0);
  await page.getByTestId('deck-more').waitFor();
  const body = page.locator('.deck-body');
  // → shows what is below before it reveals anything or moves on.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(50);
  expect((await progress(page))[0]).toBe(15);
  expect(await page.locator('.deck-slide').getAttribute('data-shown')).toBe('0');
  // Scrolled to the end, the cue goes away.
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.getByTestId('deck-more').count()).toBe(0);
  // Next reveals the step's parts, scrolling to each; away and back, the step is where it was left.
  let top = 0;
  for (let i = 0; i < 12 && (await progress(page))[0] === 15; i++) {
    top = await body.evaluate((el) => el.scrollTop);
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  expect((await progress(page))[0]).toBe(16);
  expect(top).toBeGreaterThan(0);
  await page.keyboard.press('ArrowLeft');
  expect((await progress(page))[0]).toBe(15);
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeCloseTo(top, -1);
  // − and + step the zoom (kept in the address); at 100 % it leaves the address.
  await page.keyboard.press('-');
  await expect(page.getByRole('group', { name: 'Text size' }).textContent()).resolves.toContain('150 %');
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('zoom') === '150');
  for (let i = 0; i < 5; i++) await page.keyboard.press('-');
  await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('zoom'));
  await page.keyboard.press('+');
  await expect(page.getByRole('group', { name: 'Text size' }).textContent()).resolves.toContain('110 %');
  await page.goto(`${baseUrl()}?present=1&step=7`);
  await page.locator('.deck .bn-plot .axis text').first().waitFor();
  const tick = await page.locator('.deck .bn-plot .axis text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(tick).toBeGreaterThanOrEqual(20);
  expect(problems).toEqual([]);
});

// ---- The deck owns its keys; pacing (issue 12) ----

const gammaSlider = (page: Page) => page.getByRole('slider', { name: 'γ (scale)' });
const gammaText = (page: Page) => page.getByTestId('gamma-value').textContent();
const status = (page: Page) => page.getByTestId('deck-status').textContent();

/** Drags the element's centre `dx` pixels sideways with the mouse. */
async function drag(page: Page, target: ReturnType<Page['locator']>, dx: number, from = 0.5): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to drag');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * from + dx, y, { steps: 6 });
  await page.mouse.up();
}

test('after dragging γ or a point, → moves the deck and leaves the value where the drag put it', async () => {
  const { page, problems } = await openAt('?present=1&section=gamma-beta', { viewport: { width: 1280, height: 720 } });
  await gammaSlider(page).waitFor();
  const [k] = await progress(page);
  // γ runs from −3 to 3 and starts at 1: its thumb is two thirds along.
  await drag(page, gammaSlider(page), 120, 2 / 3);
  const dragged = await gammaText(page);
  expect(dragged).not.toBe('1');
  expect(await gammaSlider(page).evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('ArrowRight');
  expect((await progress(page))[0]).toBe(k + 1);
  await page.keyboard.press('ArrowLeft');
  expect((await progress(page))[0]).toBe(k);
  await expect(gammaText(page)).resolves.toBe(dragged);

  // A dragged point of the mini-batch (step 2) keeps the focus, and → still moves the deck.
  await page.goto(`${baseUrl()}?present=1&section=batch`);
  const point = page.getByRole('slider', { name: /^Sample 1 / });
  await point.waitFor();
  const before = await point.getAttribute('aria-valuenow');
  await drag(page, point.locator('.dot-mark'), 60);
  const moved = await point.getAttribute('aria-valuenow');
  expect(moved).not.toBe(before);
  expect(await point.evaluate((el) => el === document.activeElement)).toBe(true);
  const [b] = await progress(page);
  await page.keyboard.press('ArrowRight');
  expect((await progress(page))[0]).toBe(b + 1);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('slider', { name: /^Sample 1 / }).getAttribute('aria-valuenow')).resolves.toBe(moved);
  expect(problems).toEqual([]);
});

test('Enter grabs the γ slider (→ moves γ), Esc lets go, a second Esc leaves (screenshot)', async () => {
  const { page, problems } = await openAt('?present=1&section=gamma-beta', { viewport: { width: 1280, height: 720 } });
  await gammaSlider(page).waitFor();
  const at = await progress(page);
  await gammaSlider(page).focus();
  await page.keyboard.press('Enter');
  await expect(gammaSlider(page).getAttribute('data-grabbed')).resolves.toBe('true');
  await expect(status(page)).resolves.toBe('Adjusting γ (scale): ← → change it · Esc lets go');
  await page.keyboard.press('ArrowRight');
  await expect(gammaText(page)).resolves.toBe('1.05');
  expect(await progress(page)).toEqual(at);
  // The cue is seen: a dashed ring around the grabbed slider.
  expect(await gammaSlider(page).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
  await page.screenshot({ path: 'test-results/presentation-grabbed-1280x720.png' });
  await page.keyboard.press('Escape');
  await expect(gammaSlider(page).getAttribute('data-grabbed')).resolves.toBeNull();
  await expect(deck(page).isVisible()).resolves.toBe(true);
  await page.keyboard.press('Escape');
  await expect(deck(page).count()).resolves.toBe(0);
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('gamma') === '1.05');
  expect(problems).toEqual([]);
});

test('12 + Enter jumps to step 12; O opens the overview, which fits the screen, and Enter on a cell opens that step (screenshots 1920×1080)', async () => {
  const { page, problems } = await openAt('?present=1&step=2', { viewport: { width: 1920, height: 1080 } });
  await deck(page).waitFor();
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(status(page)).resolves.toBe('Go to step 12_');
  await page.keyboard.press('Enter');
  expect((await progress(page))[0]).toBe(12);
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('step') === '12');

  await page.keyboard.press('o');
  const overview = page.getByRole('dialog', { name: 'All steps' });
  await overview.waitFor();
  const cells = overview.getByRole('button', { name: /^Step \d+ / });
  expect(await cells.count()).toBe((await progress(page))[1]);
  await expect(overview.getByRole('button', { name: /^Step 12 §11 / }).evaluate((el) => el === document.activeElement && el.getAttribute('aria-current') === 'step')).resolves.toBe(true);
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    const fits = await page.locator('.deck-dialog').evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().bottom <= window.innerHeight);
    expect(fits, `overview fits ${size.width}×${size.height}`).toBe(true);
  }
  await page.screenshot({ path: 'test-results/presentation-overview-1920x1080.png' });
  // A row further: as many steps as the grid has columns (it grows with the deck: 8 for 38 steps).
  const cols = await page.locator('.overview-grid').evaluate((el) => Number(getComputedStyle(el).getPropertyValue('--overview-cols')));
  expect(cols).toBeGreaterThan(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(overview.count()).resolves.toBe(0);
  expect((await progress(page))[0]).toBe(12 + 1 + cols);
  expect(await page.evaluate(() => document.activeElement?.classList.contains('deck-title'))).toBe(true);
  expect(problems).toEqual([]);
});

test('B blanks the screen until any key, which does nothing else; . and a click too', async () => {
  const { page, problems } = await openAt('?present=1&step=3', { viewport: { width: 1280, height: 720 } });
  await deck(page).waitFor();
  await page.keyboard.press('b');
  const blank = page.getByTestId('deck-blank');
  await blank.waitFor();
  const covered = await page.evaluate(() => [document.elementFromPoint(640, 360), document.elementFromPoint(5, 5), document.elementFromPoint(1275, 715)].every((el) => el?.classList.contains('deck-blank')));
  expect(covered).toBe(true);
  expect(await blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await page.keyboard.press('ArrowRight');
  await expect(blank.count()).resolves.toBe(0);
  expect((await progress(page))[0]).toBe(3);
  await page.keyboard.press('.');
  await blank.waitFor();
  await page.mouse.click(640, 360);
  await expect(blank.count()).resolves.toBe(0);
  expect((await progress(page))[0]).toBe(3);
  expect(problems).toEqual([]);
});

test('T cycles System → Light → Dark → Projector; the URL keeps it through a reload and back to the notebook (screenshot 1920×1080)', async () => {
  const { page, problems } = await openAt('?present=1&section=gamma-beta', { viewport: { width: 1920, height: 1080 }, colorScheme: 'dark' });
  await gammaSlider(page).waitFor();
  const theme = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  const deckColours = () => deck(page).evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  expect(await theme()).toBeNull();
  expect(await deckColours()).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']); // the system's dark
  const seen: (string | null)[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('t');
    seen.push(await theme());
  }
  expect(seen).toEqual(['light', 'dark', 'projector']);
  await expect(page.getByRole('button', { name: 'Theme: Projector' }).isVisible()).resolves.toBe(true);
  expect(await deckColours()).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('theme') === 'projector');
  await page.screenshot({ path: 'test-results/presentation-projector-1920x1080.png' });
  await page.reload();
  await gammaSlider(page).waitFor();
  expect(await theme()).toBe('projector');
  await page.keyboard.press('Escape');
  await expect(deck(page).count()).resolves.toBe(0);
  expect(await theme()).toBe('projector');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('theme') === 'projector');
  // Outside the deck T is not a key: the notebook's keyboard is as it was.
  await page.keyboard.press('t');
  expect(await theme()).toBe('projector');
  expect(problems).toEqual([]);
});

test('?present=1&section=lab opens on the lab’s step; eps=1e-400 is reported, not silently 0', async () => {
  const { page, problems } = await openAt('?present=1&section=lab', { viewport: { width: 1280, height: 720 } });
  await deck(page).waitFor();
  await expect(title(page)).resolves.toContain('Training lab');
  expect(await page.locator('.deck-slide').getAttribute('data-slide')).toMatch(/^lab:/);
  const [k] = await progress(page);
  expect(k).toBeGreaterThan(1);
  await page.waitForFunction((n) => new URLSearchParams(window.location.search).get('step') === String(n), k);
  expect(await param(page, 'section')).toBe('lab');

  await page.goto(`${baseUrl()}?eps=1e-400&section=normalize`);
  const notice = page.locator('.url-notice');
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toContain('eps=“1e-400” is too small for a 64-bit number (the smallest is about 5e-324); using 0.');
  expect(problems).toEqual([]);
});
