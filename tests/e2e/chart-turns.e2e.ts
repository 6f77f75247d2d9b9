import { expect, test } from 'vitest';
import { openAt } from './browser';

/**
 * Charts take turns to draw (app/ui/chartTurns.ts, issue 15): a section going live, or the Recharts code
 * arriving, used to draw three or four charts in one task of 70–100 ms. Each chart now draws in a task of its
 * own: no batch of DOM changes adds two charts, and none is left waiting.
 */
test('every chart draws, one per task: no two charts appear in one batch of DOM changes, none is left waiting', async () => {
  const { page, problems } = await openAt('', {
    live: false,
    viewport: { width: 1280, height: 800 },
    beforeGoto: (p) =>
      void p.addInitScript(() => {
        const w = window as unknown as { __chartBatches: number[] };
        w.__chartBatches = [];
        const count = (n: Node) => (n instanceof Element ? Number(n.matches('.recharts-wrapper')) + n.querySelectorAll('.recharts-wrapper').length : 0);
        new MutationObserver((records) => {
          const added = records.reduce((sum, r) => sum + [...r.addedNodes].reduce((s, n) => s + count(n), 0), 0);
          if (added > 0) w.__chartBatches.push(added);
        }).observe(document, { childList: true, subtree: true });
      }),
  });
  // Down the whole notebook, lab included (its charts are drawn once it nears the screen).
  for (let y = 0; y < 60 && !(await page.evaluate(() => window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2)); y++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(150);
  }
  await page.waitForSelector('#root[data-all-live]', { state: 'attached', timeout: 30_000 });
  await expect.poll(() => page.locator('.chart-turn').count(), { timeout: 10_000 }).toBe(0);
  const batches = await page.evaluate(() => (window as unknown as { __chartBatches: number[] }).__chartBatches);
  expect(batches.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8);
  expect(Math.max(...batches)).toBe(1);
  expect(problems).toEqual([]);
});
