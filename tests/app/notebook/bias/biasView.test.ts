import { describe, expect, test } from 'vitest';
import { batchNormSteps, biasThroughBatchNorm, sampleMiniBatch } from '../../../../src';
import { biasView, TARGET_SEED_OFFSET } from '../../../../app/notebook/bias/biasView';

const z = sampleMiniBatch(1, 8, 2, 1.5);

describe('biasView (m = 8)', () => {
  test('agrees with the engine’s biasThroughBatchNorm on the seeded targets; μ of z + b is μ + b (1e-12)', () => {
    const bn = { eps: 1e-5, gamma: 1.3, beta: 0.4 };
    const v = biasView(z, 2.5, 7, bn, { min: -10, max: 10 });
    const ref = biasThroughBatchNorm(z, 2.5, sampleMiniBatch(7 + TARGET_SEED_OFFSET, 8, 0, 1), bn);
    expect(v.dLdb).toBe(ref.dLdb);
    expect(v.dLdbWithoutBn).toBe(ref.dLdbWithoutBn);
    expect(Math.abs(v.moved.mean - (batchNormSteps(z).mean + 2.5))).toBeLessThan(1e-12);
  });

  test('inputDomain holds z + b for every b in the slider range', () => {
    const v = biasView(z, 0, 1, { eps: 1e-5, gamma: 1, beta: 0 }, { min: -10, max: 10 });
    const [lo, hi] = v.inputDomain;
    expect(lo).toBeLessThanOrEqual(Math.min(...z) - 10);
    expect(hi).toBeGreaterThanOrEqual(Math.max(...z) + 10);
  });
});
