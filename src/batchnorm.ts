import { EngineError, checkFinite } from './errors';
import { type Matrix, assertShape, ensure } from './matrix';

/**
 * Batch normalization over a row-major batch [m × n] (rows are samples), with the semantics of
 * PyTorch's BatchNorm1d and Ioffe & Szegedy (2015), Algorithms 1 and 2.
 *
 *   μ = (1/m) Σ zᵢ        σ² = (1/m) Σ (zᵢ − μ)²  (biased, two-pass)
 *   ẑᵢ = (zᵢ − μ) / √(σ² + ε)        yᵢ = γ ẑᵢ + β
 */
export interface BatchNorm {
  /** Number of features n. */
  readonly features: number;
  /** Scale γ, one per feature (learnable). */
  readonly gamma: Float64Array;
  /** Shift β, one per feature (learnable). */
  readonly beta: Float64Array;
  /** Running mean, used in eval mode. */
  readonly runningMean: Float64Array;
  /** Running (unbiased) variance, used in eval mode. */
  readonly runningVar: Float64Array;
  eps: number;
  momentum: number;
}

export type BatchNormMode = 'train' | 'eval';

export interface BatchNormOptions {
  eps?: number;
  momentum?: number;
}

export const DEFAULT_EPS = 1e-5;
export const DEFAULT_MOMENTUM = 0.1;

/** γ = 1, β = 0, running mean 0, running variance 1 (PyTorch's defaults). */
export function createBatchNorm(features: number, options: BatchNormOptions = {}): BatchNorm {
  if (!Number.isInteger(features) || features < 1) {
    throw new EngineError('config', `batch norm needs at least one feature, got ${features}`);
  }
  const eps = options.eps ?? DEFAULT_EPS;
  const momentum = options.momentum ?? DEFAULT_MOMENTUM;
  checkBatchNormHyperparameters(eps, momentum);
  return {
    features,
    gamma: new Float64Array(features).fill(1),
    beta: new Float64Array(features),
    runningMean: new Float64Array(features),
    runningVar: new Float64Array(features).fill(1),
    eps,
    momentum,
  };
}

export function checkBatchNormHyperparameters(eps: number, momentum: number): void {
  checkFinite('ε (eps)', eps, 0);
  checkFinite('momentum', momentum, 0, 1);
}

/** Everything the forward pass computed, kept for the backward pass and for display. */
export interface BatchNormForward {
  readonly mode: BatchNormMode;
  /** Output Z̃ = γ ẑ + β, [m × n]. */
  readonly y: Matrix;
  /** Normalized input ẑ (the notes' Z_norm), [m × n]. */
  readonly zHat: Matrix;
  /** Statistics used: the batch's in train mode, the running ones in eval mode. */
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** 1 / √(σ² + ε), per feature. */
  readonly invStd: Float64Array;
}

export interface BatchNormForwardOptions {
  mode?: BatchNormMode;
  /** In train mode, update the running statistics (mutates `bn`). Default true, like PyTorch. */
  updateRunningStats?: boolean;
  /** Buffers to reuse across calls (no allocation in a steady-state step). */
  out?: BatchNormForward;
}

/** Per-feature batch mean and biased variance, by two passes (never E[z²] − μ²). */
export function batchStatistics(
  z: Matrix,
  mean: Float64Array = new Float64Array(z.cols),
  variance: Float64Array = new Float64Array(z.cols),
): { mean: Float64Array; variance: Float64Array } {
  if (z.rows < 1) throw new EngineError('batch-size', 'batch statistics need at least one sample');
  columnMoments(z.data, z.rows, z.cols, mean, variance);
  return { mean, variance };
}

// The loops below run column by column (one feature at a time) so that the per-feature numbers
// (μ, 1/√(σ²+ε), γ, β, the running sums) stay in registers: each element then costs one typed-array
// load (plus its stores) instead of four or five, which is what bounds these loops in V8.

/** mean[j] = (1/m) Σᵢ Z[i, j], then variance[j] = (1/m) Σᵢ (Z[i, j] − mean[j])². Z is [m × n]. */
function columnMoments(Z: Float64Array, m: number, n: number, mean: Float64Array, variance: Float64Array): void {
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let r = j; r < m * n; r += n) s += Z[r];
    const mu = s / m;
    let q = 0;
    for (let r = j; r < m * n; r += n) {
      const d = Z[r] - mu;
      q += d * d;
    }
    mean[j] = mu;
    variance[j] = q / m;
  }
}

