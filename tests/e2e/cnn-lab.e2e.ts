import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { downloaded, openAt } from './browser';
import { trainCommand } from '../../app/lab/model/labSettings';
import type { RunReport } from '../../app/lab/model/report';
import { LAB_DEFAULTS } from '../../app/state/slices/lab';
import { main } from '../../scripts/train-cli';

/** The training lab's CNN in real Chromium: a run on Fashion-MNIST, its URL, a bad link, and the fold section folding it. */

const lab = (page: Page) => page.locator('#lab');
const param = (page: Page, name: string) => page.evaluate((n) => new URL(location.href).searchParams.get(n), name);
const untilStep = (page: Page, atLeast: number, timeout: number) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= n, atLeast, { timeout });

/** The longest main-thread task (≥ 50 ms) from now, read later with `longest`. */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __long: number[] }).__long);

/** axe-core's serious and critical findings inside `include` (as tests/e2e/a11y.e2e.ts runs it). */
async function axe(page: Page, include: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
  return page.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null }[] }> } };
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const result = await w.axe.run({ include: [sel] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  }, include);
}

const CNN = 'lab-data=fashion&lab-model=cnn&lab-lr=0.1&lab-init=he&lab-channels=4,8&lab-speed=0';

test('the CNN on Fashion-MNIST: Play trains it in the Worker, the loss, accuracy and per-channel charts draw numbers, the URL keeps the CNN and the train command names it', async () => {
  const { page, problems } = await openAt(`?${CNN}#lab`, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 60_000 });
  expect(await lab(page).getByRole('combobox', { name: 'Network', exact: true }).inputValue()).toBe('cnn');
  expect(await lab(page).getByRole('combobox', { name: 'Channels, block 1' }).inputValue()).toBe('4');
  expect(await lab(page).getByRole('combobox', { name: 'Channels, block 2' }).inputValue()).toBe('8');
  await watchLongTasks(page);
  await lab(page).getByRole('button', { name: 'Play' }).click();
  // The first test evaluation is at step 50.
  await page.waitForFunction(() => /% at step/.test(document.querySelector('[data-testid="test-accuracy-bn"]')?.textContent ?? ''), null, { timeout: 120_000 });
  await untilStep(page, 60, 60_000);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  // What the main thread did while the CNN trained (axe and the download below are not part of it).
  const long = await longTasks(page);
  const accuracy = (await page.getByTestId('test-accuracy-bn').textContent()) ?? '';
  expect(accuracy).toMatch(/^\d+\.\d % at step [\d,]+$/);
  expect(Number(accuracy.match(/^([\d.]+) %/)?.[1])).toBeGreaterThan(10);
  // Loss, accuracy, the per-channel quantiles of both networks and the gradients: drawn lines, finite.
  await expect.poll(async () => (await lab(page).locator('.lab-lines path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))).filter((d) => d.length > 40).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
  const d = await lab(page).locator('.lab-lines path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '').join(' '));
  expect(d).not.toMatch(/NaN|Infinity/);
  await expect(lab(page).getByRole('img', { name: /Quantiles of channel 1's input to ReLU in convolution block 2, with BN/ }).count()).resolves.toBe(1);
  expect(await lab(page).getByRole('radio', { name: '2 (last)' }).isChecked()).toBe(true);
  expect(await page.getByTestId('quantile-prose').textContent()).toContain('output channel 1 of a convolution block');
  expect(await page.getByTestId('lab-command').textContent()).toMatch(/^npm run train -- --model cnn --dataset fashion --channels 4,8 --kernel 3 --init he --optimizer sgd --lr 0.1 --batch 32/);
  expect(await page.getByTestId('mlp-only').count()).toBe(2);
  for (const [name, value] of [['lab-model', 'cnn'], ['lab-channels', '4,8'], ['lab-data', 'fashion']] as const) expect(await param(page, name)).toBe(value);
  // The address takes the paused step once the Worker's status after Pause has arrived.
  await expect.poll(async () => Number(await param(page, 'lab-step')), { timeout: 10_000 }).toBeGreaterThan(0);
  // Every logged step of both networks, with the per-channel probe's columns.
  const [download] = await Promise.all([page.waitForEvent('download'), lab(page).getByRole('button', { name: /Download every logged step/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bn-lab-cnn-1-step\d+\.csv$/);
  const csv = (await downloaded(download)).toString('utf8').trimEnd().split('\n');
  expect(csv[0]).toContain('block2_channel1_q85,grad_norm_W1,grad_norm_W2,grad_norm_W3');
  expect(csv.filter((r) => r.split(',')[1] === 'with_bn').map((r) => Number(r.split(',')[0])).slice(0, 3)).toEqual([10, 20, 30]);
  expect(await axe(page, '#lab')).toEqual([]);
  console.log(`CNN lab: ${accuracy}; main-thread tasks ≥ 50 ms while training: ${long.length}${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''}`);
  expect(problems).toEqual([]);
  await page.close();
});

test('a bad link (a 0-channel conv, a kernel of 40, an unknown model): a notice in words, the CNN at its defaults, a working lab', async () => {
  const { page, problems } = await openAt('?lab-data=fashion&lab-model=cnn&lab-channels=0,16&lab-kernel=40#lab', { viewport: { width: 390, height: 844 } });
  const notice = page.getByRole('status').filter({ hasText: 'Part of this link was changed or not used' });
  await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain('lab-channels=“0,16” is not two channel counts for the CNN');
  await expect(notice.textContent()).resolves.toContain('lab-kernel=“40” is not a kernel side from 1 to 7');
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 60_000 });
  expect(await lab(page).getByRole('combobox', { name: 'Network', exact: true }).inputValue()).toBe('cnn');
  expect(await lab(page).getByRole('combobox', { name: 'Channels, block 1' }).inputValue()).toBe('8');
  expect(await lab(page).getByRole('combobox', { name: 'Kernel', exact: true }).inputValue()).toBe('3');
  await lab(page).getByRole('button', { name: 'Step', exact: true }).click();
  await untilStep(page, 1, 30_000);
  expect(await axe(page, '#lab')).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
});

test('a link at lab-step=30 resumes the CNN there: the Worker replays the run to step 30 and pauses, its curves drawn', async () => {
  const { page, problems } = await openAt(`?${CNN}&lab-step=30#lab`, { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 30\b/ }).waitFor({ timeout: 90_000 });
  await expect(lab(page).getByRole('button', { name: 'Play' }).count()).resolves.toBe(1);
  // Steps 10, 20 and 30 logged: each mini-batch line of the loss and accuracy charts has its three points.
  await page.getByRole('heading', { name: 'Loss and accuracy' }).scrollIntoViewIfNeeded();
  await expect.poll(async () => (await lab(page).locator('.lab-lines path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))).filter((d) => /^M[^M]*[LC]/.test(d)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  expect(await param(page, 'lab-step')).toBe('30');
  expect(problems).toEqual([]);
  await page.close();
});

test('npm run train -- --model cnn prints the same sentences as the page: the CNN replayed to step 200 in Chromium, the lab’s command for 200 steps in Node', async () => {
  const settings = { ...LAB_DEFAULTS, labDataset: 'fashion' as const, labModel: 'cnn' as const, labLr: 0.1, labInit: 'he' as const, labChannels: '4,8' };
  const out: string[] = [];
  expect(await main(trainCommand(settings, 200).replace('npm run train -- ', '').split(' '), (l) => out.push(l), () => undefined)).toBe(0);
  const { report } = JSON.parse(out.at(-1)!) as { report: RunReport };
  const { page, problems } = await openAt(`?${CNN}&lab-step=200#lab`, { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 200\b/ }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => /At step 200/.test(document.querySelector('[data-testid="lab-verdict"] .lab-verdict-detail')?.textContent ?? ''), null, { timeout: 20_000 });
  const text = async (testId: string, inner = '') => (await page.locator(`[data-testid="${testId}"] ${inner}`.trim()).first().textContent())?.trim();
  expect(await text('lab-verdict', '.lab-verdict-head')).toBe(report.headline);
  expect(await text('lab-verdict', '.lab-verdict-detail')).toBe(`${report.lead} ${report.speed ?? ''}`.trim());
  await page.getByRole('heading', { name: 'One channel’s input over training' }).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /and 190–200/.test(document.querySelector('[data-testid="look-drift"]')?.textContent ?? ''), null, { timeout: 20_000 });
  expect(await text('look-drift')).toBe(report.drift);
  expect(report.drift).toContain('the watched channel’s median input');
  expect(await text('look-loss')).toBe(report.loss);
  expect(await text('look-grad')).toBe(report.gradients);
  console.log(`CNN report at step 200: ${report.headline}`);
  expect(problems).toEqual([]);
  await page.close();
});

test('the CNN chosen with 2-D data: the lab says why it trains the MLP, and trains it', async () => {
  const { page, problems } = await openAt('?lab-model=cnn#lab', { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 30_000 });
  await expect(lab(page).getByText('The CNN takes 28 × 28 images: with 2-D data the lab trains the MLP.').count()).resolves.toBe(1);
  expect(await lab(page).getByRole('combobox', { name: 'Activation', exact: true }).inputValue()).toBe('sigmoid');
  expect(await page.getByTestId('lab-command').textContent()).not.toContain('--model cnn');
  expect(problems).toEqual([]);
  await page.close();
});

test('fold: the lab’s CNN, trained from the section, folds each BatchNorm2d into its convolution with max |folded − unfolded| ≤ 1e-12 of its logits', async () => {
  const { page, problems } = await openAt(`?${CNN}#fold`, { viewport: { width: 1280, height: 720 } });
  const section = page.locator('section#fold');
  const train = section.getByRole('button', { name: 'Train the lab 100 steps and fold' });
  await train.waitFor({ timeout: 60_000 });
  await train.click();
  const error = section.getByTestId('fold-error');
  await expect.poll(() => error.textContent(), { timeout: 120_000 }).toMatch(/within the tolerance 10⁻¹² ✓/);
  // conv 1→4 and 4→8 (3 × 3), γ and β → b′, linear 200 → 10: 2,358 parameters with BN, 2,346 folded.
  await expect(section.getByTestId('fold-params').textContent()).resolves.toBe('2,346');
  expect(await section.getByTestId('fold-kernel-before').locator('td').count()).toBe(9);
  expect(await section.getByTestId('fold-kernel-after').textContent()).toMatch(/s₁ = /);
  await expect.poll(() => section.getByTestId('fold-time').textContent(), { timeout: 30_000 }).toMatch(/µs$/);
  await expect.poll(() => section.getByTestId('fold-train-mode').textContent(), { timeout: 30_000 }).toMatch(/the folded network's move by 0,/);
  await expect(section.getByTestId('fold-kept').textContent()).resolves.toContain('puts each BatchNorm2d directly after its convolution, so every one folds');
  await expect(section.getByTestId('fold-status').textContent()).resolves.toContain('at step 100 (the CNN: 2 convolution blocks of 4 and 8 channels, 3 × 3 kernels');
  expect(await axe(page, 'section#fold')).toEqual([]);
  console.log(`CNN fold: ${await error.textContent()} | time ${await section.locator('[data-testid=fold-checks] tr').last().textContent()}`);
  expect(problems).toEqual([]);
  await page.close();
});
