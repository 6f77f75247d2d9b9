import { expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { downloaded, drawn, openAt } from './browser';

/** One idea, four axes in real Chromium: a link's choice, the set drawn, the consequences' numbers and CSV, the URL both ways, a bad link, a phone. */

const param = (page: Page, name: string) => page.evaluate((n) => new URL(location.href).searchParams.get(n), name);

test('a link (GroupNorm, G = 4, channel 3): the set and its μ, σ²; replacing a sample moves BN only; the CSV; a slider writes the address', async () => {
  const { page, problems } = await openAt('?fam-norm=group&fam-groups=4&fam-ch=3&section=norm-family#norm-family', { viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const section = page.locator('section#norm-family');
  await drawn(page, '#norm-family');
  await section.scrollIntoViewIfNeeded(); // its work starts near the viewport
  const stats = section.getByTestId('fam-stats');
  await stats.waitFor({ timeout: 30_000 });
  await expect(stats.textContent()).resolves.toMatch(/^GroupNorm: μ = −?[0-9.]+, σ² = [0-9.]+, over 1,568 values/);
  await expect(section.getByRole('img', { name: /group 2 of 4 \(channels 3–4\): C\/G = 2 channels × all positions$/ }).count()).resolves.toBe(1);
  const swap = await section.getByTestId('fam-swap').textContent();
  expect(swap).toMatch(/BatchNorm [0-9.]+, LayerNorm 0 \(exactly\), InstanceNorm 0 \(exactly\), GroupNorm \(G = 4\) 0 \(exactly\) \(BatchNorm in train mode, /);
  console.log(`norm-family: ${await stats.textContent()} | ${swap}`);
  await section.getByRole('button', { name: /^Download: The block z/ }).click();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /^Download CSV of The block z/ }).click()]);
  const csv = (await downloaded(download)).toString('utf8').trim().split('\n');
  expect(csv).toHaveLength(1 + 4);
  expect(csv[2]).toMatch(/^LayerNorm,0,0\r?$/);
  const groups = section.getByRole('slider', { name: "GroupNorm's groups G" });
  await groups.focus();
  await groups.press('ArrowLeft');
  await expect.poll(() => param(page, 'fam-groups')).toBe('3');
  await expect.poll(() => stats.textContent()).toContain('num_channels must be divisible by num_groups (num_channels=8, num_groups=3)');
  expect([await param(page, 'fam-norm'), await param(page, 'fam-ch')]).toEqual(['group', '3']);
  expect(problems).toEqual([]);
});

test('a bad link (fam-norm=batch, fam-groups=0): the notice says so and the defaults are used', async () => {
  const { page, problems } = await openAt('?fam-norm=batch&fam-groups=0&section=norm-family#norm-family', { viewport: { width: 1280, height: 720 } });
  const notice = page.getByRole('status').filter({ hasText: 'Part of this link was changed or not used' });
  await expect.poll(() => notice.textContent()).toContain('fam-groups=“0”: GroupNorm needs at least one group; using the default, 2.');
  await expect(notice.textContent()).resolves.toContain('fam-norm=“batch”');
  const section = page.locator('section#norm-family');
  await drawn(page, '#norm-family');
  await section.scrollIntoViewIfNeeded();
  await expect.poll(() => section.getByTestId('fam-stats').textContent(), { timeout: 30_000 }).toMatch(/^BatchNorm: μ = /);
  expect(problems).toEqual([]);
});

test('at 390 px: the page does not scroll sideways and the block fits its column', async () => {
  const { page, problems } = await openAt('?section=norm-family#norm-family', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const section = page.locator('section#norm-family');
  await drawn(page, '#norm-family');
  await section.scrollIntoViewIfNeeded();
  await section.getByTestId('fam-stats').waitFor({ timeout: 30_000 });
  const block = section.getByRole('img', { name: /^The block z: n × c × h × w = 4 × 8 × 28 × 28\./ });
  const [box, widths] = await Promise.all([block.boundingBox(), page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 1e9) <= 390).toBe(true);
  expect(problems).toEqual([]);
});