/** ZH[i, j] = (Z[i, j] − mean[j])·invStd[j] and Y[i, j] = gamma[j]·ZH[i, j] + beta[j]. */
function normalize(
  Z: Float64Array, mean: Float64Array, invStd: Float64Array, gamma: Float64Array, beta: Float64Array,
  ZH: Float64Array, Y: Float64Array, m: number, n: number,
): void {
  for (let j = 0; j < n; j++) {
    const mu = mean[j], inv = invStd[j], g = gamma[j], b = beta[j];
    for (let r = j; r < m * n; r += n) {
      const zh = (Z[r] - mu) * inv;
      ZH[r] = zh;
      Y[r] = g * zh + b;
    }
  }
}

function allocForward(mode: BatchNormMode, m: number, n: number, out?: BatchNormForward): BatchNormForward {
  if (out && out.y.rows === m && out.y.cols === n) {
    // Reuse the record itself (no allocation in a steady-state step); only its mode changes.
    (out as { mode: BatchNormMode }).mode = mode;
    return out;
  }
  return {
    mode,
    y: ensure(undefined, m, n),
    zHat: ensure(undefined, m, n),
    mean: new Float64Array(n),
    variance: new Float64Array(n),
    invStd: new Float64Array(n),
  };
}

/**
 * Forward pass. `z` is [m × n], rows are samples.
 * Train mode uses the batch statistics and (by default) updates the running ones:
 *   running_mean ← (1 − momentum)·running_mean + momentum·μ
 *   running_var  ← (1 − momentum)·running_var  + momentum·σ²·m/(m − 1)
 * Eval mode is the fixed affine map y = γ (z − running_mean)/√(running_var + ε) + β.
 * @throws EngineError when m = 1 in train mode, as PyTorch does.
 */
export function batchNormForward(bn: BatchNorm, z: Matrix, options: BatchNormForwardOptions = {}): BatchNormForward {
  const mode = options.mode ?? 'train';
  const m = z.rows, n = z.cols;
  if (n !== bn.features) {
    throw new EngineError('shape', `batch norm has ${bn.features} features but the input has ${n} columns`);
  }
  const eps = bn.eps, momentum = bn.momentum;
  // The check proper runs only on a bad value: calling it with doubles every pass would box them.
  if (!(typeof eps === 'number' && eps >= 0 && eps < Infinity && typeof momentum === 'number' && momentum >= 0 && momentum <= 1)) {
    checkBatchNormHyperparameters(eps, momentum);
  }
  if (mode === 'train' && m <= 1) {
    throw new EngineError('batch-size', `Expected more than 1 value per channel when training, got input size [${m}, ${n}]`);
  }
  if (m < 1) throw new EngineError('batch-size', 'batch norm needs at least one sample');
  const f = allocForward(mode, m, n, options.out);
  const { mean, variance, invStd } = f;
  if (mode === 'train') {
    columnMoments(z.data, m, n, mean, variance);
    if (options.updateRunningStats ?? true) {
      const mom = bn.momentum, unbias = m / (m - 1);
      for (let j = 0; j < n; j++) {
        bn.runningMean[j] = (1 - mom) * bn.runningMean[j] + mom * mean[j];
        bn.runningVar[j] = (1 - mom) * bn.runningVar[j] + mom * variance[j] * unbias;
      }
    }
  } else {
    mean.set(bn.runningMean);
    variance.set(bn.runningVar);
  }
  for (let j = 0; j < n; j++) invStd[j] = 1 / Math.sqrt(variance[j] + bn.eps);
  normalize(z.data, mean, invStd, bn.gamma, bn.beta, f.zHat.data, f.y.data, m, n);
  return f;
}

export interface BatchNormGrads {
  /** ∂L/∂z, [m × n]. */
  readonly dz: Matrix;
  /** ∂L/∂γ = Σᵢ dyᵢ ẑᵢ, one per feature. */
  readonly dGamma: Float64Array;
  /** ∂L/∂β = Σᵢ dyᵢ, one per feature. */
  readonly dBeta: Float64Array;
}

