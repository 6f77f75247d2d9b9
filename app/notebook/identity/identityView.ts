import { identityParams, maxDeviationFromInput } from '../../../src/bnSteps';
import { summarize } from '../../../src/distribution';
import { sampleMiniBatch } from '../../../src/minibatch';

export interface IdentityView {
  /** The γ and β that undo BN for this batch (the engine's √(σ² + ε) and μ). */
  target: { gamma: number; beta: number };
  /** max |Z̃ − Z| with the store's current γ and β. */
  maxDeviation: number;
  /** Rounding level for numbers of this size: machine epsilon × max |zᵢ|. */
  roundingLevel: number;
  /** True when max |Z̃ − Z| is within 16 rounding levels (the identity, to machine precision). */
  isIdentity: boolean;
  /** max |Z̃ − Z| when the same γ, β are applied to the next seed's batch (a different batch). */
  otherBatchDeviation: number;
}

/**
 * Section 8's numbers: the identity undo computed by the engine for this batch, and checked
 * against a different batch (same m, shift, scale; seed + 1) to show it holds per batch only.
 */
export function identityView(
  z: Float64Array,
  eps: number,
  gamma: number,
  beta: number,
  next: { seed: number; shift: number; scale: number },
): IdentityView {
  const target = identityParams(z, eps);
  const maxDeviation = maxDeviationFromInput(z, { eps, gamma, beta });
  const s = summarize(z);
  const roundingLevel = Number.EPSILON * Math.max(Math.abs(s.min), Math.abs(s.max), 1e-300);
  const other = sampleMiniBatch(next.seed + 1, z.length, next.shift, next.scale);
  return {
    target,
    maxDeviation,
    roundingLevel,
    isIdentity: maxDeviation <= 16 * roundingLevel,
    otherBatchDeviation: maxDeviationFromInput(other, { eps, ...target }),
  };
}
