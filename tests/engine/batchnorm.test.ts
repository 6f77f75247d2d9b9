import { describe, expect, test } from 'vitest';
import { batchNormForward, column, createBatchNorm, EngineError } from '../../src';

describe('batchNormForward, NUMERICS.md cases 1–4', () => {
  test('case 1: z = [1,2,3,4] [4 × 1] → μ = 2.5, σ² = 1.25, ẑ to 1e-9', () => {
    const bn = createBatchNorm(1);
    const f = batchNormForward(bn, column([1, 2, 3, 4]));
    expect(f.mean[0]).toBeCloseTo(2.5, 12);
    expect(f.variance[0]).toBeCloseTo(1.25, 12);
    const want = [-1.34163542, -0.447211807, 0.447211807, 1.34163542];
    f.zHat.data.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-9));
  });

  test('case 2: running statistics from (0, 1) with momentum 0.1 → 0.25 and 1.0666667 (1e-7)', () => {
    const bn = createBatchNorm(1);
    batchNormForward(bn, column([1, 2, 3, 4]));
    expect(Math.abs(bn.runningMean[0] - 0.25)).toBeLessThan(1e-7);
    expect(Math.abs(bn.runningVar[0] - (0.9 + 0.1 * (1.25 * 4) / 3))).toBeLessThan(1e-12);
    expect(Math.abs(bn.runningVar[0] - 1.0666667)).toBeLessThan(1e-7);
  });

  test('case 3: eval mode with those buffers maps z = 3 to 2.6626635693 whatever the batch', () => {
    const bn = createBatchNorm(1);
    batchNormForward(bn, column([1, 2, 3, 4]));
    const alone = batchNormForward(bn, column([3]), { mode: 'eval' }).y.data[0];
    const inBatch = batchNormForward(bn, column([3, -100, 55]), { mode: 'eval' }).y.data[0];
    expect(Math.abs(alone - 2.6626635693)).toBeLessThan(1e-9);
    expect(inBatch).toBe(alone);
  });

  test('case 4: m = 1 in train mode throws PyTorch’s message; eval mode does not', () => {
    const bn = createBatchNorm(1);
    expect(() => batchNormForward(bn, column([3]))).toThrow(EngineError);
    expect(() => batchNormForward(bn, column([3]))).toThrow(/Expected more than 1 value per channel when training/);
    expect(() => batchNormForward(bn, column([3]), { mode: 'eval' })).not.toThrow();
  });
});
