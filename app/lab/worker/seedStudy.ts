import type { Split } from '../../../src/datasets';
import { createExperiment } from '../../../src/experiment';
import { type Comparison, type VariantName, stepComparison } from '../../../src/train';
import type { LabRunSettings } from './messages';

/**
 * The lab's comparison repeated over several seeds, so one lucky seed is not taken for evidence.
 * Each seed is exactly the lab's run with that seed (2-D data: the data too; Fashion-MNIST: the
 * weights and the batch order), logged only at its test evaluations. The seeds advance in turns,
 * a few steps at a time, so the bands grow evenly and the study can stop and go on at any point.
 * Pure: no timers, no messages (seedsSession.ts drives it).
 */

/** One seed's test evaluations, per network: steps, accuracies and losses in order. */
export interface SeedCurve {
  readonly seed: number;
  readonly step: number;
  readonly diverged: Readonly<Record<VariantName, number | null>>;
  readonly tests: Readonly<Record<VariantName, { readonly step: number[]; readonly accuracy: number[]; readonly loss: number[] }>>;
}

export interface SeedStudy {
  readonly seeds: readonly number[];
  readonly steps: number;
  readonly testRows: number;
  readonly classes: number;
  readonly hiddenLayers: number;
  readonly runs: readonly Comparison[];
  readonly curves: SeedCurve[];
  /** The seed whose turn it is. */
  turn: number;
}

/** The seeds of a study: the lab's seed and the next `count − 1`. */
export const studySeeds = (seed: number, count: number): number[] => Array.from({ length: count }, (_, i) => seed + i);

/** A study of `settings` over `seeds`, `steps` steps each, at step 0. `data`: the Fashion-MNIST split, if that is the data. */
export function createSeedStudy(settings: LabRunSettings, seeds: readonly number[], steps: number, data?: Split): SeedStudy {
  const experiment = { ...settings.experiment, logEvery: settings.experiment.evalEvery ?? 10 };
  const runs = seeds.map((seed) => createExperiment({ ...experiment, seed }, data).comparison);
  const curves = seeds.map((seed) => ({
    seed, step: 0, diverged: { plain: null, bn: null },
    tests: { plain: { step: [], accuracy: [], loss: [] }, bn: { step: [], accuracy: [], loss: [] } },
  }));
  return { seeds, steps, testRows: runs[0]?.test?.x.rows ?? 0, classes: runs[0]?.train.classes ?? 0, hiddenLayers: runs[0]?.config.hidden.length ?? 0, runs, curves, turn: 0 };
}

/** Every seed has run its steps (a seed where both networks diverged counts as done). */
export const studyDone = (s: SeedStudy): boolean => s.curves.every((c) => c.step >= s.steps);

/** Steps completed over all seeds, and in all. */
export function studyProgress(s: SeedStudy): { completed: number; total: number } {
  return { completed: s.curves.reduce((sum, c) => sum + c.step, 0), total: s.steps * s.seeds.length };
}

/** Advances the seed whose turn it is by up to `steps` steps (one test evaluation's worth is a good turn), then passes the turn. */
export function stepSeedStudy(s: SeedStudy, steps: number): void {
  if (studyDone(s)) return;
  let i = s.turn;
  for (let k = 0; k < s.runs.length && s.curves[i].step >= s.steps; k++) i = (i + 1) % s.runs.length;
  const c = s.runs[i], curve = s.curves[i];
  const chunk = stepComparison(c, Math.min(steps, s.steps - c.step));
  for (const v of ['plain', 'bn'] as const) {
    const t = curve.tests[v];
    for (const m of chunk.logs[v]) {
      if (m.testAccuracy === null || m.testLoss === null) continue;
      t.step.push(m.step);
      t.accuracy.push(m.testAccuracy);
      t.loss.push(m.testLoss);
    }
  }
  const done = chunk.done ? s.steps : c.step;
  s.curves[i] = { ...curve, step: done, diverged: { plain: chunk.diverged.plain?.step ?? null, bn: chunk.diverged.bn?.step ?? null } };
  s.turn = (i + 1) % s.runs.length;
}
