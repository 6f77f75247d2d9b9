import { describe, expect, test } from 'vitest';
import { type BatchNorm2d, type Shape4, type Tensor4, EngineError, batchNorm2dBackward, batchNorm2dForward, createBatchNorm2d, createRng, get4 } from '../../src';
import { dot, numericGradient } from './finiteDifference';
import { normwiseError, randomTensor } from './images';

/** μ_c and the biased σ²_c over the n·H·W values of channel c, by the definition (two passes). */
function channelMoments(x: Tensor4, c: number): { mean: number; variance: number; count: number } {
  const [n, , H, W] = x.shape;
  const values: number[] = [];
  for (let i = 0; i < n; i++) for (let y = 0; y < H; y++) for (let xx = 0; xx < W; xx++) values.push(get4(x, i, c, y, xx));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, variance, count: values.length };
}

/** y = γ_c (x − μ_c)/√(σ²_c + ε) + β_c, by the definition, with the batch's statistics. */
function naiveBn2d(bn: BatchNorm2d, x: Tensor4): Float64Array {
  const [n, C, H, W] = x.shape;
  const y = new Float64Array(x.data.length);
  for (let c = 0; c < C; c++) {
    const { mean, variance } = channelMoments(x, c);
    for (let i = 0; i < n; i++) for (let q = 0; q < H * W; q++) {
      const k = (i * C + c) * H * W + q;
      y[k] = (bn.gamma[c] * (x.data[k] - mean)) / Math.sqrt(variance + bn.eps) + bn.beta[c];
    }
  }
  return y;
}

function randomBn(C: number, seed: number): BatchNorm2d {
  const bn = createBatchNorm2d(C);
  const rng = createRng(seed);
  for (let c = 0; c < C; c++) {
    bn.gamma[c] = 0.5 + rng.uniform();
    bn.beta[c] = rng.gaussian();
  }
  return bn;
}

const SHAPES: Shape4[] = [[4, 3, 5, 5], [2, 2, 3, 7], [1, 3, 4, 4], [8, 1, 1, 1], [1, 2, 1, 2]];

describe('BatchNorm2d forward (train): per-channel statistics over n·H·W', () => {
  test.each(SHAPES)('x [%i, %i, %i, %i]: μ_c, σ²_c and y equal the definition to 1e-13', (...shape) => {
    const x = randomTensor(shape, 1, { scale: 3, shift: 2 });
    const bn = randomBn(shape[1], 2);
    const f = batchNorm2dForward(bn, x);
    for (let c = 0; c < shape[1]; c++) {
      const ref = channelMoments(x, c);
      expect(Math.abs(f.bn.mean[c] - ref.mean)).toBeLessThan(1e-13 * Math.abs(ref.mean) + 1e-15);
      expect(Math.abs(f.bn.variance[c] - ref.variance)).toBeLessThan(1e-13 * ref.variance);
    }
    expect(normwiseError(f.y.data, naiveBn2d(bn, x))).toBeLessThan(1e-13);
  });
});

describe('BatchNorm2d backward: central differences (float64, h = 1e-5) on L = Σ y ⊙ r', () => {
  test.each(SHAPES)('x [%i, %i, %i, %i]: ∂L/∂x, ∂L/∂γ, ∂L/∂β agree to 1e-6 (relative to the largest entry)', (...shape) => {
    const x = randomTensor(shape, 3, { scale: 2, shift: -1 });
    const bn = randomBn(shape[1], 4);
    const f = batchNorm2dForward(bn, x, 'train', false);
    const r = randomTensor(shape, 5);
    const g = batchNorm2dBackward(bn, f, r);
    const loss = () => dot(naiveBn2d(bn, x), r.data);
    expect(normwiseError(g.dx.data, numericGradient(x.data, loss))).toBeLessThan(1e-6);
    expect(normwiseError(g.dGamma, numericGradient(bn.gamma, loss))).toBeLessThan(1e-6);
    expect(normwiseError(g.dBeta, numericGradient(bn.beta, loss))).toBeLessThan(1e-6);
  });

  test('x [3, 2, 4, 4], eval mode: dx = dy·γ_c/√(running σ²_c + ε) exactly (the statistics are constants)', () => {
    const bn = randomBn(2, 6);
    bn.runningVar.set([0.5, 4]);
    const x = randomTensor([3, 2, 4, 4], 7);
    const f = batchNorm2dForward(bn, x, 'eval');
    const r = randomTensor([3, 2, 4, 4], 8);
    const g = batchNorm2dBackward(bn, f, r);
    for (let k = 0; k < r.data.length; k++) {
      const c = Math.floor(k / 16) % 2;
      expect(g.dx.data[k]).toBeCloseTo((r.data[k] * bn.gamma[c]) / Math.sqrt(bn.runningVar[c] + bn.eps), 14);
    }
  });
});

