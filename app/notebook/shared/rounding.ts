import { fmt } from '../../ui/format';

/**
 * How far from 0 the mean of Zₙₒᵣₘ may print and still be rounding alone: in exact arithmetic it is 0
 * (Σ(zᵢ − μ) = 0), for any ε. Sections 6 and 7 name such a mean (and the mean of Z̃ off β by γ times
 * it) as rounding, with the one rule here.
 */
const ROUNDING = 1e-9;

/** Whether the mean of Zₙₒᵣₘ is 0 up to rounding (not exactly 0). */
export const zeroByRounding = (meanZNorm: number): boolean => meanZNorm !== 0 && Math.abs(meanZNorm) < ROUNDING;

/**
 * Whether the mean of Z̃ = γ·Zₙₒᵣₘ + β is β up to rounding: off by at most γ times the rounding of the
 * mean of Zₙₒᵣₘ, plus the rounding of adding up values of size `size` (the largest |Z̃|).
 */
export const betaByRounding = (mean: number, beta: number, gamma: number, size: number): boolean =>
  Math.abs(mean - beta) <= Math.abs(gamma) * ROUNDING + 1e-12 * Math.max(1, size);

/**
 * The label of Zₙₒᵣₘ's mean line: "mean 0" when it is exactly 0, "mean ≈ 0" when it is 0 up to rounding (as section 7
 * labels Z̃'s "mean ≈ β"), else its number (rounding noise: σ² ≈ 0, ε = 0).
 */
export const zNormMeanLabel = (mean: number): string => (mean === 0 ? 'mean 0' : zeroByRounding(mean) ? 'mean ≈ 0' : `mean = ${fmt(mean, 3)}`);
