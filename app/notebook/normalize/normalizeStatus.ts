import type { BatchNormSteps } from '../../../src/bnSteps';
import { summarize, type Summary } from '../../../src/distribution';

/**
 * What the reader should be told about Zₙₒᵣₘ = (z − μ)/√(σ² + ε) for the current batch and ε:
 * the cases where the division is undefined, divides rounding noise, or where ε visibly matters.
 */
export type NormalizationStatus =
  /** σ² + ε = 0: every Zₙₒᵣₘ is 0/0. */
  | { kind: 'undefined' }
  /** σ² = 0 (or at rounding level) with ε > σ²: Zₙₒᵣₘ ≈ 0, Z̃ ≈ β. */
  | { kind: 'flat' }
  /** σ² is rounding noise (no real spread) and ε is smaller still: Zₙₒᵣₘ divides noise by noise. */
  | { kind: 'noise' }
  /** ε is comparable to σ²: std(Zₙₒᵣₘ) = σ/√(σ² + ε) is visibly below 1. */
  | { kind: 'eps-dominates'; stdNorm: number }
  | { kind: 'ok'; stdNorm: number };

/**
 * @param variance σ² from the engine
 * @param eps ε
 * @param maxAbsZ largest |zᵢ| (rounding in zᵢ − μ is about 1e-16 of it)
 * @param stdNorm the engine's measured standard deviation of Zₙₒᵣₘ
 */
export function normalizationStatus(variance: number, eps: number, maxAbsZ: number, stdNorm: number): NormalizationStatus {
  if (variance + eps === 0) return { kind: 'undefined' };
  const roundingLevel = (1e-12 * Math.max(1, maxAbsZ)) ** 2;
  if (variance === 0 || (variance <= roundingLevel && eps >= variance)) return { kind: 'flat' };
  if (variance <= roundingLevel) return { kind: 'noise' };
  if (stdNorm < 0.99) return { kind: 'eps-dominates', stdNorm };
  return { kind: 'ok', stdNorm };
}

/** Section 6's numbers: Zₙₒᵣₘ's mean and spread from the engine (null when 0/0), and the status. */
export function normalizeView(z: ArrayLike<number>, steps: BatchNormSteps): { zNorm: Summary | null; status: NormalizationStatus } {
  const zs = summarize(z);
  const zNorm = steps.defined ? summarize(steps.zNorm) : null;
  const status = normalizationStatus(steps.variance, steps.eps, Math.max(Math.abs(zs.min), Math.abs(zs.max)), zNorm?.std ?? Number.NaN);
  return { zNorm, status };
}
