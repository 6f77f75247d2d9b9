import { fmt } from '../../ui/format';

/**
 * The mean of Zₙₒᵣₘ is 0 in exact arithmetic (Σ(zᵢ − μ) = 0), for any ε; in floating point it is off by the rounding
 * of the z's (1e-12 relative to the largest |z|, as normalizationStatus takes it) divided by √(σ² + ε). Sections 6
 * and 7 name such a mean (and the mean of Z̃ off β by γ times it) as rounding, with the one rule here. An absolute
 * 1e-9 named −1.07×10⁻⁹ a number at σ² = 0, ε = 10⁻¹⁰, m ≥ 52, beside a status box that said Zₙₒᵣₘ is 0. None where
 * σ² is itself rounding noise and ε is smaller (normalizationStatus's "noise"): Zₙₒᵣₘ is then that noise divided by
 * itself, values of size 1, and its mean is a number, not 0.
 */
export function zNormRounding(z: ArrayLike<number>, variance: number, eps: number): number {
  let maxAbsZ = 1;
  for (let i = 0; i < z.length; i++) maxAbsZ = Math.max(maxAbsZ, Math.abs(z[i]));
  const level = 1e-12 * maxAbsZ;
  if (variance + eps === 0 || (variance > 0 && variance <= level * level && eps < variance)) return 0;
  return level / Math.sqrt(variance + eps);
}

/** Whether the mean of Zₙₒᵣₘ is 0 up to `rounding` (zNormRounding), not exactly 0. */
export const zeroByRounding = (meanZNorm: number, rounding: number): boolean => meanZNorm !== 0 && Math.abs(meanZNorm) <= rounding;

/**
 * Whether the mean of Z̃ = γ·Zₙₒᵣₘ + β is β up to rounding: off by at most γ times the rounding of the mean of Zₙₒᵣₘ,
 * plus the rounding of adding up values of size `size` (the largest |Z̃|).
 */
export const betaByRounding = (mean: number, beta: number, gamma: number, size: number, rounding: number): boolean =>
  Math.abs(mean - beta) <= Math.abs(gamma) * rounding + 1e-12 * Math.max(1, size);

/**
 * The label of Zₙₒᵣₘ's mean line: "mean = 0" when it is exactly 0, "mean ≈ 0" when it is 0 up to rounding (as section 7
 * labels Z̃'s "mean ≈ β"), else its number (rounding noise: σ² ≈ 0, ε = 0).
 */
export const zNormMeanLabel = (mean: number, rounding: number): string => (zeroByRounding(mean, rounding) ? 'mean ≈ 0' : `mean = ${fmt(mean, 3)}`);
