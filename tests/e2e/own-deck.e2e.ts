import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, openAt } from './browser';

/**
 * An instructor's own deck, end to end: built in the editor, its link copied and opened in a fresh
 * browser, presented in its order with its pinned settings and notes; a tampered deck link.
 */
const count = async (page: Page) => /Step \d+ of \d+/.exec((await page.locator('.deck-count').textContent()) ?? '')?.[0];
const title = (page: Page) => page.locator('.deck-title').textContent();
const gamma = (page: Page) => page.getByRole('slider', { name: 'γ (scale)' }).inputValue();

test('a 3-step deck built in the editor: its copied link opens the presentation on those steps, in that order, with the pinned γ and the notes', async () => {
  const { page, problems } = await openAt('?gamma=2', { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1366, height: 768 } });
  await page.getByRole('button', { name: /^Your deck/ }).click();
  const editor = page.getByRole('dialog', { name: 'Your own deck' });
  await editor.getByRole('button', { name: 'Add §3 μ, the batch mean' }).click();
  await editor.getByRole('button', { name: 'Add §11 The forward pass, step by step · Z₁ = W₁X' }).click();
  await editor.getByRole('button', { name: 'Add §7 γ and β: scale and shift' }).click();
  // γ and β second: with the keyboard, from its "Move up" button.
  await editor.getByRole('button', { name: 'Move step 3 up' }).focus();
  await page.keyboard.press('Enter');
  await editor.getByRole('textbox', { name: 'Note for step 2' }).fill('γ = 2: the same shape, stretched. Predict first!');
  await editor.getByRole('button', { name: 'Pin settings to step 2' }).click();
  await expect(editor.getByText('Pinned: gamma 2', { exact: true }).isVisible()).resolves.toBe(true);
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.getByRole('button', { name: /^Close/ }).click();

  // γ back to 1 in the notebook: only the pin brings 2 back.
  await page.evaluate(() => document.getElementById('gamma-beta')?.scrollIntoView());
  await page.getByRole('button', { name: 'Reset to γ = 1, β = 0' }).click();
  await page.getByRole('button', { name: 'Your deck (3)' }).click();
  await editor.getByRole('button', { name: 'Copy the deck’s link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(baseUrl())).toBe(true);
  expect(new URL(link).searchParams.get('deck')).toBe('1~mean~gamma-beta*gamma:2*γ = 2: the same shape, stretched. Predict first!!~forward/2~');
  expect(new URL(link).searchParams.get('gamma')).toBe(null);

  // A class's browser: a fresh context, the link alone.
  const shown = await openAt(link.slice(baseUrl().length), { viewport: { width: 1280, height: 720 } });
  const p = shown.page;
  await p.getByRole('region', { name: 'Presentation' }).waitFor();
  expect([await count(p), await title(p)]).toEqual(['Step 1 of 3', '§3 μ, the batch mean']);
  await p.keyboard.press('ArrowRight');
  await p.getByRole('slider', { name: 'γ (scale)' }).waitFor();
  expect([await count(p), await title(p), await gamma(p)]).toEqual(['Step 2 of 3', '§7 γ and β: scale and shift', '2']);
  await p.getByRole('button', { name: 'Note' }).click();
  await expect(p.getByTestId('deck-note').textContent()).resolves.toBe('Note: γ = 2: the same shape, stretched. Predict first!');
  // The deck, its step and the pinned γ survive a reload; Back and Forward move through the deck.
  await p.waitForFunction(() => new URLSearchParams(window.location.search).get('step') === '2');
  await p.reload();
  await p.getByRole('slider', { name: 'γ (scale)' }).waitFor();
  expect([await count(p), await gamma(p)]).toEqual(['Step 2 of 3', '2']);
  await p.keyboard.press('ArrowRight');
  await expect(title(p)).resolves.toBe('§11 The forward pass, step by step · Z₁ = W₁X');
  expect(await count(p)).toBe('Step 3 of 3');
  await p.waitForFunction(() => new URLSearchParams(window.location.search).get('step') === '3');
  await p.goBack();
  await p.waitForFunction(() => document.querySelector('.deck-count')?.textContent?.startsWith('Step 2 of 3'));
  // Leaving and coming back keeps the deck.
  await p.keyboard.press('Escape');
  await p.getByRole('button', { name: 'Your deck (3)' }).waitFor();
  await p.keyboard.press('p');
  await p.getByRole('region', { name: 'Presentation' }).waitFor();
  expect((await count(p))?.endsWith('of 3')).toBe(true);
  expect([...problems, ...shown.problems]).toEqual([]);
});

test('a tampered deck link opens what it can and the notice says what was dropped', async () => {
  const { page, problems } = await openAt('?present=1&deck=1~mean~nowhere*seed:7~gamma-beta*gamma:abc;zoom:3*ok~', { viewport: { width: 1280, height: 720 } });
  await page.getByRole('region', { name: 'Presentation' }).waitFor();
  expect(await count(page)).toBe('Step 1 of 2');
  const notice = page.getByRole('region', { name: 'Part of this link was changed or not used' });
  await expect(notice.textContent()).resolves.toContain('deck: Deck step 2: “nowhere” is not a step of this notebook; it was left out.');
  await expect(notice.textContent()).resolves.toContain('deck: Deck step 3: gamma=“abc” is not a number; using the default, 1.');
  await expect(notice.textContent()).resolves.toContain('deck: Deck step 3: “zoom” is not a setting a step can pin; it was ignored.');
  // The address is rewritten to what was used.
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('deck') === '1~mean~gamma-beta*.*ok~');
  expect(problems).toEqual([]);
});
