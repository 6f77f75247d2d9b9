import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { batchStatistics, column, summarize } from '../../src';
import { fmt } from '../../app/ui/format';
import { afterFrames, drawn, openAt, showScheme } from './browser';

const SECTION_IDS = ['batch', 'mean', 'centering', 'variance', 'normalize', 'gamma-beta', 'identity', 'bias', 'placement'];


const section = (page: Page, id: string) => page.locator(`section#${id}`);

/** Presses a key n times on a control, focused first. */
async function press(control: Locator, key: string, times = 1) {
  await control.focus();
  for (let i = 0; i < times; i++) await control.press(key);
}

/** A number as the page prints it ("−2.2×10⁻¹⁶", "10⁻⁵", "0.5") read back. */
function parseShown(text: string | null): number {
  const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const t = (text ?? '').trim().replace(/−/g, '-');
  const m = /^(-?)(?:([\d.]+)×)?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (!m) return Number(t);
  const exp = Number([...m[3]].map((c) => (c === '⁻' ? '-' : String(SUP.indexOf(c)))).join(''));
  return (m[1] === '-' ? -1 : 1) * Number(m[2] ?? 1) * 10 ** exp;
}

/** The batch, read from a section's points' aria-valuenow (full precision): section 2's by default. */
async function pagePoints(page: Page, id = 'batch'): Promise<number[]> {
  return section(page, id)
    .getByRole('slider', { name: /^Sample \d+/ })
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('aria-valuenow'))));
}

/** μ as the engine computes it from the page's batch, formatted like the page. */
async function engineMean(page: Page): Promise<string> {
  return fmt(batchStatistics(column(await pagePoints(page))).mean[0], 4);
}

test('sections 2–10 in Chromium at 1280×720: every control moves, numbers follow the engine, no console problems', async () => {
  const { page, problems } = await openAt('', { viewport: { width: 1280, height: 720 } });
  for (const id of SECTION_IDS) await expect(section(page, id).getByRole('heading', { level: 2 }).count()).resolves.toBe(1);

  // 2 — sliders by keyboard, the seed field, the new-batch button.
  const batch = section(page, 'batch');
  await press(batch.getByRole('slider', { name: 'Batch size m' }), 'ArrowRight', 2);
  await expect(pagePoints(page)).resolves.toHaveLength(10);
  await press(batch.getByRole('slider', { name: 'Shift' }), 'ArrowLeft', 5);
  await press(batch.getByRole('slider', { name: 'Scale' }), 'ArrowRight', 4);
  await batch.getByLabel('Seed').fill('7');
  await batch.getByRole('button', { name: 'Draw a new batch' }).click();
  await expect(batch.getByLabel('Seed').inputValue()).resolves.toBe('8');
  await expect.poll(() => section(page, 'mean').getByTestId('mean-value').textContent()).toContain(`μ = ${await engineMean(page)}`);

  // 2 — drag a point with the mouse: it lands under the pointer and μ follows.
  const point = batch.getByRole('slider', { name: /^Sample 1 / });
  await point.scrollIntoViewIfNeeded();
  const box = (await point.boundingBox())!;
  const before = (await pagePoints(page))[0];
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 6 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await pagePoints(page))[0]).toBeGreaterThan(before + 0.1);
  await expect.poll(() => section(page, 'mean').getByTestId('mean-value').textContent()).toContain(`μ = ${await engineMean(page)}`);

  // 2 — a keyboard move of a point: three steps of +0.1.
  const second = batch.getByRole('slider', { name: /^Sample 2 / });
  const v2 = (await pagePoints(page))[1];
  await press(second, 'ArrowRight', 3);
  expect(Math.abs((await pagePoints(page))[1] - (v2 + 0.3))).toBeLessThan(0.0051 * 2);
  await expect(second.getAttribute('aria-valuetext')).resolves.toBe(`z₂ = ${fmt((await pagePoints(page))[1], 2)}`);

  // 3 and 5 — their points move too, and σ² is the engine's.
  await press(section(page, 'mean').getByRole('slider', { name: /^Sample 3 / }), 'PageDown');
  await press(section(page, 'variance').getByRole('slider', { name: /^Sample 4 / }), 'PageUp', 2);
  // Read where the keys were pressed: only the section holding the focus follows in the key's own task.
  const z = await pagePoints(page, 'variance');
  await expect.poll(() => section(page, 'variance').getByTestId('variance-value').textContent()).toBe(fmt(batchStatistics(column(z)).variance[0], 4));
  await expect.poll(() => section(page, 'centering').getByTestId('centering-std').textContent()).toContain(fmt(summarize(z).std, 4));

  // 5 — the offset slider: one-pass float32 breaks, the table says so.
  const variance = section(page, 'variance');
  await press(variance.getByRole('slider', { name: 'Offset added to every zᵢ' }), 'ArrowRight', 1);
  await expect.poll(() => variance.getByTestId('offset-value').textContent()).toBe('10⁵');
  await expect.poll(() => variance.getByTestId('onepass-table').getByRole('row').nth(1).textContent()).toMatch(/float32, one pass/);

  // 6 — ε to 0, collapse the batch: 0/0 explained in words, never NaN; then back.
  const normalize = section(page, 'normalize');
  await press(normalize.getByRole('slider', { name: 'ε (log scale)' }), 'Home');
  await expect.poll(() => normalize.getByTestId('eps-value').textContent()).toBe('0');
  await normalize.getByRole('button', { name: 'Put every point on one value (σ² = 0)' }).click();
  await expect.poll(() => normalize.getByTestId('normalize-status').textContent()).toContain('Zₙₒᵣₘ is undefined: 0 divided by 0');
  expect(await page.locator('main').textContent()).not.toMatch(/NaN/);
  await press(normalize.getByRole('slider', { name: 'ε (log scale)' }), 'End');
  await expect.poll(() => normalize.getByTestId('normalize-status').textContent()).toContain('No spread');
  await normalize.getByRole('button', { name: 'Put the points back' }).click();
  await normalize.getByRole('button', { name: /PyTorch/ }).click();

  // 7 — γ and β sliders: output mean = β.
  const gb = section(page, 'gamma-beta');
  await press(gb.getByRole('slider', { name: 'γ (scale)' }), 'ArrowRight', 10);
  await press(gb.getByRole('slider', { name: 'β (shift)' }), 'ArrowLeft', 14);
  await expect(gb.getByRole('slider', { name: 'β (shift)' }).inputValue()).resolves.toBe('-0.7');
  await expect.poll(() => gb.getByTestId('out-mean').textContent()).toBe('−0.7');

  // 8 — the identity undo: max |Z̃ − Z| at machine precision, computed by the engine.
  const identity = section(page, 'identity');
  await identity.getByRole('button', { name: /Undo batch norm/ }).click();
  const maxDev = parseShown(await identity.getByTestId('identity-max').textContent());
  expect(maxDev).toBeGreaterThanOrEqual(0);
  expect(maxDev).toBeLessThan(1e-14);
  await identity.getByRole('button', { name: 'Back to γ = 1, β = 0' }).click();

  // 9 — the bias slider: ∂L/∂b stays at rounding level.
  const bias = section(page, 'bias');
  await press(bias.getByRole('slider', { name: 'Bias b' }), 'End');
  await expect.poll(() => bias.getByTestId('bias-value').textContent()).toBe('10');
  expect(Math.abs(parseShown(await bias.getByTestId('bias-grad').textContent()))).toBeLessThan(1e-12);
  expect(Math.abs(parseShown(await bias.getByTestId('bias-grad-nobn').textContent()))).toBeGreaterThan(0.1);

  // 10 — the placement toggle, by mouse.
  const placement = section(page, 'placement');
  await placement.getByRole('radio', { name: 'ReLU → BN' }).click();
  await expect(placement.getByRole('radio', { name: 'ReLU → BN' }).isChecked()).resolves.toBe(true);
  await expect.poll(() => placement.getByTestId('placement-story').textContent()).toContain('ReLU first');

  expect(problems).toEqual([]);
});