function allocGrads(m: number, n: number, out?: BatchNormGrads): BatchNormGrads {
  if (out && out.dz.rows === m && out.dz.cols === n) return out;
  return { dz: ensure(undefined, m, n), dGamma: new Float64Array(n), dBeta: new Float64Array(n) };
}

/** dβ = Σ dy and dγ = Σ dy·ẑ, summed over the batch (the sum the notes leave out). */
function paramGrads(fwd: BatchNormForward, dy: Matrix, g: BatchNormGrads): void {
  columnSums(dy.data, fwd.zHat.data, dy.rows, dy.cols, g.dBeta, g.dGamma);
}

/** dBeta[j] = Σᵢ DY[i, j] and dGamma[j] = Σᵢ DY[i, j]·ZH[i, j]. */
function columnSums(DY: Float64Array, ZH: Float64Array, m: number, n: number, dBeta: Float64Array, dGamma: Float64Array): void {
  for (let j = 0; j < n; j++) {
    let sb = 0, sg = 0;
    for (let r = j; r < m * n; r += n) {
      const dy = DY[r];
      sb += dy;
      sg += dy * ZH[r];
    }
    dBeta[j] = sb;
    dGamma[j] = sg;
  }
}

/** DZ[i, j] = (gamma[j]·invStd[j]/m)·(m·DY[i, j] − dBeta[j] − ZH[i, j]·dGamma[j]). */
function exactDz(
  DY: Float64Array, ZH: Float64Array, gamma: Float64Array, invStd: Float64Array,
  dBeta: Float64Array, dGamma: Float64Array, DZ: Float64Array, m: number, n: number,
): void {
  for (let j = 0; j < n; j++) {
    const k = (gamma[j] * invStd[j]) / m, sb = dBeta[j], sg = dGamma[j];
    for (let r = j; r < m * n; r += n) DZ[r] = k * (m * DY[r] - sb - ZH[r] * sg);
  }
}

/** DZ[i, j] = DY[i, j]·gamma[j]·invStd[j]: the backward pass when μ and σ² are constants. */
function constantStatsDz(DY: Float64Array, gamma: Float64Array, invStd: Float64Array, DZ: Float64Array, m: number, n: number): void {
  for (let j = 0; j < n; j++) {
    const k = gamma[j] * invStd[j];
    for (let r = j; r < m * n; r += n) DZ[r] = DY[r] * k;
  }
}

/**
 * The exact backward pass. In train mode μ and σ² depend on every zᵢ, so
 *   dzᵢ = (γ·inv/m) · (m·dyᵢ − Σ dy − ẑᵢ · Σ(dy·ẑ)),   inv = 1/√(σ² + ε).
 * In eval mode the statistics are constants and dz = dy · γ · inv.
 */
export function batchNormBackward(bn: BatchNorm, fwd: BatchNormForward, dy: Matrix, out?: BatchNormGrads): BatchNormGrads {
  const m = fwd.y.rows, n = fwd.y.cols;
  assertShape('∂L/∂y', dy, m, n);
  const g = allocGrads(m, n, out);
  paramGrads(fwd, dy, g);
  if (fwd.mode === 'eval') constantStatsDz(dy.data, bn.gamma, fwd.invStd, g.dz.data, m, n);
  else exactDz(dy.data, fwd.zHat.data, bn.gamma, fwd.invStd, g.dBeta, g.dGamma, g.dz.data, m, n);
  return g;
}

/**
 * The notes' simplified backward, dz = dy · γ / σ (here with σ = √(σ² + ε)). It treats μ and σ²
 * as constants, which is exact only in eval mode; in train mode it is wrong, and the notebook
 * shows by how much. dγ and dβ are the correct batch sums.
 */
export function batchNormBackwardSimplified(
  bn: BatchNorm,
  fwd: BatchNormForward,
  dy: Matrix,
  out?: BatchNormGrads,
): BatchNormGrads {
  const m = fwd.y.rows, n = fwd.y.cols;
  assertShape('∂L/∂y', dy, m, n);
  const g = allocGrads(m, n, out);
  paramGrads(fwd, dy, g);
  constantStatsDz(dy.data, bn.gamma, fwd.invStd, g.dz.data, m, n);
  return g;
}
