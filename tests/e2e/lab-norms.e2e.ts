import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { downloaded, openAt } from './browser';

/** The lab's choice of normalizations in real Chromium: BN against GroupNorm chosen, trained, named everywhere, in the URL and the CSV. */

const lab = (page: Page) => page.locator('#lab');
const param = (page: Page, name: string) => page.evaluate((n) => new URL(location.href).searchParams.get(n), name);
const untilStep = (page: Page, atLeast: number, timeout: number) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= n, atLeast, { timeout });

test('BN against GroupNorm: chosen in the settings, trained in the Worker; the key, verdict, read-outs, URL, command and CSV name the two networks', async () => {
  const { page, problems } = await openAt('?lab-speed=0#lab', { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 60_000 });
  const first = lab(page).getByRole('combobox', { name: 'First network (dashed): normalization' });
  const second = lab(page).getByRole('combobox', { name: 'Second network (solid): normalization' });
  expect([await first.inputValue(), await second.inputValue()]).toEqual(['none', 'bn']);
  await first.selectOption('bn');
  await second.selectOption('group');
  expect(await lab(page).getByRole('combobox', { name: 'GroupNorm groups' }).inputValue()).toBe('4');
  await expect.poll(() => param(page, 'lab-norms'), { timeout: 10_000 }).toBe('bn,group');
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 60_000 });
  await lab(page).getByRole('button', { name: 'Play' }).click();
  await untilStep(page, 300, 60_000);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  const key = (await lab(page).locator('.lab-sticky').textContent()) ?? '';
  expect(key).toContain('With GroupNorm (solid, blue)');
  expect(key).toContain('With BN (dashed, orange)');
  expect(key).not.toMatch(/Without BN/);
  expect(await page.getByTestId('lab-pair-intro').textContent()).toContain('the first network (dashed) with BN, the second (solid) with GroupNorm');
  const verdict = (await page.getByTestId('lab-verdict').textContent()) ?? '';
  expect(verdict).toMatch(/In this run, (GroupNorm|BN|neither)/);
  expect(verdict).not.toMatch(/batch norm|without BN/);
  const readouts = (await lab(page).locator('table').first().textContent()) ?? '';
  expect(readouts).toContain('With GroupNorm');
  await expect(lab(page).getByRole('img', { name: /Quantiles of unit 1's input in hidden layer 3, with GroupNorm/ }).count()).resolves.toBe(1);
  expect(await page.getByTestId('lab-command').textContent()).toMatch(/--compare bn,group --groups 4$/);
  const [download] = await Promise.all([page.waitForEvent('download'), lab(page).getByRole('button', { name: /Download every logged step/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bn-lab-bn-vs-group-1-step\d+\.csv$/);
  const rows = (await downloaded(download)).toString('utf8').trimEnd().split('\n').slice(1);
  expect([...new Set(rows.map((r) => r.split(',')[1]))]).toEqual(['with_bn', 'with_groupnorm']);
  // A reload opens the same pair at the same step.
  await expect.poll(async () => Number(await param(page, 'lab-step')), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.reload();
  await page.getByTestId('lab-step').filter({ hasText: /^Step [1-9]/ }).waitFor({ timeout: 60_000 });
  expect(await lab(page).getByRole('combobox', { name: 'Second network (solid): normalization' }).inputValue()).toBe('group');
  expect(problems).toEqual([]);
  await page.close();
});

test('a bad link (the same normalization twice, groups of 0): a notice in words, none against BN, a working lab', async () => {
  const { page, problems } = await openAt('?lab-norms=bn,bn&lab-groups=0#lab', { viewport: { width: 1280, height: 800 } });
  const notice = page.getByRole('status').filter({ hasText: 'Part of this link was changed or not used' });
  await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain('lab-norms=“bn,bn” is not two different normalizations');
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 60_000 });
  expect(await lab(page).getByRole('combobox', { name: 'Second network (solid): normalization' }).inputValue()).toBe('bn');
  expect(await lab(page).locator('.lab-sticky').textContent()).toContain('Without BN');
  expect(problems).toEqual([]);
  await page.close();
});

test('the preset “BN vs GroupNorm at a small batch”: Fashion-MNIST in batches of 2, and the verdict computed from the run says GroupNorm is ahead (seed 1)', { timeout: 240_000 }, async () => {
  const { page, problems } = await openAt('#lab', { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 60_000 });
  await lab(page).getByTestId('preset-bn-vs-group').click();
  // A preset plays as soon as it is loaded.
  await expect.poll(() => param(page, 'lab-norms'), { timeout: 10_000 }).toBe('group,bn');
  // Evaluated every 100 steps: a leader is named once it has held for 3 evaluations.
  await untilStep(page, 500, 120_000);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  const verdict = page.getByTestId('lab-verdict');
  // GroupNorm is the first network ('plain'), BN the second.
  expect(await verdict.getAttribute('data-advantage')).toBe('plain');
  expect(await verdict.locator('.lab-verdict-head').textContent()).toMatch(/^In this run, GroupNorm is (far )?ahead/);
  expect(await verdict.textContent()).not.toMatch(/Four sigmoid layers/);
  expect(problems).toEqual([]);
  await page.close();
});
