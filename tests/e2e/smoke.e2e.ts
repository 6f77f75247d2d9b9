import { expect, test } from 'vitest';
import { openAt } from './browser';

test('the built notebook opens in Chromium with its title, a typeset equation and a live μ', async () => {
  const { page, problems } = await openAt();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Batch Normalization, live');
  // KaTeX is loaded after the first screen's code (app/ui/typeset.ts): the equations are typeset when it arrives.
  await page.locator('.katex').first().waitFor();
  expect(await page.locator('.katex').count()).toBeGreaterThan(0);
  const mean = await page.getByTestId('mean-value').textContent();
  expect(mean).toMatch(/μ = −?\d/);
  expect(problems).toEqual([]);
});
