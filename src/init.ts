import { EngineError } from './errors';
import type { Matrix } from './matrix';
import type { Rng } from './rng';
import { INITS, type InitName } from './choices';

/**
 * Weight initializations, all Gaussian with mean 0 and all drawn from an explicit seeded Rng:
 *
 * | name     | std                         | reference                                          |
 * | -------- | --------------------------- | -------------------------------------------------- |
 * | `he`     | √(2 / fan_in)               | He et al. 2015; PyTorch `kaiming_normal_` (ReLU)   |
 * | `xavier` | √(2 / (fan_in + fan_out))   | Glorot & Bengio 2010; PyTorch `xavier_normal_`     |
 * | `small`  | 0.01                        | the "small random numbers" of many course notes    |
 *
 * Biases start at 0 (PyTorch draws them uniformly; zero keeps "same seed ⇒ same W" independent of
 * whether a layer has a bias). γ = 1 and β = 0 come from `createBatchNorm`.
 */
export type { InitName };
export { INITS };

/** The standard deviation each initialization uses for a [fanIn × fanOut] weight matrix. */
export function initStd(name: InitName, fanIn: number, fanOut: number): number {
  if (!Number.isInteger(fanIn) || !Number.isInteger(fanOut) || fanIn < 1 || fanOut < 1) {
    throw new EngineError('config', `fan-in and fan-out must be positive integers, got ${fanIn} and ${fanOut}`);
  }
  switch (name) {
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'small':
      return 0.01;
    default:
      throw new EngineError('config', `unknown initialization "${String(name)}", expected one of ${INITS.join(', ')}`);
  }
}

/**
 * Fills W [fanIn × fanOut] (rows are inputs, as in `Linear`) with N(0, std²) draws, row by row.
 * Mutates `W` and advances `rng` by exactly fanIn·fanOut Gaussian draws. Returns `W`.
 */
export function initWeights(W: Matrix, name: InitName, rng: Rng): Matrix {
  const std = initStd(name, W.rows, W.cols);
  const D = W.data;
  for (let i = 0; i < D.length; i++) D[i] = std * rng.gaussian();
  return W;
}
