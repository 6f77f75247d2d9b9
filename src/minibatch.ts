import { checkFinite, checkInteger } from './errors';
import { createRng } from './rng';

/**
 * One neuron's pre-activations over a mini-batch of m samples, the notebook's running example:
 * zᵢ = shift + scale · gᵢ with gᵢ ~ N(0, 1) from a seeded generator. The same (seed, m) always
 * gives the same draws, and a larger m extends a smaller one (the first values do not change).
 */
export function sampleMiniBatch(seed: number, m: number, shift = 0, scale = 1): Float64Array {
  checkInteger('batch size m', m, 1);
  checkFinite('shift', shift);
  checkFinite('scale', scale, 0);
  const rng = createRng(seed);
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) z[i] = shift + scale * rng.gaussian();
  return z;
}
