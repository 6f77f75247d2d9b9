import { batchNormBackward, batchNormForward, createBatchNorm, DEFAULT_EPS } from './batchnorm';
import { EngineError, checkFinite } from './errors';
import { createLinear, linearBackward, linearForward } from './linear';
import { column, matrix, maxAbsDiff } from './matrix';

/**
 * The notes' claim "BN cancels the bias", computed. A one-input neuron z = x·W + b with W = 1
 * (so z is the batch x moved by b) feeds batch norm, and a squared-error loss
 *   L = ½ Σᵢ (Z̃ᵢ − tᵢ)²
 * is back-propagated through BN's exact backward and then `linearBackward`, which yields ∂L/∂b.
 */
export interface BiasThroughBatchNorm {
  /** z = x + b, length m. */
  readonly z: Float64Array;
  /** Z̃ = BN(x + b), length m. */
  readonly y: Float64Array;
  /** max |BN(x + b) − BN(x)|: rounding only. */
  readonly maxShift: number;
  readonly loss: number;
  /** ∂L/∂b through BN (exact backward): Σᵢ ∂L/∂zᵢ, zero up to rounding. */
  readonly dLdb: number;
  /** ∂L/∂b for the same loss on z itself (no BN): Σᵢ (zᵢ − tᵢ), not zero. */
  readonly dLdbWithoutBn: number;
}

export interface BiasOptions {
  eps?: number;
  gamma?: number;
  beta?: number;
}

/**
 * @param x the batch, length m ≥ 2 (one neuron's W·X)
 * @param b the bias added before batch norm
 * @param targets tᵢ of the loss, length m
 */
export function biasThroughBatchNorm(
  x: ArrayLike<number>,
  b: number,
  targets: ArrayLike<number>,
  options: BiasOptions = {},
): BiasThroughBatchNorm {
  const m = x.length;
  if (targets.length !== m) throw new EngineError('shape', `expected ${m} targets, got ${targets.length}`);
  checkFinite('bias b', b);
  const layer = createLinear(1, 1, true);
  layer.W.data[0] = 1;
  (layer.b as Float64Array)[0] = b;
  const xs = column(x);
  const z = linearForward(layer, xs);
  const bn = createBatchNorm(1, { eps: options.eps ?? DEFAULT_EPS });
  bn.gamma[0] = options.gamma ?? 1;
  bn.beta[0] = options.beta ?? 0;
  const fwd = batchNormForward(bn, z, { mode: 'train', updateRunningStats: false });
  const ref = batchNormForward(bn, xs, { mode: 'train', updateRunningStats: false });
  const dy = new Float64Array(m);
  const dzPlain = new Float64Array(m);
  let loss = 0;
  for (let i = 0; i < m; i++) {
    dy[i] = fwd.y.data[i] - targets[i];
    dzPlain[i] = z.data[i] - targets[i];
    loss += 0.5 * dy[i] * dy[i];
  }
  const { dz } = batchNormBackward(bn, fwd, matrix(m, 1, dy));
  const through = linearBackward(layer, xs, dz, false);
  const plain = linearBackward(layer, xs, matrix(m, 1, dzPlain), false);
  return {
    z: z.data,
    y: fwd.y.data,
    maxShift: maxAbsDiff(fwd.y, ref.y),
    loss,
    dLdb: (through.db as Float64Array)[0],
    dLdbWithoutBn: (plain.db as Float64Array)[0],
  };
}

/** The bias when BN comes after the activation (Linear → ReLU → BN): it is not redundant there. */
export interface BiasBeforeRelu {
  /** Z̃ = BN(ReLU(x + b)), length m. */
  readonly y: Float64Array;
  /** max |BN(ReLU(x + b)) − BN(ReLU(x))|: b decides which units ReLU zeroes, so the output moves. */
  readonly maxShift: number;
  /** How many of the m values ReLU zeroes (x + b ≤ 0). */
  readonly zeroed: number;
  readonly loss: number;
  /** ∂L/∂b = Σᵢ ∂L/∂aᵢ·ReLU′(zᵢ) with ∂L/∂a from BN's exact backward: not zero in general. */
  readonly dLdb: number;
}

/**
 * The same neuron and loss as `biasThroughBatchNorm`, with ReLU between the bias and batch norm:
 * z = x + b, a = ReLU(z), Z̃ = BN(a), L = ½ Σᵢ (Z̃ᵢ − tᵢ)². BN removes a shift of a, but b shifts z,
 * and ReLU turns that into more or fewer zeros, which BN cannot undo.
 */
export function biasBeforeRelu(x: ArrayLike<number>, b: number, targets: ArrayLike<number>, options: BiasOptions = {}): BiasBeforeRelu {
  const m = x.length;
  if (targets.length !== m) throw new EngineError('shape', `expected ${m} targets, got ${targets.length}`);
  checkFinite('bias b', b);
  const bn = createBatchNorm(1, { eps: options.eps ?? DEFAULT_EPS });
  bn.gamma[0] = options.gamma ?? 1;
  bn.beta[0] = options.beta ?? 0;
  const relu = (shift: number) => column(Array.from(x, (xi) => Math.max(0, xi + shift)));
  const fwd = batchNormForward(bn, relu(b), { mode: 'train', updateRunningStats: false });
  const ref = batchNormForward(bn, relu(0), { mode: 'train', updateRunningStats: false });
  const dy = new Float64Array(m);
  let loss = 0;
  for (let i = 0; i < m; i++) {
    dy[i] = fwd.y.data[i] - targets[i];
    loss += 0.5 * dy[i] * dy[i];
  }
  const da = batchNormBackward(bn, fwd, matrix(m, 1, dy)).dz.data;
  let dLdb = 0, zeroed = 0;
  for (let i = 0; i < m; i++) {
    if (x[i] + b > 0) dLdb += da[i];
    else zeroed++;
  }
  return { y: fwd.y.data, maxShift: maxAbsDiff(fwd.y, ref.y), zeroed, loss, dLdb };
}
