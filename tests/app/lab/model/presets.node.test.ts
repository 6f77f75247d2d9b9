import { describe, expect, test } from 'vitest';
import { createExperiment, stepComparison } from '../../../../src';
import { experimentSettings } from '../../../../app/lab/model/labSettings';
import { DEFAULT_PRESET, PRESETS, PRESET_BY_ID, type PresetId, presetOf } from '../../../../app/lab/model/presets';
import { appendLogs, createRunSeries, type RunSeries } from '../../../../app/lab/model/series';
import { type Advantage, type Verdict, verdictOf } from '../../../../app/lab/model/verdicts';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';

const SEEDS = [1, 2, 3, 4, 5];
const accuracy = (s: RunSeries, v: 'plain' | 'bn'): number => s[v].testAccuracy[s[v].testN - 1];
/** The mean of the last 5 test evaluations: the measure the verdict prints. */
const mean5 = (s: RunSeries, v: 'plain' | 'bn'): number => {
  const last = Array.from(s[v].testAccuracy.subarray(Math.max(0, s[v].testN - 5), s[v].testN));
  return last.reduce((sum, a) => sum + a, 0) / last.length;
};

/** The preset's run on `seed`, with the page's verdict and both test accuracies at each of `stops`. */
function run(id: PresetId, seed: number, stops: readonly number[]): { step: number; verdict: Verdict; plain: number; bn: number; gap5: number; plainGrads: number[] }[] {
  const settings = { ...PRESET_BY_ID[id].settings, labSeed: seed };
  // Logged every 10 steps instead of every step: the same training and test evaluations (the
  // verdicts use only these), without the per-step quantile probe that would make this test slow.
  const e = createExperiment({ ...experimentSettings(settings), logEvery: 10 });
  const series = createRunSeries(settings.labDepth);
  return stops.map((step) => {
    const chunk = stepComparison(e.comparison, step - e.comparison.step);
    appendLogs(series, chunk.logs);
    const plainGrads = series.plain.gradNorm.map((col) => col[series.plain.n - 1]);
    return { step, verdict: verdictOf(series, chunk.diverged, e.comparison.test?.x.rows ?? 0, e.comparison.train.classes), plain: accuracy(series, 'plain'), bn: accuracy(series, 'bn'), gap5: mean5(series, 'bn') - mean5(series, 'plain'), plainGrads };
  });
}

const advantages = (id: PresetId, step: number): Advantage[] => SEEDS.map((seed) => run(id, seed, [step])[0].verdict.advantage);

describe('each preset shows what its sentence says, on seeds 1–5, by the verdicts the page prints', () => {
  test('the lab opens on the first preset, and every preset is recognised from its settings', () => {
    expect(presetOf(LAB_DEFAULTS)?.id).toBe(DEFAULT_PRESET);
    expect(PRESETS[0].id).toBe(DEFAULT_PRESET);
    for (const p of PRESETS) expect(presetOf({ ...p.settings, labSpeed: 7, labLayer: 1 })?.id).toBe(p.id);
    expect(presetOf({ ...LAB_DEFAULTS, labLr: 0.5 })).toBeNull();
  });

  test('three sigmoid layers: BN ahead at step 100 on every seed, by 26 to 33 points (whole points) of the means of the last 5 evaluations the verdict prints; by step 2,000 the network without BN has caught up', { timeout: 60_000 }, () => {
    const gaps: number[] = [];
    for (const seed of SEEDS) {
      const [early, late] = run('sigmoid3', seed, [100, 2000]);
      expect(early.verdict.advantage).toBe('bn');
      gaps.push(Math.round(100 * early.gap5));
      expect(['bn-first', 'level', 'mixed']).toContain(late.verdict.advantage);
    }
    expect([Math.min(...gaps), Math.max(...gaps)]).toEqual([26, 33]);
    expect(PRESET_BY_ID.sigmoid3.shows).toContain('by 26 to 33 points (mean of the last 5 evaluations');
  });

  test('four sigmoid layers: without BN at chance (≤ 34 %) through step 1,000 on every seed; BN ahead', { timeout: 60_000 }, () => {
    for (const seed of SEEDS) {
      const [at] = run('sigmoid4', seed, [1000]);
      expect(at.plain).toBeLessThanOrEqual(0.34);
      expect(at.verdict.advantage).toBe('bn');
    }
  });

  test('ReLU at learning rate 2: without BN at chance by step 1,000 on every seed, every ‖∂L/∂W‖ exactly 0 (died); BN ahead', { timeout: 60_000 }, () => {
    for (const seed of SEEDS) {
      const [at] = run('relu-lr2', seed, [1000]);
      expect(at.plain).toBeLessThanOrEqual(0.34);
      expect(at.plainGrads).toEqual([0, 0, 0, 0]);
      expect(at.bn).toBeGreaterThan(0.7);
      expect(at.verdict.advantage).toBe('bn');
    }
  });

  test('two clusters (labelled “BN does not help”): level on every seed, early and late', { timeout: 60_000 }, () => {
    expect(PRESET_BY_ID.clusters.kind).toBe('no-help');
    expect(advantages('clusters', 300)).toEqual(SEEDS.map(() => 'level'));
    expect(advantages('clusters', 2000)).toEqual(SEEDS.map(() => 'level'));
  });

  test('batches of 2 (labelled “BN hurts”): the network without BN ahead at step 2,000 on every seed, by at least 25 points', { timeout: 60_000 }, () => {
    expect(PRESET_BY_ID['tiny-batch'].kind).toBe('hurts');
    for (const seed of SEEDS) {
      const [at] = run('tiny-batch', seed, [2000]);
      expect(at.verdict.advantage).toBe('plain');
      expect(at.plain - at.bn).toBeGreaterThanOrEqual(0.25);
    }
  });
});
