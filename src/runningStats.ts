import { type BatchNorm, type BatchNormMode, batchNormForward, createBatchNorm } from './batchnorm';
import { EngineError, checkInteger } from './errors';
import { column } from './matrix';
import { sampleMiniBatch } from './minibatch';

/**
 * Train mode vs eval mode for one neuron (section 15). During training BN normalizes with the
 * batch's own μ and σ², and keeps exponential moving averages of them (PyTorch's running statistics);
 * in eval mode it uses those averages instead, so one sample's output no longer depends on the batch.
 */

/** Seed offset of the stream of training batches (kept apart from the notebook's shared batch). */
const STREAM = 1000;

export interface RunningStatsTrace {
  /** Each training batch's mean and biased variance σ² (what train mode normalizes with). */
  readonly batchMean: Float64Array;
  readonly batchVar: Float64Array;
  /** The running mean and running (unbiased) variance after each batch. */
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  /** The layer after the last batch: its running statistics are what eval mode uses. */
  readonly bn: BatchNorm;
}

export interface RunningStatsOptions {
  /** Seed of the stream (batch t is drawn with seed + 1000 + t). */
  seed: number;
  /** Batch size m ≥ 2 (training with m = 1 is an error). */
  m: number;
  /** The neuron's true distribution: N(shift, scale²). */
  shift: number;
  scale: number;
  momentum: number;
  eps: number;
  /** Number of training batches fed through the layer. */
  batches: number;
  gamma?: number;
  beta?: number;
}

/**
 * Feeds `batches` mini-batches of one neuron through a fresh BN layer in train mode (PyTorch's
 * start: running mean 0, running variance 1) and records the statistics after each.
 * @throws EngineError for m < 2 (as PyTorch does in train mode) or a bad momentum/ε.
 */
export function runningStatsTrace(o: RunningStatsOptions): RunningStatsTrace {
  checkInteger('number of batches', o.batches, 1);
  const bn = createBatchNorm(1, { eps: o.eps, momentum: o.momentum });
  bn.gamma[0] = o.gamma ?? 1;
  bn.beta[0] = o.beta ?? 0;
  const t = o.batches;
  const trace = { batchMean: new Float64Array(t), batchVar: new Float64Array(t), runningMean: new Float64Array(t), runningVar: new Float64Array(t), bn };
  for (let k = 0; k < t; k++) {
    const f = batchNormForward(bn, column(sampleMiniBatch(o.seed + STREAM + k, o.m, o.shift, o.scale)));
    trace.batchMean[k] = f.mean[0];
    trace.batchVar[k] = f.variance[0];
    trace.runningMean[k] = bn.runningMean[0];
    trace.runningVar[k] = bn.runningVar[0];
  }
  return trace;
}

/** Sample 0's output in one setting, or the engine's refusal (m = 1 in train mode). */
export type SampleOutput = { readonly ok: true; readonly y: number; readonly mean: number; readonly variance: number } | { readonly ok: false; readonly error: string };

/** BN output of sample 0 of `z` [m] in `mode`, with the μ and σ² it was normalized with. Never mutates `bn`. */
export function firstSampleOutput(bn: BatchNorm, z: ArrayLike<number>, mode: BatchNormMode): SampleOutput {
  try {
    const f = batchNormForward(bn, column(z), { mode, updateRunningStats: false });
    return { ok: true, y: f.y.data[0], mean: f.mean[0], variance: f.variance[0] };
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, error: e.message };
    throw e;
  }
}

export interface SampleContexts {
  /** Sample 0 normalized inside its own batch, inside a batch of other companions, and alone (m = 1). */
  readonly inBatch: SampleOutput;
  readonly withOthers: SampleOutput;
  readonly alone: SampleOutput;
}

/**
 * The same sample (z[0]) in three batches: its own, one where the other m − 1 samples are replaced by
 * `others` (length m − 1), and alone. In train mode the three outputs differ (and alone is an error);
 * in eval mode they are the same number.
 */
export function sampleInContexts(bn: BatchNorm, z: ArrayLike<number>, others: ArrayLike<number>, mode: BatchNormMode): SampleContexts {
  const other = Float64Array.from([z[0], ...Array.from(others)]);
  return {
    inBatch: firstSampleOutput(bn, z, mode),
    withOthers: firstSampleOutput(bn, other, mode),
    alone: firstSampleOutput(bn, [z[0]], mode),
  };
}

/**
 * Mean of BN's output over a batch z [m] of one neuron in `mode` (running statistics untouched).
 * Train mode re-centres every batch on β; eval mode applies the training statistics, so a batch from
 * a shifted distribution comes out shifted.
 */
export function outputMean(bn: BatchNorm, z: ArrayLike<number>, mode: BatchNormMode): number {
  const y = batchNormForward(bn, column(z), { mode, updateRunningStats: false }).y.data;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i];
  return s / y.length;
}

/** Seed offset of the stream of batch-mates (kept apart from the training batches). */
const MATES = 5000;

export interface BatchMateSpread {
  /** Sample z₀'s BN output with each draw of batch-mates, length `draws`. */
  readonly outputs: Float64Array;
  readonly mean: number;
  /** Standard deviation (1/draws) and range of the outputs: 0 in eval mode. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/**
 * BN's noise, the regularising effect the notes allude to ("generalize on more data"): the same sample
 * z₀ normalized with `draws` different sets of m − 1 batch-mates, drawn from N(shift, scale²) (batch d
 * with seed + 5000 + d). In train mode its output moves with its batch-mates; in eval mode (running
 * statistics) it is one number. Never mutates `bn`.
 * @throws EngineError for m < 2 in train mode (PyTorch's refusal), draws < 1, or bad shift/scale
 */
export function batchMateSpread(bn: BatchNorm, z0: number, o: { seed: number; m: number; shift: number; scale: number; draws: number; mode: BatchNormMode }): BatchMateSpread {
  checkInteger('number of draws', o.draws, 1);
  checkInteger('batch size m', o.m, 1);
  const outputs = new Float64Array(o.draws);
  const batch = new Float64Array(o.m);
  for (let d = 0; d < o.draws; d++) {
    batch[0] = z0;
    if (o.m > 1) batch.set(sampleMiniBatch(o.seed + MATES + d, o.m - 1, o.shift, o.scale), 1);
    outputs[d] = batchNormForward(bn, column(batch), { mode: o.mode, updateRunningStats: false }).y.data[0];
  }
  let sum = 0, min = Infinity, max = -Infinity;
  for (const y of outputs) {
    sum += y;
    min = Math.min(min, y);
    max = Math.max(max, y);
  }
  // Identical outputs (eval mode) have no spread: not the rounding of their sum.
  if (min === max) return { outputs, mean: min, std: 0, min, max };
  const mean = sum / o.draws;
  let sq = 0;
  for (const y of outputs) sq += (y - mean) ** 2;
  return { outputs, mean, std: Math.sqrt(sq / o.draws), min, max };
}
