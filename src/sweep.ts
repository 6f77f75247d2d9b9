import type { Dataset } from './datasets';
import { EngineError, checkFinite, checkInteger } from './errors';
import type { OptimizerOptions } from './optim';
import type { ComparisonOptions } from './comparisonConfig';
import { type Comparison, type Divergence, type VariantName, VARIANTS, createComparison, stepComparison } from './train';

/**
 * A learning-rate sweep: for each learning rate, the with/without-BN comparison (same weights,
 * same batches, see train.ts) runs for `steps` steps, and each variant reports how it ended.
 * Incremental, so a Worker can run it in small chunks (`stepSweep`) and stay responsive.
 */
export interface SweepOptions extends Omit<ComparisonOptions, 'optimizer' | 'logEvery' | 'evalEvery' | 'probeSize'> {
  /** The optimizer; its `lr` is replaced by each learning rate in turn. */
  optimizer?: OptimizerOptions;
  /** Learning rates to try (each finite and > 0), in the order given. */
  learningRates: readonly number[];
  /** Steps per run (≥ 1). */
  steps: number;
}

export interface SweepVariantResult {
  /** Mean mini-batch loss over the last ⌈steps/10⌉ steps; null if the variant diverged. */
  readonly finalLoss: number | null;
  /** Lowest mini-batch loss seen before the end or the divergence (null if none was finite). */
  readonly minLoss: number | null;
  /** Test set in eval mode at the end (null without a test set or after divergence). */
  readonly testLoss: number | null;
  readonly testAccuracy: number | null;
  readonly diverged: Divergence | null;
}

export interface SweepPoint {
  readonly lr: number;
  readonly plain: SweepVariantResult;
  readonly bn: SweepVariantResult;
}

interface Tally {
  sum: number;
  count: number;
  min: number;
}

export interface Sweep {
  readonly options: SweepOptions;
  readonly data: { train: Dataset; test?: Dataset | null };
  /** Finished learning rates, in order. */
  readonly points: SweepPoint[];
  /** The run in progress (null when done). */
  current: Comparison | null;
  readonly tally: Record<VariantName, Tally>;
}

/** `count` learning rates evenly spaced in log scale from `min` to `max` (both included). */
export function logSpace(min: number, max: number, count: number): number[] {
  checkFinite('smallest learning rate', min);
  checkFinite('largest learning rate', max);
  if (!(min > 0 && max >= min)) throw new EngineError('hyperparameter', `need 0 < min ≤ max, got ${min} and ${max}`);
  checkInteger('number of learning rates', count, 1);
  if (count === 1) return [min];
  const a = Math.log10(min), b = Math.log10(max);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : 10 ** (a + ((b - a) * i) / (count - 1))));
}

const emptyTally = (): Tally => ({ sum: 0, count: 0, min: Infinity });

function startRun(sweep: Sweep): void {
  const { options } = sweep;
  const lr = options.learningRates[sweep.points.length];
  const steps = options.steps;
  sweep.current = createComparison(
    { ...options, optimizer: { ...(options.optimizer ?? { name: 'sgd' }), lr }, logEvery: steps, evalEvery: steps, probeSize: 0 },
    sweep.data,
  );
  for (const v of VARIANTS) sweep.tally[v] = emptyTally();
}

/**
 * Validates everything up front (each learning rate, and the comparison settings with the first
 * one) and returns a sweep ready for `stepSweep`.
 */
export function createSweep(options: SweepOptions, data: { train: Dataset; test?: Dataset | null }): Sweep {
  checkInteger('steps per run', options.steps, 1);
  if (!Array.isArray(options.learningRates) || options.learningRates.length === 0) {
    throw new EngineError('config', 'a sweep needs at least one learning rate');
  }
  for (const lr of options.learningRates) {
    checkFinite('learning rate', lr);
    if (!(lr > 0)) throw new EngineError('hyperparameter', `learning rate must be positive, got ${lr}`);
  }
  const sweep: Sweep = { options, data, points: [], current: null, tally: { plain: emptyTally(), bn: emptyTally() } };
  startRun(sweep);
  return sweep;
}

function finish(sweep: Sweep, c: Comparison, lastLog: Record<VariantName, { testLoss: number | null; testAccuracy: number | null } | undefined>): void {
  const result = (v: VariantName): SweepVariantResult => {
    const t = sweep.tally[v], diverged = c.variants[v].diverged;
    return {
      finalLoss: diverged || t.count === 0 ? null : t.sum / t.count,
      minLoss: Number.isFinite(t.min) ? t.min : null,
      testLoss: diverged ? null : (lastLog[v]?.testLoss ?? null),
      testAccuracy: diverged ? null : (lastLog[v]?.testAccuracy ?? null),
      diverged,
    };
  };
  sweep.points.push({ lr: c.config.optimizer.lr, plain: result('plain'), bn: result('bn') });
  sweep.current = null;
  if (sweep.points.length < sweep.options.learningRates.length) startRun(sweep);
}

export interface SweepProgress {
  /** Every learning rate finished. */
  readonly done: boolean;
  /** Steps run so far over all learning rates, and the total. */
  readonly completedSteps: number;
  readonly totalSteps: number;
  readonly points: readonly SweepPoint[];
}

/** Runs up to `budget` comparison steps (across learning rates). Mutates `sweep`. */
export function stepSweep(sweep: Sweep, budget: number): SweepProgress {
  checkInteger('step budget', budget, 0);
  const { steps } = sweep.options;
  const window = Math.ceil(steps / 10);
  for (let b = 0; b < budget && sweep.current; b++) {
    const c: Comparison = sweep.current;
    const r = stepComparison(c, 1);
    for (const v of VARIANTS) {
      const variant = c.variants[v];
      if (variant.diverged && variant.diverged.step < c.step) continue;
      const loss = variant.lastLoss;
      const t = sweep.tally[v];
      if (Number.isFinite(loss)) t.min = Math.min(t.min, loss);
      if (!variant.diverged && c.step > steps - window) {
        t.sum += loss;
        t.count += 1;
      }
    }
    if (c.step >= steps || r.done) finish(sweep, c, { plain: r.logs.plain.at(-1), bn: r.logs.bn.at(-1) });
  }
  const runsDone = sweep.points.length;
  return {
    done: sweep.current === null,
    completedSteps: runsDone * steps + (sweep.current?.step ?? 0),
    totalSteps: sweep.options.learningRates.length * steps,
    points: sweep.points,
  };
}

/** The whole sweep in one call (fine in Node or a Worker; the UI thread should use stepSweep). */
export function runSweep(options: SweepOptions, data: { train: Dataset; test?: Dataset | null }): SweepPoint[] {
  const sweep = createSweep(options, data);
  while (!stepSweep(sweep, 1000).done);
  return sweep.points;
}
