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

  // Controls work inside a step: Tab to γ on the γ-and-β step and move it with the arrows.
  while (!(await title(page))?.includes('γ and β')) await page.keyboard.press('ArrowRight');
  const at = await progress(page);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'range' && document.activeElement.id !== '' && document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent === 'γ (scale)')) break;
  }
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('gamma-value').textContent()).resolves.toBe('1.1');
  expect(await progress(page)).toEqual(at);

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
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await expect(full.getAttribute('aria-pressed')).resolves.toBe('true');
  await full.click();
  await page.waitForFunction(() => document.fullscreenElement === null);
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
  // − and + step the zoom (kept in the address), 0 resets it.
  await page.keyboard.press('-');
  await expect(page.getByRole('group', { name: 'Text size' }).textContent()).resolves.toContain('150 %');
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('zoom') === '150');
  await page.keyboard.press('0');
  await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('zoom'));
  await page.goto(`${baseUrl()}?present=1&step=7`);
  await page.locator('.deck .bn-plot .axis text').first().waitFor();
  const tick = await page.locator('.deck .bn-plot .axis text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(tick).toBeGreaterThanOrEqual(20);
  expect(problems).toEqual([]);
});
