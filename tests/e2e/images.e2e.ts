import { expect, test } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { downloaded, drawn, openAt } from './browser';

/** Batch norm for images in real Chromium: the engine's numbers for a link's settings, the drawings, the URL both ways, a bad link, a phone. */

const param = (page: Page, name: string) => page.evaluate((n) => new URL(location.href).searchParams.get(n), name);

/** How many different colours a canvas shows (a blank or one-colour canvas has 1 or 2). */
const colours = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });

test('a link’s settings (2 images, 3 channels, kernel 5, channel 2 with γ 1.5): the engine’s numbers, the block and the maps drawn, the CSV of every channel; a slider writes the address', async () => {
  const { page, problems } = await openAt('?img-n=2&img-c=3&img-k=5&img-ch=2&img-gamma=2:1.5&section=images#images', { viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const section = page.locator('section#images');
  await drawn(page, '#images');
  await section.scrollIntoViewIfNeeded(); // its work starts near the viewport
  const stats = section.getByTestId('img-stats');
  await stats.waitFor({ timeout: 30_000 });
  await expect(section.getByTestId('img-m').textContent()).resolves.toContain('m = n · h · w = 2 · 28 · 28 = 1,568');
  await expect(stats.textContent()).resolves.toMatch(/^μ2 = −?[0-9.]+(×10⁻?[⁰-⁹¹²³]+)?, σ²2 = [0-9.]+/);
  await expect(section.getByTestId('img-gamma-value').textContent()).resolves.toBe('1.5');
  // Mean β = 0 and variance γ²σ²/(σ² + ε) ≈ 2.25 after BN, over channel 2's 1,568 values.
  await expect(section.getByTestId('img-after').textContent()).resolves.toMatch(/variance 2\.2[0-9]+/);
  console.log(`images: ${await stats.textContent()} | ${await section.getByTestId('img-after').textContent()}`);
  const block = section.getByRole('img', { name: /^The block z: n × C × h × w = 2 × 3 × 28 × 28\./ });
  const pair = section.getByRole('img', { name: /^Image 1, channel 2: its feature map before and after batch norm/ });
  expect(await colours(block)).toBeGreaterThan(50);
  expect(await colours(pair)).toBeGreaterThan(50);
  // The block's data: one row per channel, m and the statistics as the page prints them.
  const menu = section.getByRole('button', { name: /^Download: The block z/ });
  await menu.click();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: /^Download CSV of The block z/ }).click()]);
  const csv = (await downloaded(download)).toString('utf8').trim().split('\n');
  expect(csv).toHaveLength(1 + 3);
  expect(csv[2]).toMatch(/^2,1568,/);
  // A control moved writes its row; the others stay as the link had them.
  const n = section.getByRole('slider', { name: 'Images in the batch, n' });
  await n.focus();
  await n.press('ArrowRight');
  await expect.poll(() => param(page, 'img-n')).toBe('3');
  await expect.poll(() => section.getByTestId('img-m').textContent()).toContain('3 · 28 · 28 = 2,352');
  expect([await param(page, 'img-c'), await param(page, 'img-k'), await param(page, 'img-ch'), await param(page, 'img-gamma')]).toEqual(['3', '5', '2', '2:1.5']);
  expect(problems).toEqual([]);
});

test('a bad link (img-c=0, img-k=40, img-n=1): the notice says why and uses the defaults; n = 1 works, with m = 784', async () => {
  const { page, problems } = await openAt('?img-c=0&img-k=40&img-n=1&section=images#images', { viewport: { width: 1280, height: 720 } });
  const notice = page.getByRole('status').filter({ hasText: 'Part of this link was changed or not used' });
  await expect.poll(() => notice.textContent()).toContain('img-c=“0”: a convolution needs at least one output channel; using the default, 4.');
  await expect(notice.textContent()).resolves.toContain('img-k=“40”: a kernel must be at least 1 × 1 and no larger than the 28 × 28 images; using the default, 3.');
  const section = page.locator('section#images');
  await drawn(page, '#images');
  await section.scrollIntoViewIfNeeded(); // its work starts near the viewport
  await section.getByTestId('img-stats').waitFor({ timeout: 30_000 });
  await expect(section.getByTestId('img-c-value').textContent()).resolves.toBe('4');
  await expect(section.getByTestId('img-one').textContent()).resolves.toMatch(/^With n = 1 \(one image\), BatchNorm2d still trains: each channel has m = 1 · 28 · 28 = 784 values/);
  await expect(section.getByRole('img', { name: /^The block z: n × C × h × w = 1 × 4 × 28 × 28\./ }).count()).resolves.toBe(1);
  expect(problems).toEqual([]);
});

test('at 390 px: the page does not scroll sideways, the block of 16 images × 8 channels fits its column', async () => {
  const { page, problems } = await openAt('?img-n=16&img-c=8&section=images#images', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const section = page.locator('section#images');
  await drawn(page, '#images');
  await section.scrollIntoViewIfNeeded(); // its work starts near the viewport
  await section.getByTestId('img-stats').waitFor({ timeout: 30_000 });
  const block = section.getByRole('img', { name: /^The block z: n × C × h × w = 16 × 8 × 28 × 28\./ });
  const [box, page_] = await Promise.all([block.boundingBox(), page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])]);
  expect(page_[0]).toBeLessThanOrEqual(page_[1]);
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 1e9) <= 390).toBe(true);
  console.log(`images at 390 px: block ${box?.width.toFixed(0)} × ${box?.height.toFixed(0)} px`);
  expect(problems).toEqual([]);
});