describe('BatchNorm2d running statistics and batch sizes (PyTorch semantics)', () => {
  test('x [2, 3, 3, 4], 5 steps, momentum 0.1: running mean and unbiased variance (÷ n·H·W − 1 = 23) equal a hand loop to 1e-14', () => {
    const bn = createBatchNorm2d(3);
    const mean = [0, 0, 0], variance = [1, 1, 1];
    for (let step = 0; step < 5; step++) {
      const x = randomTensor([2, 3, 3, 4], 10 + step, { scale: 1 + step, shift: step });
      batchNorm2dForward(bn, x);
      for (let c = 0; c < 3; c++) {
        const m = channelMoments(x, c);
        mean[c] = 0.9 * mean[c] + 0.1 * m.mean;
        variance[c] = 0.9 * variance[c] + 0.1 * m.variance * (m.count / (m.count - 1));
      }
    }
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(bn.runningMean[c] - mean[c])).toBeLessThan(1e-14 * Math.max(1, Math.abs(mean[c])));
      expect(Math.abs(bn.runningVar[c] - variance[c])).toBeLessThan(1e-14 * variance[c]);
    }
  });

  test('x [1, 2, 3, 3]: one sample trains (9 values per channel), and eval uses the running statistics', () => {
    const bn = createBatchNorm2d(2);
    const x = randomTensor([1, 2, 3, 3], 20);
    const f = batchNorm2dForward(bn, x);
    expect(f.y.data.every(Number.isFinite)).toBe(true);
    const e = batchNorm2dForward(bn, x, 'eval');
    expect(Array.from(e.bn.mean)).toEqual(Array.from(bn.runningMean));
    expect(e.y.data[0]).toBeCloseTo((x.data[0] - bn.runningMean[0]) / Math.sqrt(bn.runningVar[0] + bn.eps), 14);
  });

  test('x [1, 3, 1, 1] in train mode: refused with PyTorch\'s message; in eval mode it runs', () => {
    const bn = createBatchNorm2d(3);
    const x = randomTensor([1, 3, 1, 1], 21);
    expect(() => batchNorm2dForward(bn, x)).toThrow(
      new EngineError('batch-size', 'Expected more than 1 value per channel when training, got input size [1, 3, 1, 1]'),
    );
    expect(batchNorm2dForward(bn, x, 'eval').y.data.length).toBe(3);
  });

  test('x [2, 4, 3, 3] into a 3-channel BatchNorm2d: a clear shape error', () => {
    expect(() => batchNorm2dForward(createBatchNorm2d(3), randomTensor([2, 4, 3, 3], 1))).toThrow(
      'BatchNorm2d has 3 channels but the input [2, 4, 3, 3] has 4',
    );
  });

  test('x [4, 3, 5, 5]: a second pass and backward reuse the records and give the fresh results', () => {
    const bn = randomBn(3, 30);
    const f = batchNorm2dForward(bn, randomTensor([4, 3, 5, 5], 31), 'train', false);
    const dy = randomTensor([4, 3, 5, 5], 32);
    const g = batchNorm2dBackward(bn, f, dy);
    const x2 = randomTensor([4, 3, 5, 5], 33);
    expect(batchNorm2dForward(bn, x2, 'train', false, f)).toBe(f);
    expect(batchNorm2dBackward(bn, f, dy, g)).toBe(g);
    const fresh = batchNorm2dBackward(bn, batchNorm2dForward(bn, x2, 'train', false), dy);
    expect(g.dx.data).toEqual(fresh.dx.data);
    expect(g.dGamma).toEqual(fresh.dGamma);
  });
});
