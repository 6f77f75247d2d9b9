import { niceDomain, type Domain } from '../../ui/scale';
import { batchNormSteps, biasThroughBatchNorm, sampleMiniBatch, type BatchNormSteps, type BiasThroughBatchNorm } from '../../../src';

/** Offset between the batch seed and the seed of the loss targets tᵢ (so they differ from z). */
export const TARGET_SEED_OFFSET = 1000;

export interface BiasView extends BiasThroughBatchNorm {
  /** Targets tᵢ of the loss L = ½ Σ (Z̃ᵢ − tᵢ)², drawn by the engine from the seed. */
  targets: Float64Array;
  /** BN's steps on z + b (μ of the moved batch, its centred values). */
  moved: BatchNormSteps;
  /** An x-range holding z + b for every b in [bMin, bMax], so the points visibly move as b does. */
  inputDomain: Domain;
}

/** Section 9's numbers: the bias b before BN, through the engine's forward and exact backward. */
export function biasView(
  z: Float64Array,
  b: number,
  seed: number,
  bn: { eps: number; gamma: number; beta: number },
  bRange: { min: number; max: number },
): BiasView {
  const targets = sampleMiniBatch(seed + TARGET_SEED_OFFSET, z.length, 0, 1);
  const r = biasThroughBatchNorm(z, b, targets, bn);
  const lo = Math.min(...z), hi = Math.max(...z);
  return { ...r, targets, moved: batchNormSteps(r.z, bn), inputDomain: niceDomain([lo + bRange.min, hi + bRange.max]) };
}
