import { expect, test } from 'vitest';
import { afterFrames, openAt } from './browser';

/** What the page's running change-flash animations highlight: a short description of each element. */
const flashed = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.id === 'change-flash')
      .map((a) => {
        const el = (a.effect as KeyframeEffect).target as Element;
        return `${el.closest('[data-section]')?.getAttribute('data-section') ?? '-'}:${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
      }),
  );

test('after a move, what it changed flashes for a moment (numbers, equations, points); nothing flashes on its own', async () => {
  const { page, problems } = await openAt('?section=mean', { viewport: { width: 1280, height: 800 } });
  const mean = page.locator('[data-section="mean"]');
  await mean.getByTestId('mean-value').waitFor();
  await afterFrames(page, 10);
  // Loading and lazy panels are not the reader's doing.
  await expect(flashed(page)).resolves.toEqual([]);

  // Batch size m, one key: the batch's points move, μ's number and its typeset sum change.
  const m = page.locator('[data-section="batch"]').getByRole('slider', { name: 'Batch size m' });
  await m.focus();
  await m.press('ArrowRight');
  // The focused section answers in the key's own task, the sections near it a task later (app/state/viewportGate.ts): wait for μ's.
  await expect.poll(async () => (await flashed(page)).some((d) => d.startsWith('mean:'))).toBe(true);
  const lit = await flashed(page);
  console.log(`change flash after m → m + 1: ${lit.length} elements, e.g. ${[...new Set(lit)].slice(0, 6).join(', ')}`);
  expect(lit.some((d) => d.startsWith('mean:'))).toBe(true);
  expect(lit.some((d) => /katex|num/.test(d))).toBe(true);
  // The control itself is not flashed.
  expect(lit.some((d) => /slider/.test(d))).toBe(false);

  // It fades: under a second and a half later nothing is flashing.
  await page.waitForTimeout(1500);
  await expect(flashed(page)).resolves.toEqual([]);
  expect(problems).toEqual([]);
});
