import { batchNormForward, createBatchNorm } from './batchnorm';
import { checkFinite, checkInteger } from './errors';
import { type Matrix, zeros } from './matrix';
import { notesBackward, notesForward, notesNetworkAfter } from './notesNetwork';

/**
 * BN's scale invariance (Ioffe & Szegedy 2015, §3.3): BN(k·W·x) = BN(W·x) for any k > 0, because
 *   (k z − k μ) / √(k² σ² + ε) = (z − μ) / √(σ² + ε/k²).
 * It holds up to ε: well for large k, visibly not when k² σ² comes near ε.
 */

/** max |BN(k·z) − BN(z)| over the batch z [m × n] (train mode, γ = 1, β = 0, the given ε). */
export function scaleInvarianceGap(z: Matrix, k: number, eps: number): number {
  checkFinite('k', k);
  const bn = createBatchNorm(z.cols, { eps });
  const base = batchNormForward(bn, z, { updateRunningStats: false }).y.data.slice();
  const kz = zeros(z.rows, z.cols);
  for (let i = 0; i < kz.data.length; i++) kz.data[i] = k * z.data[i];
  const scaled = batchNormForward(bn, kz, { updateRunningStats: false }).y.data;
  let gap = 0;
  for (let i = 0; i < base.length; i++) gap = Math.max(gap, Math.abs(scaled[i] - base[i]));
  return gap;
}

/** The gap at `points` values of k spaced evenly in log k from kMin to kMax (both > 0). */
export function scaleInvarianceCurve(z: Matrix, eps: number, kMin: number, kMax: number, points: number): { k: Float64Array; gap: Float64Array } {
  checkFinite('smallest k', kMin, Number.MIN_VALUE);
  checkFinite('largest k', kMax, kMin);
  checkInteger('number of points', points, 2);
  const k = new Float64Array(points), gap = new Float64Array(points);
  const a = Math.log10(kMin), b = Math.log10(kMax);
  for (let i = 0; i < points; i++) {
    k[i] = 10 ** (a + ((b - a) * i) / (points - 1));
    gap[i] = scaleInvarianceGap(z, k[i], eps);
  }
  return { k, gap };
}

export interface WeightScaling {
  /** Loss of the notes' network with W₁ as it is, and with W₁ multiplied by k. */
  readonly loss: number;
  readonly lossScaled: number;
  /** ‖∂L/∂W₁‖ in both cases: BN makes the scaled one about 1/k times the other. */
  readonly gradNorm: number;
  readonly gradNormScaled: number;
}

const frobenius = (a: Matrix) => Math.sqrt(a.data.reduce((s, v) => s + v * v, 0));

/**
 * The notes' network after `steps` SGD steps, evaluated as it is and with W₁ scaled by k: the loss
 * does not move (BN absorbs the scale) while the gradient of W₁ shrinks by 1/k, so larger weights
 * take proportionally smaller steps.
 */
export function notesWeightScaling(steps: number, eps: number, k: number): WeightScaling {
  checkFinite('k', k, Number.MIN_VALUE);
  const { net, batch } = notesNetworkAfter(steps, eps);
  const f = notesForward(net, batch);
  const g = notesBackward(net, batch, f);
  const W = net.layer1.W.data;
  for (let i = 0; i < W.length; i++) W[i] *= k;
  const fk = notesForward(net, batch);
  const gk = notesBackward(net, batch, fk);
  return { loss: f.loss, lossScaled: fk.loss, gradNorm: frobenius(g.dW1), gradNormScaled: frobenius(gk.dW1) };
}

/** The ε that BN(k·z) effectively adds to σ²: (k z − k μ)/√(k²σ² + ε) = (z − μ)/√(σ² + ε/k²). */
export function effectiveEps(eps: number, k: number): number {
  checkFinite('k', k, Number.MIN_VALUE);
  return eps / (k * k);
}
