import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { drawn, openAt } from './browser';

/** The part beyond the notes in real Chromium: the weight-decay run and its URL, a bad link, and the fold of the lab's network. */

const param = (page: Page, name: string) => page.evaluate((n) => new URL(location.href).searchParams.get(n), name);

/** A number as the page prints it (app/ui/format.ts: 7.2×10⁻¹⁶, −0.5) back to a float. */
function readNumber(text: string): number {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const plain = text.replace(/[⁰-⁹¹²³⁻]/g, (c) => (c === '⁻' ? '-' : String(digits.indexOf(c)))).replace('×10', 'e').replace('−', '-');
  return Number(plain);
}

/** Watches the main thread from now: the longest gap between two animation frames, and tasks of 50 ms or more. */
const watchMainThread = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __long: number[] };
    w.__gaps = [];
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (t: number) => {
      w.__gaps.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

test('weight decay: a link’s settings are read and written back, the run plays and its numbers move, its longest main-thread task printed', async () => {
  const { page, problems } = await openAt('?wd=0.001&wd-lr=0.5&wd-eps=zero&wd-steps=2000&section=weight-decay', { viewport: { width: 1280, height: 720 }, live: false });
  const section = page.locator('section#weight-decay');
  await drawn(page, '#weight-decay');
  await expect(section.getByTestId('wd-value').textContent()).resolves.toBe('0.001');
  await expect(section.getByTestId('wd-lr-value').textContent()).resolves.toBe('0.5');
  await expect(section.getByRole('radio', { name: 'ε = 0 (exact)' }).isChecked()).resolves.toBe(true);
  // It plays by itself once in view: the step and ‖W₁‖ move.
  const progress = section.getByTestId('wd-progress');
  await expect.poll(() => progress.textContent(), { timeout: 20_000 }).toMatch(/^Training… step [1-9]/);
  const first = await section.getByTestId('wd-summary-0').textContent();
  await expect.poll(() => section.getByTestId('wd-summary-0').textContent(), { timeout: 10_000 }).not.toBe(first);
  await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toBe('Trained 2,000 steps.');
  await expect(section.getByTestId('wd-summary-0').textContent()).resolves.toMatch(/grew at every one of the 2,000 steps/);
  await expect(section.getByTestId('wd-dot-verdict').textContent()).resolves.toMatch(/^With ε = 0 the ε part is 0/);
  // The main thread while the run trains (not while the page loads): Reset, Play, to the end again.
  await section.getByRole('button', { name: 'Reset the weight-decay run to step 0' }).click();
  await expect.poll(() => progress.textContent()).toBe('Paused at step 0 of 2,000.');
  await watchMainThread(page);
  await section.getByRole('button', { name: 'Play the weight-decay run' }).click();
  await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toBe('Trained 2,000 steps.');
  const { gaps, long } = await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __long: number[] };
    return { gaps: w.__gaps, long: w.__long };
  });
  console.log(`weight-decay run: longest frame gap ${Math.max(...gaps).toFixed(1)} ms over ${gaps.length} frames; tasks ≥ 50 ms: ${long.map((d) => d.toFixed(0)).join(', ') || 'none'}`);
  // Printed, not asserted: a timed assertion fails on a loaded machine (speed is npm run bench:ui's to prove).
  // A control moved writes the address; the others stay as the link had them.
  const slider = section.getByRole('slider', { name: 'Weight decay λ (compared with 0)' });
  await slider.focus();
  await slider.press('ArrowRight');
  await expect.poll(() => param(page, 'wd')).toBe('0.002');
  expect([await param(page, 'wd-lr'), await param(page, 'wd-eps'), await param(page, 'wd-steps')]).toEqual(['0.5', 'zero', '2000']);
  expect(problems).toEqual([]);
});

test('a bad link (wd=-1, wd-eps=bogus, fold-layer=99): a notice says what was dropped, the section works with what was kept', async () => {
  const { page, problems } = await openAt('?wd=-1&wd-eps=bogus&fold-layer=99&wd-steps=300&section=weight-decay', { viewport: { width: 1280, height: 720 } });
  const notice = page.getByRole('status').filter({ hasText: 'Part of this link was changed or not used' });
  await expect.poll(() => notice.textContent()).toContain('wd=“-1” is below the smallest allowed value; using 0.');
  await expect(notice.textContent()).resolves.toContain('wd-eps=“bogus” is not one of pytorch, zero; using the default, pytorch.');
  await expect(notice.textContent()).resolves.toContain('fold-layer=“99” is above the largest allowed value; using 7.');
  const section = page.locator('section#weight-decay');
  await drawn(page, '#weight-decay');
  await expect(section.getByTestId('wd-value').textContent()).resolves.toBe('0');
  await expect.poll(() => section.getByTestId('wd-progress').textContent(), { timeout: 30_000 }).toBe('Trained 300 steps.');
  // λ = 0 on both sides: the two runs are the same run.
  await expect(section.getByTestId('wd-summary-decay').textContent()).resolves.toContain('1 times plain SGD');
  expect(problems).toEqual([]);
});

test('fold: the lab’s network, trained from the section, folds with max |folded − unfolded| ≤ 1e-12 of its logits', async () => {
  const { page, problems } = await openAt('#fold', { viewport: { width: 1280, height: 720 } });
  const section = page.locator('section#fold');
  const train = section.getByRole('button', { name: 'Train the lab 500 steps and fold' });
  await train.waitFor({ timeout: 30_000 });
  await train.click();
  const error = section.getByTestId('fold-error');
  await expect.poll(() => error.textContent(), { timeout: 30_000 }).toMatch(/within the tolerance 10⁻¹² ✓/);
  const text = (await error.textContent()) ?? '';
  const relative = /which is (.+?) of max/.exec(text)?.[1] ?? '';
  expect(readNumber(relative)).toBeLessThanOrEqual(1e-12);
  await expect.poll(() => section.getByTestId('fold-time').textContent(), { timeout: 20_000 }).toMatch(/µs$/);
  await expect(section.getByTestId('fold-params').textContent()).resolves.toBe('643');
  await expect.poll(() => section.getByTestId('fold-train-mode').textContent()).toMatch(/the folded network's move by 0,/);
  console.log(`fold: ${text} | time ${await section.locator('[data-testid=fold-checks] tr').last().textContent()}`);
  expect(problems).toEqual([]);
});
