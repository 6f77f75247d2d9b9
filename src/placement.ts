import { type ActivationName, activationForward } from './activations';
import { batchNormForward, createBatchNorm, DEFAULT_EPS } from './batchnorm';
import { EngineError, checkInteger } from './errors';
import { createLinear, linearForward } from './linear';
import { type Matrix, zeros } from './matrix';
import { createRng } from './rng';

/** Where batch norm sits relative to the activation f. */
export type PlacementSide = 'before' | 'after';

export interface PlacementConfig {
  seed: number;
  /** Samples in the (larger) batch. */
  m: number;
  /** Input features of the layer. */
  inputs: number;
  /** Neurons of the layer. */
  features: number;
  activation: ActivationName;
  placement: PlacementSide;
  eps?: number;
}

/**
 * One layer run both ways: z = x·W + b, then
 *   before: a = f(BN(z))      (Ioffe & Szegedy; the notes' "typically")
 *   after:  a = BN(f(z))
 * All matrices are [m × features], rows are samples.
 */
export interface PlacementRun {
  readonly placement: PlacementSide;
  /** The layer's pre-activation z = x·W + b. */
  readonly z: Matrix;
  /** After the first operation: BN(z) (before) or f(z) (after). */
  readonly middle: Matrix;
  /** The layer's output: f(BN(z)) (before) or BN(f(z)) (after). */
  readonly out: Matrix;
}

/**
 * Draws x ~ N(0, 1) [m × inputs], W ~ N(0, 2/inputs) (He) and b ~ N(0.5, 1) from `seed`, and
 * runs the layer with BN in the chosen place (γ = 1, β = 0, training mode, running statistics
 * untouched). The same seed gives the same z for both placements.
 * @throws EngineError for m < 2 or non-integer sizes
 */
export function placementRun(config: PlacementConfig): PlacementRun {
  const { seed, m, inputs, features, activation, placement } = config;
  checkInteger('batch size m', m, 2);
  checkInteger('inputs', inputs, 1);
  checkInteger('features', features, 1);
  if (placement !== 'before' && placement !== 'after') {
    throw new EngineError('config', `placement must be "before" or "after", got "${String(placement)}"`);
  }
  const rng = createRng(seed);
  const x = zeros(m, inputs);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.gaussian();
  const layer = createLinear(inputs, features, true);
  const wStd = Math.sqrt(2 / inputs);
  for (let i = 0; i < layer.W.data.length; i++) layer.W.data[i] = wStd * rng.gaussian();
  const b = layer.b as Float64Array;
  for (let j = 0; j < features; j++) b[j] = 0.5 + rng.gaussian();
  const z = linearForward(layer, x);
  const bn = createBatchNorm(features, { eps: config.eps ?? DEFAULT_EPS });
  const norm = (t: Matrix) => batchNormForward(bn, t, { mode: 'train', updateRunningStats: false }).y;
  if (placement === 'before') {
    const middle = norm(z);
    return { placement, z, middle, out: activationForward(activation, middle) };
  }
  const middle = activationForward(activation, z);
  return { placement, z, middle, out: norm(middle) };
}
