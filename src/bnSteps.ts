import { batchNormForward, batchStatistics, createBatchNorm, DEFAULT_EPS } from './batchnorm';
import { checkFinite } from './errors';
import { column, maxAbsDiff } from './matrix';

/**
 * The notes' batch-norm steps for ONE neuron over a mini-batch of m samples, each kept for display.
 * μ, σ², Z_norm and Z̃ come from `batchNormForward` (train mode, running statistics untouched);
 * the intermediate zᵢ − μ and (zᵢ − μ)² that the forward pass never stores are added here.
 */
export interface BatchNormSteps {
  /** Batch size m. */
  readonly m: number;
  readonly eps: number;
  readonly gamma: number;
  readonly beta: number;
  /** μ = (1/m) Σ zᵢ. */
  readonly mean: number;
  /** zᵢ − μ, length m. */
  readonly centered: Float64Array;
  /** (zᵢ − μ)², length m. */
  readonly squaredDeviations: Float64Array;
  /** σ² = (1/m) Σ (zᵢ − μ)², the biased (1/m) variance. */
  readonly variance: number;
  /** σ²·m/(m − 1), the unbiased estimate (PyTorch's running variance uses it; BN's output does not). */
  readonly unbiasedVariance: number;
  /** √(σ² + ε), the divisor of Z_norm. */
  readonly std: number;
  /** Z_norm = (zᵢ − μ)/√(σ² + ε), length m; NaN entries when σ² + ε = 0 (0/0). */
  readonly zNorm: Float64Array;
  /** Z̃ = γ·Z_norm + β, length m. */
  readonly y: Float64Array;
  /** Mean and biased variance of Z̃ (β and γ²·σ²/(σ² + ε) up to rounding). */
  readonly outMean: number;
  readonly outVariance: number;
  /** False when σ² + ε = 0, so Z_norm is 0/0. */
  readonly defined: boolean;
  /**
   * (1/m) Σ ((zᵢ − μ) − μ)²: what the notes' σ² formula gives if read literally after their
   * reassignment Z = Z − μ (μ subtracted twice). Equals σ² + μ² up to rounding.
   */
  readonly varianceIfCenteredTwice: number;
}

export interface BatchNormStepOptions {
  eps?: number;
  gamma?: number;
  beta?: number;
}

/**
 * Runs batch norm on one neuron's batch and returns every step.
 * @param z length m (m ≥ 2: training mode needs more than one value, as in PyTorch)
 * @throws EngineError for m < 2, a non-finite zᵢ, or a bad ε, γ, β
 */
export function batchNormSteps(z: ArrayLike<number>, options: BatchNormStepOptions = {}): BatchNormSteps {
  const eps = options.eps ?? DEFAULT_EPS;
  const gamma = options.gamma ?? 1;
  const beta = options.beta ?? 0;
  checkFinite('γ (gamma)', gamma);
  checkFinite('β (beta)', beta);
  for (let i = 0; i < z.length; i++) checkFinite(`z[${i}]`, z[i]);
  const bn = createBatchNorm(1, { eps });
  bn.gamma[0] = gamma;
  bn.beta[0] = beta;
  const f = batchNormForward(bn, column(z), { mode: 'train', updateRunningStats: false });
  const m = z.length, mean = f.mean[0], variance = f.variance[0];
  const centered = new Float64Array(m);
  const squaredDeviations = new Float64Array(m);
  let twice = 0;
  for (let i = 0; i < m; i++) {
    const d = z[i] - mean;
    centered[i] = d;
    squaredDeviations[i] = d * d;
    twice += (d - mean) * (d - mean);
  }
  const out = batchStatistics(f.y);
  return {
    m,
    eps,
    gamma,
    beta,
    mean,
    centered,
    squaredDeviations,
    variance,
    unbiasedVariance: (variance * m) / (m - 1),
    std: Math.sqrt(variance + eps),
    zNorm: f.zHat.data,
    y: f.y.data,
    outMean: out.mean[0],
    outVariance: out.variance[0],
    defined: variance + eps > 0,
    varianceIfCenteredTwice: twice / m,
  };
}

/** The γ and β that undo batch norm for THIS batch: γ = √(σ² + ε), β = μ. */
export function identityParams(z: ArrayLike<number>, eps: number = DEFAULT_EPS): { gamma: number; beta: number } {
  const s = batchNormSteps(z, { eps });
  return { gamma: s.std, beta: s.mean };
}

/**
 * max |Z̃ − Z| for the given γ and β: ~1e-16·max|z| when they are `identityParams(z, eps)`.
 * NaN when σ² + ε = 0.
 */
export function maxDeviationFromInput(z: ArrayLike<number>, options: BatchNormStepOptions = {}): number {
  const s = batchNormSteps(z, options);
  return maxAbsDiff(column(s.y), column(z));
}
