import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, watchConsole } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the notebook at the training lab with these query settings, and waits for its run at step 0. */
async function openLab(query: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}?${query}#lab`);
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 20_000 });
  return { page, problems };
}

/** The lab's own region: other sections have buttons with the same names (Reset, …). */
const lab = (page: Page) => page.locator('#lab');
const stepOf = async (page: Page): Promise<number> => Number(((await page.getByTestId('lab-step').textContent()) ?? '').match(/Step ([\d,]+)/)?.[1].replace(/,/g, '') ?? NaN);
const untilStep = (page: Page, atLeast: number, timeout = 20_000) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= n, atLeast, { timeout });

/** Every drawn chart line's path data. */
const paths = (page: Page) => page.locator('#lab .lab-lines path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));

async function downloadCsv(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), lab(page).getByRole('button', { name: /Download every logged step/ }).click()]);
  return readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
}

test('Play trains in the Worker and draws every chart; Pause stops it', async () => {
  const { page, problems } = await openLab('lab-speed=0');
  await lab(page).getByRole('button', { name: 'Play' }).click();
  await untilStep(page, 300);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  await lab(page).getByRole('button', { name: 'Play' }).waitFor();
  // The counter first catches up with the steps the Worker took before the pause reached it (the page
  // shows metrics a few times a second); from then on it must not move.
  await page.waitForTimeout(500);
  const paused = await stepOf(page);
  await page.waitForTimeout(600);
  expect(await stepOf(page)).toBe(paused);
  await page.waitForTimeout(400); // the charts' last redraw
  const d = await paths(page);
  expect(d.length).toBeGreaterThanOrEqual(16);
  expect(d.filter((p) => p.length > 100).length).toBeGreaterThanOrEqual(16);
  expect(d.join(' ')).not.toMatch(/NaN|Infinity/);
  const accuracy = await page.getByTestId('test-accuracy-bn').textContent();
  expect(accuracy).toMatch(/^\d+\.\d % at step [\d,]+$/);
  expect(problems).toEqual([]);
  await page.close();
});

test('Reset replays exactly the same run: the logged steps of two runs are identical, row for row', async () => {
  const { page, problems } = await openLab('lab-speed=300&lab-seed=7&lab-opt=adam&lab-lr=0.01');
  const run = async (): Promise<string[]> => {
    await lab(page).getByRole('button', { name: 'Play' }).click();
    await untilStep(page, 150);
    await lab(page).getByRole('button', { name: 'Pause' }).click();
    await lab(page).getByRole('button', { name: 'Play' }).waitFor();
    return downloadCsv(page);
  };
  const first = await run();
  await lab(page).getByRole('button', { name: 'Reset' }).click();
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor();
  const second = await run();
  const rows = (csv: string[], net: string) => csv.filter((r) => r.split(',')[1] === net);
  for (const net of ['without_bn', 'with_bn']) {
    const a = rows(first, net), b = rows(second, net);
    const n = Math.min(a.length, b.length);
    expect(n).toBeGreaterThanOrEqual(150);
    expect(b.slice(0, n)).toEqual(a.slice(0, n));
  }
  expect(problems).toEqual([]);
  await page.close();
});

test('divergence: tanh at learning rate 3 — the network without BN stops at step 10, said in words; the other trains on', async () => {
  const { page, problems } = await openLab('lab-act=tanh&lab-lr=3&lab-speed=0');
  await lab(page).getByRole('button', { name: 'Play' }).click();
  const notice = page.getByTestId('diverged-plain');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('Without BN diverged at step 10: the training loss 31.6 exceeded 20.');
  await untilStep(page, 200);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  expect(await page.getByTestId('diverged-bn').count()).toBe(0);
  expect(await page.getByTestId('readout-plain').textContent()).toContain('diverged at step 10');
  await page.waitForTimeout(400);
  expect((await paths(page)).join(' ')).not.toMatch(/NaN|Infinity/);
  expect(await page.locator('#lab').textContent()).not.toMatch(/NaN/);
  expect(problems).toEqual([]);
  await page.close();
});

