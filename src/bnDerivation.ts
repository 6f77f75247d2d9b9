import { batchNormBackward, batchNormForward, createBatchNorm, DEFAULT_EPS } from './batchnorm';
import { EngineError, checkFinite } from './errors';
import { column } from './matrix';

/**
 * Backpropagation through batch norm for ONE neuron, derived path by path on the computation graph
 * (Ioffe & Szegedy 2015, Section 3), every term kept for display:
 *
 *   ẑᵢ = (zᵢ − μ)/√(σ² + ε),   yᵢ = γ ẑᵢ + β,   μ = (1/m) Σ zᵢ,   σ² = (1/m) Σ (zᵢ − μ)²
 *
 *   ∂L/∂ẑᵢ = ∂L/∂yᵢ · γ
 *   ∂L/∂σ² = Σᵢ ∂L/∂ẑᵢ · (zᵢ − μ) · (−½)(σ² + ε)^(−3/2)
 *   ∂L/∂μ  = Σᵢ ∂L/∂ẑᵢ · (−1/√(σ² + ε))  +  ∂L/∂σ² · (−2/m) Σᵢ (zᵢ − μ)      (the last sum is 0)
 *   ∂L/∂zᵢ = ∂L/∂ẑᵢ/√(σ² + ε)       the direct path
 *          + ∂L/∂σ² · 2(zᵢ − μ)/m   the path through σ²
 *          + ∂L/∂μ · 1/m            the path through μ
 *
 * The sum equals the closed form (γ/(m√(σ²+ε)))·(m ∂L/∂yᵢ − Σ ∂L/∂y − ẑᵢ Σ ∂L/∂y·ẑ) of
 * `batchNormBackward`. Seen as a projection, the gradient has no component along 1 or along ẑ:
 * Σᵢ ∂L/∂zᵢ = 0 exactly (up to rounding), and Σᵢ ∂L/∂zᵢ·ẑᵢ = (γ/√(σ²+ε))·(ε/(σ²+ε))·Σ ∂L/∂y·ẑ,
 * which is 0 only up to ε.
 */
export interface BatchNormDerivation {
  readonly m: number;
  readonly gamma: number;
  readonly eps: number;
  readonly mean: number;
  /** σ², the biased (1/m) batch variance. */
  readonly variance: number;
  /** √(σ² + ε). */
  readonly std: number;
  /** ẑᵢ, length m. */
  readonly zHat: Float64Array;
  /** ∂L/∂yᵢ as given, length m. */
  readonly dy: Float64Array;
  /** ∂L/∂ẑᵢ = ∂L/∂yᵢ·γ. */
  readonly dzHat: Float64Array;
  /** ∂L/∂σ² and ∂L/∂μ (its two parts: through ẑ directly, and through σ², which is 0 up to rounding). */
  readonly dVariance: number;
  readonly dMean: number;
  readonly dMeanDirect: number;
  readonly dMeanViaVariance: number;
  /** The three paths into ∂L/∂zᵢ, each length m, and their sum. */
  readonly direct: Float64Array;
  readonly viaVariance: Float64Array;
  readonly viaMean: Float64Array;
  readonly dz: Float64Array;
  /** The closed form of `batchNormBackward`, and the largest |sum of paths − closed form|. */
  readonly closedForm: Float64Array;
  readonly maxGap: number;
  /** ∂L/∂γ = Σ ∂L/∂y·ẑ and ∂L/∂β = Σ ∂L/∂y. */
  readonly dGamma: number;
  readonly dBeta: number;
  /** Σᵢ ∂L/∂zᵢ (0 up to rounding) and Σᵢ ∂L/∂zᵢ·ẑᵢ with its predicted value (γ/√(σ²+ε))·(ε/(σ²+ε))·∂L/∂γ. */
  readonly sumDz: number;
  readonly sumDzZHat: number;
  readonly sumDzZHatPredicted: number;
}

/**
 * @param z one neuron's pre-activations over the batch, length m ≥ 2
 * @param dy ∂L/∂y for the same samples, length m
 * @throws EngineError for m < 2, lengths that differ, non-finite values, or a bad ε or γ
 */
export function batchNormDerivation(z: ArrayLike<number>, dy: ArrayLike<number>, options: { gamma?: number; eps?: number } = {}): BatchNormDerivation {
  const m = z.length;
  const gamma = options.gamma ?? 1;
  const eps = options.eps ?? DEFAULT_EPS;
  if (dy.length !== m) throw new EngineError('shape', `∂L/∂y has ${dy.length} values for a batch of ${m}`);
  checkFinite('γ (gamma)', gamma);
  for (let i = 0; i < m; i++) {
    checkFinite(`z[${i}]`, z[i]);
    checkFinite(`∂L/∂y[${i}]`, dy[i]);
  }
  const bn = createBatchNorm(1, { eps });
  bn.gamma[0] = gamma;
  const fwd = batchNormForward(bn, column(z), { mode: 'train', updateRunningStats: false });
  const closedForm = Float64Array.from(batchNormBackward(bn, fwd, column(dy)).dz.data);
  const mean = fwd.mean[0], variance = fwd.variance[0];
  const std = Math.sqrt(variance + eps);
  const zHat = Float64Array.from(fwd.zHat.data);
  const dyv = Float64Array.from(dy);
  const dzHat = dyv.map((d) => d * gamma);

  let dVariance = 0, dMeanDirect = 0, centredSum = 0, dGamma = 0, dBeta = 0;
  for (let i = 0; i < m; i++) {
    const c = z[i] - mean;
    dVariance += dzHat[i] * c * -0.5 * (variance + eps) ** -1.5;
    dMeanDirect += -dzHat[i] / std;
    centredSum += c;
    dGamma += dyv[i] * zHat[i];
    dBeta += dyv[i];
  }
  const dMeanViaVariance = (dVariance * -2 * centredSum) / m;
  const dMean = dMeanDirect + dMeanViaVariance;

  const direct = dzHat.map((d) => d / std);
  const viaVariance = Float64Array.from(z, (zi) => (dVariance * 2 * (zi - mean)) / m);
  const viaMean = new Float64Array(m).fill(dMean / m);
  const dz = direct.map((d, i) => d + viaVariance[i] + viaMean[i]);

  let maxGap = 0, sumDz = 0, sumDzZHat = 0;
  for (let i = 0; i < m; i++) {
    maxGap = Math.max(maxGap, Math.abs(dz[i] - closedForm[i]));
    sumDz += dz[i];
    sumDzZHat += dz[i] * zHat[i];
  }
  const sumDzZHatPredicted = (gamma / std) * (eps / (variance + eps)) * dGamma;
  return {
    m, gamma, eps, mean, variance, std, zHat, dy: dyv, dzHat, dVariance, dMean, dMeanDirect, dMeanViaVariance,
    direct, viaVariance, viaMean, dz, closedForm, maxGap, dGamma, dBeta, sumDz, sumDzZHat, sumDzZHatPredicted,
  };
}
