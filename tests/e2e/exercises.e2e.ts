import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { batchNormSteps, sampleMiniBatch } from '../../src';
import { fmt } from '../../app/ui/format';
import { afterFrames, drawn, everyBlockDrawn, openAt } from './browser';

const QUERY = '?seed=5&ex=5#mean';
/** The batch the page draws for seed 5 with the default m, shift and scale, by the engine. */
const steps = batchNormSteps(sampleMiniBatch(5, 8, 2, 1.5));

const card = (page: Page, id: string) => page.getByTestId(`exercise-${id}`);

test('exercises in Chromium: a right answer and an m − 1 mistake, progress kept over a reload, the TOC marks it, the seed link repeats the exercise, the μ marker’s start is not μ; the summary shows the batch’s μ and the eval formula', async () => {
  const { page, context, problems } = await openAt(QUERY, { viewport: { width: 1280, height: 800 } });
  const mu = card(page, 'mean-mu');
  await mu.getByRole('textbox', { name: 'Your μ' }).fill(steps.mean.toFixed(4));
  await mu.getByRole('textbox', { name: 'Your μ' }).press('Enter');
  await expect(mu.getByRole('status').textContent()).resolves.toMatch(/^Right: the engine gives/);

  const variance = card(page, 'variance-sigma2');
  await variance.scrollIntoViewIfNeeded();
  await variance.getByRole('textbox').fill(steps.unbiasedVariance.toFixed(4).replace('-', '−'));
  await variance.getByRole('button', { name: 'Check' }).click();
  await expect(variance.getByRole('status').textContent()).resolves.toMatch(/divided by m − 1 = 7: that is the unbiased estimate/);

  // The μ marker does not start at μ: Check without moving it is not right.
  const place = card(page, 'mean-place');
  await place.getByRole('button', { name: 'Check' }).click();
  await expect(place.getByRole('status').textContent()).resolves.toMatch(/^Not yet: too low by/);

  // Section 2's one exercise, by keyboard: the section is then done.
  const over = card(page, 'batch-over');
  await over.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(over.getByRole('status').textContent()).resolves.toMatch(/^Right/);

  await page.reload();
  // The reloaded page shows its pre-rendered outline (no progress) until its code, fetched after the first paint, takes it over.
  await page.waitForSelector('#root[data-taken-over]', { state: 'attached' });
  const toc = page.getByRole('navigation', { name: 'Sections' });
  await expect.poll(() => toc.getByTestId('exercise-progress').textContent()).toMatch(/Exercises: 2 of \d+ answered right/);
  await expect(toc.getByRole('link', { name: /^2\. .*exercises done$/ }).count()).resolves.toBe(1);
  await expect(toc.getByRole('link', { name: /^3\. .*exercises done$/ }).count()).resolves.toBe(0);
  await expect(card(page, 'mean-mu').locator('xpath=..').textContent()).resolves.toContain('counted in your progress');

  // The summary after the last section: the same batch's μ, from the engine.
  const summary = page.getByTestId('summary');
  await summary.scrollIntoViewIfNeeded();
  await expect(summary.textContent()).resolves.toContain(`μ = ${fmt(steps.mean, 4)} (m = 8)`);
  await expect(summary.textContent()).resolves.toContain('eval mode: y = γ·(z − running_mean)/√(running_var + ε) + β');

  // The same link in another browser (its own storage): the same exercise, with nothing done.
  const prompt = await card(page, 'normalize-entry').locator('xpath=..').textContent();
  const other = await openAt(QUERY, { viewport: { width: 390, height: 844 } });
  const again = other.page.getByTestId('exercise-normalize-entry').locator('xpath=..');
  await again.scrollIntoViewIfNeeded();
  await expect(again.textContent()).resolves.toBe(prompt?.replace(' ✓ counted in your progress', ''));
  await expect(other.page.getByTestId('exercise-progress').textContent()).resolves.toMatch(/Exercises: 0 of/);
  expect(await context.pages()).toHaveLength(1);
  expect(problems).toEqual([]);
  expect(other.problems).toEqual([]);
});

test('the μ marker is dragged on its axis with the mouse (the slider under it follows)', async () => {
  const { page, problems } = await openAt(QUERY, { viewport: { width: 1280, height: 800 } });
  // Every section drawn (parts draw one per task) and every block (drawn in idle time), so the axis does not move between its box and the drag.
  await drawn(page);
  await everyBlockDrawn(page);
  const place = card(page, 'mean-place');
  const axis = place.locator('svg.exercise-axis');
  await axis.scrollIntoViewIfNeeded();
  await afterFrames(page, 3);
  const box = (await axis.boundingBox())!;
  const slider = place.getByRole('slider');
  const before = Number(await slider.inputValue());
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = Number(await slider.inputValue());
  const [lo, hi] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
  // 80 % along the drawn axis (which runs from 10 to 290 of its 300 units).
  expect(after).toBeGreaterThan(before);
  expect(Math.abs(after - (lo + ((0.8 * 300 - 10) / 280) * (hi - lo)))).toBeLessThan((hi - lo) / 50);
  expect(problems).toEqual([]);
});
