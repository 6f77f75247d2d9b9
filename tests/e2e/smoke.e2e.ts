import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, watchConsole } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the built notebook opens in Chromium with its title, a typeset equation and a live μ', async () => {
  const page = await browser.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl());
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Batch Normalization, live');
  expect(await page.locator('.katex').count()).toBeGreaterThan(0);
  const mean = await page.getByTestId('mean-value').textContent();
  expect(mean).toMatch(/μ = −?\d/);
  expect(problems).toEqual([]);
  await page.close();
});