test('a point follows a finger\'s whole drag (phone, 390×844, Chromium touch events through the input pipeline)', async () => {
  const { page, context: ctx, problems } = await openAt('', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  // Sample 2 (an inner point, so the axis keeps its range while it moves), dragged 80 px to the right.
  const point = section(page, 'batch').getByRole('slider', { name: /^Sample 2 / });
  // The page has settled (every chart drawn, nothing above the point still growing) before the finger lands where the point is.
  await drawn(page);
  await point.scrollIntoViewIfNeeded();
  await expect.poll(() => point.evaluate((el) => new Promise((done) => {
    const y = el.getBoundingClientRect().y;
    requestAnimationFrame(() => requestAnimationFrame(() => done(el.getBoundingClientRect().y === y && y > 0 && y < innerHeight)));
  }))).toBe(true);
  const before = (await pagePoints(page))[1];
  // Pixels per unit from the axis's first two tick labels.
  const ticks = await point.evaluate((el) =>
    [...(el.closest('svg')?.querySelectorAll('.axis text') ?? [])].slice(0, 2).map((t) => ({ v: Number(t.textContent?.replace('−', '-')), x: t.getBoundingClientRect().x + t.getBoundingClientRect().width / 2 })),
  );
  const pxPerUnit = (ticks[1].x - ticks[0].x) / (ticks[1].v - ticks[0].v);
  expect(pxPerUnit).toBeGreaterThan(10);
  const box = (await point.locator('.dot-mark').boundingBox())!;
  const cdp = await ctx.newCDPSession(page);
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  // In 20 moves, slightly off the horizontal: the point follows the whole way (the browser must not
  // take the gesture over as a pan after the first few pixels, as it did with touch-action on the <g> only).
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let d = 4; d <= 80; d += 4) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + d, y: y + d / 10 }] });
    await afterFrames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => (await pagePoints(page))[1]).toBeGreaterThan(before + (0.8 * 80) / pxPerUnit);
  expect(problems).toEqual([]);
});

test('axe finds no accessibility violations in sections 2–10 (light and dark)', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // One page load, the colour scheme switched between the two runs.
  const { page } = await openAt('', { viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  // The sections live and drawn (not a picture between two of their parts' turns).
  await page.mouse.move(1, 1);
  await page.waitForSelector('#root[data-all-live]', { state: 'attached', timeout: 30_000 });
  await drawn(page);
  await page.addScriptTag({ content: axeSource });
  for (const colorScheme of ['light', 'dark'] as const) {
    await showScheme(page, colorScheme);
    const violations = await page.evaluate(async (ids) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run({ include: ids.map((id) => [`section#${id}`]) }, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }, SECTION_IDS);
    expect(violations, colorScheme).toEqual([]);
  }
});
