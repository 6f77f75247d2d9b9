import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openAt } from './browser';
import { PRESET_BY_ID, type PresetId } from '../../app/lab/model/presets';
import { trainCommand } from '../../app/lab/model/labSettings';
import type { RunReport } from '../../app/lab/model/report';
import { LAB_DEFAULTS } from '../../app/state/slices/lab';
import { main } from '../../scripts/train-cli';

/** The lab, opened at step 0 of the run these query settings give. */
async function openLab(query: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await openAt(`?${query}#lab`, { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 0$/ }).waitFor({ timeout: 20_000 });
  return { page, problems };
}

const lab = (page: Page) => page.locator('#lab');
const untilStep = (page: Page, atLeast: number, timeout = 30_000) =>
  page.waitForFunction((n) => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) >= n, atLeast, { timeout });
/** The step the run bar shows (NaN before it shows one). */
const stepShown = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')));
/**
 * The verdict once the latest test evaluation has reached `step`, and is of the run on screen: its step is
 * no later than the run bar's (the verdict follows the run a task later, so right after a preset it can still
 * speak of the previous run, at a later step).
 */
async function verdictAt(page: Page, step: number): Promise<{ advantage: string; text: string }> {
  const box = page.getByTestId('lab-verdict');
  await page.waitForFunction(
    (n) => {
      const num = (el: Element | null, re: RegExp) => Number(el?.textContent?.match(re)?.[1].replace(/,/g, ''));
      const at = num(document.querySelector('[data-testid="lab-verdict"] .lab-verdict-detail'), /At step ([\d,]+)/);
      return at >= n && at <= num(document.querySelector('[data-testid="lab-step"]'), /Step ([\d,]+)/);
    },
    step,
    { timeout: 20_000 },
  );
  return { advantage: (await box.getAttribute('data-advantage')) ?? '', text: (await box.textContent()) ?? '' };
}

test('the lab opens on three sigmoid layers, and its first few hundred steps show BN ahead, in words computed from the run', async () => {
  const { page, problems } = await openLab('lab-speed=0');
  expect(await lab(page).getByRole('button', { name: 'Three sigmoid layers' }).getAttribute('aria-pressed')).toBe('true');
  await lab(page).getByRole('button', { name: 'Play' }).click();
  await untilStep(page, 300);
  await lab(page).getByRole('button', { name: 'Pause' }).click();
  const v = await verdictAt(page, 300);
  expect(v.advantage).toBe('bn');
  expect(v.text).toMatch(/^In this run, batch norm helps: the network with BN is ahead(, and got there first)?\.At step [\d,]+ the network with BN leads: [\d.]+ % test accuracy with BN, [\d.]+ % without/);
  // No pointer elsewhere when BN is ahead; the captions carry the run's numbers.
  expect(await page.getByText('For a setup where BN’s advantage is large and lasts').count()).toBe(0);
  expect(await page.getByTestId('look-loss').textContent()).toMatch(/^Look for which test curve falls first and lowest\. Test loss now: with BN [\d.]+ \(step [\d,]+\), without [\d.]+/);
  expect(await page.getByTestId('look-drift').textContent()).toMatch(/without BN it went from .*; with BN it went from/);
  expect(await page.getByTestId('look-grad').textContent()).toMatch(/‖∂L\/∂W₁‖ \/ ‖∂L\/∂W₄‖: [\d.×⁻⁰-⁹]+ without BN, [\d.×⁻⁰-⁹]+ with BN\.$/);
  expect(problems).toEqual([]);
  await page.close();
});

/** 2-D presets, the step to look at, and the verdict its sentence promises there (tests/app/lab/model/presets.node.test.ts checks seeds 1–5). */
const CASES: readonly [PresetId, number, string][] = [
  ['sigmoid4', 1000, 'bn'],
  ['relu-lr2', 1000, 'bn'],
  ['clusters', 300, 'level'],
  ['tiny-batch', 1000, 'plain'],
];

