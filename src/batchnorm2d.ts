import {
  type BatchNorm,
  type BatchNormForward,
  type BatchNormForwardOptions,
  type BatchNormGrads,
  type BatchNormMode,
  type BatchNormOptions,
  batchNormBackward,
  batchNormForward,
  createBatchNorm,
} from './batchnorm';
import { EngineError } from './errors';
import { type Matrix, ensure } from './matrix';
import { type Tensor4, assertShape4, ensure4, formatShape, sameShape4 } from './tensor4';

/**
 * BatchNorm2d (PyTorch's nn.BatchNorm2d): batch normalization of images x [n, C, H, W] per channel,
 * with one μ_c, σ²_c over the N = n·H·W values of channel c (every sample, every pixel):
 *
 *   μ_c = (1/N) Σ x[·, c, ·, ·]    σ²_c = (1/N) Σ (x − μ_c)²    y = γ_c (x − μ_c)/√(σ²_c + ε) + β_c
 *
 * This is exactly BatchNorm1d (./batchnorm.ts) of the [N × C] matrix whose rows are the pixels
 * (sample i, position q) and whose columns are the channels: so the equations are not written again;
 * the tensor is laid out as that matrix (NCHW → [n·H·W × C]), normalized by batchNormForward, and laid
 * back. That gives, with nothing new to get wrong: the running variance unbiased with N/(N − 1) =
 * n·H·W/(n·H·W − 1); eval mode; and the exact backward dx, dγ, dβ of batchNormBackward.
 * Training with n = 1 works when H·W > 1; only N = 1 is refused, as in PyTorch.
 */
export type BatchNorm2d = BatchNorm;

/** γ = 1, β = 0, running mean 0, running variance 1, one per channel (PyTorch's defaults). */
export function createBatchNorm2d(channels: number, options: BatchNormOptions = {}): BatchNorm2d {
  return createBatchNorm(channels, options);
}

/** The forward record, reused across calls of the same shape. */
export interface BatchNorm2dForward {
  /** Output [n, C, H, W]. */
  readonly y: Tensor4;
  /** The input as pixels × channels, [n·H·W × C]. */
  readonly rows: Matrix;
  /** BatchNorm1d's record of `rows`: ẑ [n·H·W × C], and μ, σ², 1/√(σ² + ε) per channel. */
  readonly bn: BatchNormForward;
  /** Backward scratch: dy as pixels × channels, and BatchNorm1d's gradients. */
  readonly dyRows: Matrix;
  grads: BatchNormGrads | null;
}

/** Rows[(i·P + q)·C + c] = X[(i·C + c)·P + q]: NCHW → [n·P × C], P = H·W. */
function toRows(X: Float64Array, n: number, C: number, P: number, Rows: Float64Array): void {
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < C; c++) {
      const src = (i * C + c) * P;
      for (let q = 0, dst = i * P * C + c; q < P; q++, dst += C) Rows[dst] = X[src + q];
    }
  }
}

/** The inverse of toRows. */
function fromRows(Rows: Float64Array, n: number, C: number, P: number, X: Float64Array): void {
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < C; c++) {
      const dst = (i * C + c) * P;
      for (let q = 0, src = i * P * C + c; q < P; q++, src += C) X[dst + q] = Rows[src];
    }
  }
}

/** Reused for every call (batchNormForward keeps no reference to it): no allocation per pass. */
const scratch: BatchNormForwardOptions = {};

/**
 * Forward pass; x is [n, C, H, W]. Train mode (default) uses the batch's per-channel statistics and,
 * unless `updateRunningStats` is false, updates the running ones (mutates `bn`); eval mode uses the
 * running ones. Writes into `out` when it has the shapes.
 * @throws EngineError when n·H·W = 1 in train mode, with PyTorch's message, or on a channel mismatch.
 */
export function batchNorm2dForward(
  bn: BatchNorm2d, x: Tensor4, mode: BatchNormMode = 'train', updateRunningStats = true, out?: BatchNorm2dForward,
): BatchNorm2dForward {
  const n = x.shape[0], C = x.shape[1], P = x.shape[2] * x.shape[3], N = n * P;
  if (C !== bn.features) {
    throw new EngineError('shape', `BatchNorm2d has ${bn.features} channels but the input ${formatShape(x.shape)} has ${C}`);
  }
  if (mode === 'train' && N <= 1) {
    throw new EngineError('batch-size', `Expected more than 1 value per channel when training, got input size ${formatShape(x.shape)}`);
  }
  const fits = out !== undefined && sameShape4(out.y.shape, x.shape);
  const rows = fits ? out.rows : ensure(undefined, N, C);
  toRows(x.data, n, C, P, rows.data);
  scratch.mode = mode;
  scratch.updateRunningStats = updateRunningStats;
  scratch.out = fits ? out.bn : undefined;
  const rec = batchNormForward(bn, rows, scratch);
  scratch.out = undefined;
  const f = fits ? out : { y: ensure4(undefined, x.shape), rows, bn: rec, dyRows: ensure(undefined, N, C), grads: null };
  fromRows(rec.y.data, n, C, P, f.y.data);
  return f;
}

export interface BatchNorm2dGrads {
  /** ∂L/∂x, [n, C, H, W]. */
  readonly dx: Tensor4;
  /** ∂L/∂γ = Σ dy·ẑ and ∂L/∂β = Σ dy over n, H, W; one per channel. */
  readonly dGamma: Float64Array;
  readonly dBeta: Float64Array;
}

/**
 * The exact backward pass through the last `batchNorm2dForward` (in its mode): in train mode, with
 * N = n·H·W and inv = 1/√(σ²_c + ε), dx = (γ_c·inv/N)(N·dy − Σ dy − ẑ Σ dy·ẑ), sums over channel c.
 * Writes into `out`'s buffers when their shapes fit (dγ and dβ may be the model's own).
 */
export function batchNorm2dBackward(bn: BatchNorm2d, fwd: BatchNorm2dForward, dy: Tensor4, out?: BatchNorm2dGrads): BatchNorm2dGrads {
  assertShape4('∂L/∂y', dy, fwd.y.shape);
  const n = dy.shape[0], C = dy.shape[1], P = dy.shape[2] * dy.shape[3];
  toRows(dy.data, n, C, P, fwd.dyRows.data);
  const dGamma = out && out.dGamma.length === C ? out.dGamma : new Float64Array(C);
  const dBeta = out && out.dBeta.length === C ? out.dBeta : new Float64Array(C);
  let g = fwd.grads;
  if (!g || g.dGamma !== dGamma || g.dBeta !== dBeta) g = fwd.grads = { dz: ensure(g?.dz, n * P, C), dGamma, dBeta };
  batchNormBackward(bn, fwd.bn, fwd.dyRows, g);
  const dx = ensure4(out?.dx, dy.shape);
  fromRows(g.dz.data, n, C, P, dx.data);
  if (out && out.dx === dx && out.dGamma === dGamma && out.dBeta === dBeta) return out;
  return { dx, dGamma, dBeta };
}
