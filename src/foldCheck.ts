import { EngineError, checkFinite } from './errors';
import { type Matrix, zeros } from './matrix';
import type { Model } from './model';
import { type Workspace, createWorkspace, forward } from './modelPass';

/**
 * What a fold (fold.ts) keeps and what it cannot: the largest difference between the folded and the
 * unfolded network's outputs, why there is no fold in train mode (shown on one sample), and the
 * time per prediction of each.
 */

/** Why a trained BN folds only in eval mode, in words. */
export const FOLD_TRAIN_MODE_REASON =
  'In train mode BN normalizes with the mini-batch’s own mean and variance, so one sample’s output depends on the other samples in its batch: no fixed W′ and b′ give that map. The fold uses the running statistics, which are fixed after training, so it reproduces eval mode only.';

export interface FoldError {
  /** max |folded − unfolded| over every logit of every row. */
  readonly maxAbs: number;
  /** The largest |logit| of the unfolded network, and maxAbs / max(1, that): the error relative to the outputs' size. */
  readonly maxLogit: number;
  readonly relative: number;
}

/** Compares the eval-mode logits [n × classes] of `model` and `folded` on x [n × inputs]. Modifies neither model. */
export function foldError(model: Model, folded: Model, x: Matrix): FoldError {
  const a = forward(model, x, createWorkspace(), { mode: 'eval' }).data;
  const b = forward(folded, x, createWorkspace(), { mode: 'eval' }).data;
  let maxAbs = 0, maxLogit = 0;
  for (let i = 0; i < a.length; i++) {
    maxAbs = Math.max(maxAbs, Math.abs(a[i] - b[i]));
    maxLogit = Math.max(maxLogit, Math.abs(a[i]));
  }
  return { maxAbs, maxLogit, relative: maxAbs / Math.max(1, maxLogit) };
}

/** One sample's logits in two batches, by the unfolded network in train mode and by the folded one. */
export interface BatchMateEffect {
  /** The sample's logits [classes] with batch-mates A and with batch-mates B, train mode. */
  readonly trainA: Float64Array;
  readonly trainB: Float64Array;
  /** max |trainA − trainB|: the batch-mates' effect (> 0 whenever the batch statistics differ). */
  readonly trainGap: number;
  /** The same for the folded network: 0, its map has no batch statistics left. */
  readonly foldedA: Float64Array;
  readonly foldedB: Float64Array;
  readonly foldedGap: number;
  /** max |folded − unfolded in eval mode| for the sample: what the fold does reproduce. */
  readonly foldedVsEval: number;
}

/** [sample; mates]: the sample as row 0. */
function withMates(sample: Matrix, mates: Matrix): Matrix {
  const d = sample.cols;
  const out = zeros(1 + mates.rows, d);
  out.data.set(sample.data.subarray(0, d), 0);
  out.data.set(mates.data, d);
  return out;
}

const firstRow = (logits: Matrix): Float64Array => logits.data.slice(0, logits.cols);

function maxGap(a: Float64Array, b: Float64Array): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i] - b[i]));
  return gap;
}

/**
 * Runs one sample [1 × inputs] with batch-mates A [k × inputs] and with batch-mates B, through the
 * unfolded network in train mode (batch statistics; running statistics untouched) and through the
 * folded one. Modifies neither model. @throws EngineError unless sample has one row and mates ≥ 1.
 */
export function batchMateEffect(model: Model, folded: Model, sample: Matrix, matesA: Matrix, matesB: Matrix): BatchMateEffect {
  if (sample.rows !== 1) throw new EngineError('shape', `the sample must be one row, got [${sample.rows} × ${sample.cols}]`);
  if (matesA.rows < 1 || matesB.rows < 1) throw new EngineError('batch-size', 'train mode needs at least one batch-mate for the sample');
  const pass = (m: Model, x: Matrix) => firstRow(forward(m, x, createWorkspace(), { mode: 'train', updateRunningStats: false }));
  const a = withMates(sample, matesA), b = withMates(sample, matesB);
  const trainA = pass(model, a), trainB = pass(model, b);
  const foldedA = pass(folded, a), foldedB = pass(folded, b);
  const evalLogits = firstRow(forward(model, sample, createWorkspace(), { mode: 'eval' }));
  return {
    trainA, trainB, trainGap: maxGap(trainA, trainB),
    foldedA, foldedB, foldedGap: maxGap(foldedA, foldedB),
    foldedVsEval: maxGap(foldedA, evalLogits),
  };
}

export interface PredictionTiming {
  /** Milliseconds per sample (per row of x), averaged over `passes` eval-mode passes over x. */
  readonly msPerSample: number;
  readonly passes: number;
}

/**
 * Times eval-mode passes of `model` over x until `minMs` have passed on the clock `now` (e.g.
 * `() => performance.now()`; the engine reads no clock of its own), after one untimed warm-up pass.
 */
export function timePredictions(model: Model, x: Matrix, now: () => number, minMs = 50, ws: Workspace = createWorkspace()): PredictionTiming {
  checkFinite('minimum time (ms)', minMs, 0);
  forward(model, x, ws, { mode: 'eval' });
  const start = now();
  let passes = 0, elapsed = 0;
  do {
    forward(model, x, ws, { mode: 'eval' });
    passes += 1;
    elapsed = now() - start;
  } while (elapsed < minMs);
  return { msPerSample: elapsed / (passes * x.rows), passes };
}