test('each 2-D preset loads all its settings, plays, and the verdict on screen is the one its sentence promises; where BN does not help, a preset that shows it is offered', async () => {
  const { page, problems } = await openLab('');
  for (const [id, step, advantage] of CASES) {
    const preset = PRESET_BY_ID[id];
    const button = lab(page).getByTestId(`preset-${id}`);
    const before = await stepShown(page);
    await button.click();
    // The new run starts again from step 0: wait until the run bar shows it, so the previous run's step is not read.
    if (before > 0) await page.waitForFunction((b) => Number(document.querySelector('[data-testid="lab-step"]')?.textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, '')) < b, before, { timeout: 20_000 });
    await lab(page).getByLabel('Speed').selectOption({ label: 'As fast as possible' });
    expect(await button.getAttribute('aria-pressed'), id).toBe('true');
    expect(await button.textContent(), id).toBe(preset.kind === 'helps' ? preset.name : `${preset.name} · ${preset.kind === 'hurts' ? 'BN hurts' : 'BN does not help'}`);
    expect(await lab(page).getByLabel('Activation').inputValue(), id).toBe(preset.settings.labActivation);
    expect(await lab(page).getByLabel('Hidden layers', { exact: true }).inputValue(), id).toBe(String(preset.settings.labDepth));
    await untilStep(page, step);
    await lab(page).getByRole('button', { name: 'Pause' }).click();
    const v = await verdictAt(page, step);
    expect(v.advantage, `${id}: ${v.text}`).toBe(advantage);
    const pointer = page.getByText('For a setup where BN’s advantage is large and lasts');
    expect(await pointer.count(), id).toBe(advantage === 'bn' ? 0 : 1);
  }
  // The pointer loads its preset.
  await lab(page).getByRole('button', { name: 'Four sigmoid layers' }).last().click();
  expect(await lab(page).getByTestId('preset-sigmoid4').getAttribute('aria-pressed')).toBe('true');
  expect(problems).toEqual([]);
  await page.close();
});

test('five seeds: the default run over seeds 1–5 in its Worker, its bands drawn and its verdict counted per seed', async () => {
  const { page, problems } = await openLab('');
  await lab(page).getByRole('button', { name: 'Run 5 seeds' }).click();
  await page.getByTestId('seeds-status').filter({ hasText: /^Done: 10,000 steps\.$/ }).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('seeds-summary').textContent()).toMatch(/^At step 2,000, seed by seed: (on [1-5] of 5 seeds [^;]+(; )?)+\. Test accuracy at the last evaluation: with BN [\d.]+ % to [\d.]+ % \(median [\d.]+ %\); without BN [\d.]+ % to [\d.]+ % \(median [\d.]+ %\)\.$/);
  const chart = page.getByRole('img', { name: /^Test accuracy over training steps, lowest, median and highest over 5 seeds/ });
  const lines = await chart.locator('.lab-lines path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
  expect(lines.filter((d) => d.length > 100)).toHaveLength(6);
  expect(problems).toEqual([]);
  await page.close();
});

test('npm run train prints the same sentences as the page: the default run replayed to step 300 in Chromium, and the lab’s command for 300 steps in Node', async () => {
  const out: string[] = [];
  const args = trainCommand(LAB_DEFAULTS, 300).replace('npm run train -- ', '').split(' ');
  expect(await main(args, (l) => out.push(l), () => undefined)).toBe(0);
  const { report } = JSON.parse(out.at(-1)!) as { report: RunReport };
  const { page, problems } = await openAt('?lab-step=300#lab', { viewport: { width: 1280, height: 800 } });
  await page.getByTestId('lab-step').filter({ hasText: /^Step 300\b/ }).waitFor({ timeout: 30_000 });
  await verdictAt(page, 300);
  const text = async (testId: string, inner = '') => (await page.locator(`[data-testid="${testId}"] ${inner}`.trim()).first().textContent())?.trim();
  expect(await text('lab-verdict', '.lab-verdict-head')).toBe(report.headline);
  expect(await text('lab-verdict', '.lab-verdict-detail')).toBe(`${report.lead} ${report.speed}`);
  await page.waitForFunction(() => /and 291–300/.test(document.querySelector('[data-testid="look-drift"]')?.textContent ?? ''), null, { timeout: 10_000 });
  // Each "what to look for" line follows the replay in its own task (the lab's panels catch up one per task): wait for each.
  await expect.poll(() => text('look-loss')).toBe(report.loss);
  await expect.poll(() => text('look-drift')).toBe(report.drift);
  await expect.poll(() => text('look-grad')).toBe(report.gradients);
  expect(report.advantage).toBe('bn');
  expect(problems).toEqual([]);
  await page.close();
});