test('the Figure 1 preset loads the Fashion-MNIST subset in the Worker and trains the 784-100-100-100-10 sigmoid networks', async () => {
  const { page, problems } = await openLab('');
  await lab(page).getByRole('button', { name: /Figure 1 of the BN paper/ }).click();
  await untilStep(page, 100, 60_000);
  expect(await lab(page).getByLabel('Dataset').inputValue()).toBe('fashion');
  expect(await lab(page).getByLabel('Activation').inputValue()).toBe('sigmoid');
  await page.getByTestId('test-accuracy-bn').filter({ hasText: /at step 100/ }).waitFor({ timeout: 30_000 });
  const pct = async (v: string) => Number(((await page.getByTestId(`test-accuracy-${v}`).textContent()) ?? '').match(/([\d.]+) %/)?.[1]);
  expect(await pct('bn')).toBeGreaterThan(10);
  expect(await pct('plain')).toBeGreaterThanOrEqual(0);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  expect(await lab(page).getByRole('radio', { name: '3 (last)' }).isChecked()).toBe(true);
  expect(await page.getByText('Fashion-MNIST © Zalando Research, MIT licence').count()).toBe(1);
  expect(await page.url()).toContain('lab-data=fashion');
  expect(problems).toEqual([]);
  await page.close();
});

test('the learning-rate sweep finishes and says which rates each network survived', async () => {
  const { page, problems } = await openLab('lab-lr=0.3');
  await lab(page).getByRole('button', { name: 'Run the sweep' }).click();
  const summary = page.getByTestId('sweep-summary');
  await summary.waitFor({ timeout: 45_000 });
  expect(await summary.textContent()).toMatch(/^Without BN, .*; with BN, .*\.$/);
  const rows = page.locator('.lab-sweep-table tbody tr');
  expect(await rows.count()).toBe(9);
  expect(await rows.allTextContents()).toHaveLength(9);
  expect(await rows.first().locator('th').textContent()).toBe('0.003');
  expect(await rows.nth(4).locator('th').textContent()).toBe('0.3');
  expect(problems).toEqual([]);
  await page.close();
});

test('every settings select shows its whole option text, at 1280 px and on a 390 px phone', async () => {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${baseUrl()}?lab-data=fashion&lab-init=small#lab`);
    await page.locator('#lab .lab-controls select').first().waitFor({ timeout: 20_000 });
    // The widest option (as the select draws it) plus its padding and arrow must fit the select.
    const cut = await page.locator('#lab .lab-controls select').evaluateAll((els) =>
      (els as HTMLSelectElement[]).flatMap((s) => {
        const cs = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        return [...s.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => `${s.labels[0]?.textContent}: “${o.text}”`);
      }),
    );
    expect(cut, `at ${width} px`).toEqual([]);
    await page.close();
  }
});

test('gradient norms spanning many decades (Adam, lr 1): at most 6 y labels, clear of the sideways “norm (log)” title', async () => {
  const { page, problems } = await openLab('lab-opt=adam&lab-lr=1&lab-speed=0');
  await lab(page).getByRole('button', { name: 'Play' }).click();
  await untilStep(page, 2000);
  const pause = lab(page).getByRole('button', { name: 'Pause' });
  if (await pause.count()) await pause.click();
  await page.waitForTimeout(1500);
  const chart = page.getByRole('img', { name: /^Gradient norm of weight layer \d over training/ });
  const boxes = await chart.evaluate((el) => {
    const rect = (e: Element) => e.getBoundingClientRect();
    const ticks = [...el.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => ({ text: t.textContent ?? '', left: rect(t).left, right: rect(t).right }));
    const title = [...el.querySelectorAll('.recharts-label')].find((t) => t.textContent === 'norm (log)');
    return { ticks, titleRight: title ? rect(title).right : NaN };
  });
  expect(boxes.ticks.length).toBeGreaterThanOrEqual(2);
  expect(boxes.ticks.length).toBeLessThanOrEqual(6);
  for (const t of boxes.ticks) expect(t.left, t.text).toBeGreaterThan(boxes.titleRight);
  expect(problems).toEqual([]);
  await page.close();
});
