import { niceDomain, type Domain } from '../../ui/scale';
import { fmt } from '../../ui/format';
import { biasBeforeRelu, biasThroughBatchNorm, type BiasBeforeRelu, type BiasThroughBatchNorm } from '../../../src/biasGradient';
import { batchNormSteps, type BatchNormSteps } from '../../../src/bnSteps';
import { sampleMiniBatch } from '../../../src/minibatch';

/** Offset between the batch seed and the seed of the loss targets tᵢ (so they differ from z). */
export const TARGET_SEED_OFFSET = 1000;

export interface BiasView extends BiasThroughBatchNorm {
  /** Targets tᵢ of the loss L = ½ Σ (Z̃ᵢ − tᵢ)², drawn by the engine from the seed. */
  targets: Float64Array;
  /** BN's steps on z + b (μ of the moved batch, its centred values). */
  moved: BatchNormSteps;
  /** An x-range holding z + b for every b in [bMin, bMax], so the points visibly move as b does. */
  inputDomain: Domain;
  /** The same b and loss with ReLU between the bias and BN (Linear → ReLU → BN), where b is not redundant. */
  afterRelu: BiasBeforeRelu;
  /** The same at b = −μ, which puts the batch's mean at ReLU's kink (about half the values zeroed). */
  atKink: BiasBeforeRelu & { b: number };
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
  const afterRelu = biasBeforeRelu(z, b, targets, bn);
  const kink = -z.reduce((a, x) => a + x, 0) / z.length;
  const atKink = { ...biasBeforeRelu(z, kink, targets, bn), b: kink };
  return { ...r, targets, moved: batchNormSteps(r.z, bn), inputDomain: niceDomain([lo + bRange.min, hi + bRange.max]), afterRelu, atKink };
}

/** Section 9's sentence on BN after the activation, following the numbers: does b matter there, and how much. */
export function afterReluSentence(b: number, m: number, r: BiasBeforeRelu, atKink: BiasBeforeRelu & { b: number }): string {
  const bText = `b = ${fmtPlain(b)}`;
  if (r.zeroed === 0) {
    return (
      `Here ${bText} leaves all ${m} values positive, so ReLU zeroes none and the bias is redundant again (∂L/∂b = ${fmtPlain(r.dLdb)}). ` +
      `Move b down: at b = −μ = ${fmtPlain(atKink.b)} ReLU zeroes ${atKink.zeroed} of them and ∂L/∂b = ${fmtPlain(atKink.dLdb)}.`
    );
  }
  if (r.zeroed === m) {
    return `Here ${bText} makes all ${m} values negative: ReLU zeroes every one, BN sees a constant, and b no longer affects the loss (∂L/∂b = ${fmtPlain(r.dLdb)}).`;
  }
  return `Here ${bText} makes ReLU zero ${r.zeroed} of the ${m} values, BN cannot undo that (its output differs from b = 0's by up to ${fmtPlain(r.maxShift)}), and ∂L/∂b = ${fmtPlain(r.dLdb)}, not 0.`;
}

const fmtPlain = (x: number) => fmt(x, 3);
