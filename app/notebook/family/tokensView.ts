import { DEFAULT_EPS, batchNormForward, createBatchNorm } from '../../../src/batchnorm';
import { matrix } from '../../../src/matrix';
import { RMS_NORM_DEFAULT_EPS, createLayerNorm, createRmsNorm, trailingNormForward } from '../../../src/norms';
import { createRng } from '../../../src/rng';

/**
 * LayerNorm and RMSNorm per token, as data: a [T × d] matrix of token vectors (Gaussian, from the seed,
 * each feature with its own scale and offset), normalized row by row by the engine. Token 1's output with
 * T tokens is compared with its output when it is the only token; BatchNorm over the tokens, for contrast.
 */
export const TOKEN_FEATURES = 6;

export interface TokensPass {
  readonly tokens: number;
  /** The matrix [T × d], row after row. */
  readonly x: Float64Array;
  /** Per token: LayerNorm's μ and σ², RMSNorm's root mean square. */
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly rms: Float64Array;
  /** Token 1's outputs with all T tokens. */
  readonly ln: Float64Array;
  readonly rmsOut: Float64Array;
  /** max |Δ| of token 1's output: T tokens vs token 1 alone (LN, RMSNorm); BN over T tokens vs over tokens 1–2. */
  readonly lnDelta: number;
  readonly rmsDelta: number;
  readonly bnDelta: number;
}

function tokenMatrix(seed: number, T: number): Float64Array {
  const rng = createRng(seed);
  const d = TOKEN_FEATURES;
  const x = new Float64Array(T * d);
  for (let t = 0; t < T; t++) for (let j = 0; j < d; j++) x[t * d + j] = (j + 1) * rng.gaussian() + (j - 2);
  return x;
}

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
};

/** The token example for T tokens (2 … FAM_TOKENS_MAX) from the seed: the first rows do not depend on T. */
export function tokensPass(seed: number, T: number): TokensPass {
  const d = TOKEN_FEATURES;
  const x = tokenMatrix(seed, T);
  const X = matrix(T, d, x), first = matrix(1, d, x.subarray(0, d));
  const ln = trailingNormForward(createLayerNorm(d), X), rms = trailingNormForward(createRmsNorm(d), X);
  const lnAlone = trailingNormForward(createLayerNorm(d), first), rmsAlone = trailingNormForward(createRmsNorm(d), first);
  const bnAll = batchNormForward(createBatchNorm(d), X).y.data.slice(0, d);
  const bnTwo = batchNormForward(createBatchNorm(d), matrix(2, d, x.subarray(0, 2 * d))).y.data.slice(0, d);
  const variance = Float64Array.from(ln.invStd, (v) => 1 / v ** 2 - DEFAULT_EPS);
  const rmsOf = Float64Array.from(rms.invStd, (v) => Math.sqrt(Math.max(0, 1 / v ** 2 - RMS_NORM_DEFAULT_EPS)));
  return {
    tokens: T, x, mean: Float64Array.from(ln.mean), variance, rms: rmsOf,
    ln: ln.y.slice(0, d), rmsOut: rms.y.slice(0, d),
    lnDelta: maxAbs(ln.y.subarray(0, d), lnAlone.y), rmsDelta: maxAbs(rms.y.subarray(0, d), rmsAlone.y), bnDelta: maxAbs(bnAll, bnTwo),
  };
}
