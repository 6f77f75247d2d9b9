import { describe, expect, test } from 'vitest';
import { batchNormSteps, biasBeforeRelu, biasThroughBatchNorm, sampleMiniBatch } from '../../src';

const x = sampleMiniBatch(1, 8, 2, 1.5);
const t = sampleMiniBatch(99, 8, 0, 1);

describe('biasThroughBatchNorm (m = 8)', () => {
  test('BN(x + b) = BN(x) to 1e-12 for b in [−5, 5] (NUMERICS case 9)', () => {
    for (const b of [-5, -0.3, 0, 1.7, 5]) {
      const r = biasThroughBatchNorm(x, b, t);
      expect(r.maxShift).toBeLessThan(1e-12);
      const ref = batchNormSteps(x).y;
      r.y.forEach((v, i) => expect(Math.abs(v - ref[i])).toBeLessThan(1e-12));
    }
  });

  test('∂L/∂b through BN is 0 to 1e-12; the same loss without BN has ∂L/∂b = Σ(z − t)', () => {
    const r = biasThroughBatchNorm(x, 1.3, t, { gamma: 1.7, beta: 0.2 });
    expect(Math.abs(r.dLdb)).toBeLessThan(1e-12);
    const want = Array.from(x).reduce((s, v, i) => s + (v + 1.3 - t[i]), 0);
    expect(Math.abs(r.dLdbWithoutBn - want)).toBeLessThan(1e-12);
    expect(Math.abs(r.dLdbWithoutBn)).toBeGreaterThan(0.1);
  });

  test('∂L/∂b through BN agrees with a central finite difference of the loss (h = 1e-5, 1e-8 absolute)', () => {
    const h = 1e-5;
    const lp = biasThroughBatchNorm(x, 0.4 + h, t).loss;
    const lm = biasThroughBatchNorm(x, 0.4 - h, t).loss;
    expect(Math.abs((lp - lm) / (2 * h) - biasThroughBatchNorm(x, 0.4, t).dLdb)).toBeLessThan(1e-8);
  });

  test('mismatched targets throw', () => {
    expect(() => biasThroughBatchNorm(x, 0, [1, 2])).toThrow(/targets/);
  });
});

describe('biasBeforeRelu: Linear → ReLU → BN (m = 8), where the bias is not redundant', () => {
  const x = sampleMiniBatch(5, 8, 0, 1);
  const t = sampleMiniBatch(6, 8, 0, 1);

  test('b = 0.4 changes how many values ReLU zeroes, moves BN’s output, and has ∂L/∂b ≠ 0 equal to central differences (1e-8)', () => {
    const r = biasBeforeRelu(x, 0.4, t);
    const none = biasBeforeRelu(x, 0, t);
    expect(r.zeroed).not.toBe(none.zeroed);
    expect(r.maxShift).toBeGreaterThan(1e-3);
    expect(Math.abs(r.dLdb)).toBeGreaterThan(1e-3);
    const h = 1e-6;
    const fd = (biasBeforeRelu(x, 0.4 + h, t).loss - biasBeforeRelu(x, 0.4 - h, t).loss) / (2 * h);
    expect(Math.abs(fd - r.dLdb)).toBeLessThan(1e-8);
  });

  test('a bias large enough that ReLU zeroes nothing is redundant again: ∂L/∂b = 0 (1e-12), output unchanged by a further shift', () => {
    const big = 10 - Math.min(...x);
    const r = biasBeforeRelu(x, big, t);
    expect(r.zeroed).toBe(0);
    expect(Math.abs(r.dLdb)).toBeLessThan(1e-12);
    expect(Math.max(...r.y.map((y, i) => Math.abs(y - biasBeforeRelu(x, big + 3, t).y[i])))).toBeLessThan(1e-12);
  });
});
