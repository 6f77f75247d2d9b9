import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type Matrix,
  batchNormBackward,
  batchNormForward,
  batchStatistics,
  column,
  createBatchNorm,
  createLinear,
  createRng,
  linearBackward,
  linearForward,
  maxAbsDiff,
  zeros,
} from '../../src';
import { dot, numericGradient } from './finiteDifference';

function gaussianMatrix(rows: number, cols: number, seed: number, scale = 1, shift = 0): Matrix {
  const rng = createRng(seed);
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = shift + scale * rng.gaussian();
  return out;
}

describe('NUMERICS.md case 9: batch norm cancels the bias of the linear map before it (train mode)', () => {
  // x [6 × 3] → z = x·W + b [6 × 4] → y = BN(z); L = Σ y ⊙ r.
  const x = gaussianMatrix(6, 3, 1);
  const r = gaussianMatrix(6, 4, 2);
  const withBias = createLinear(3, 4, true);
  const noBias = createLinear(3, 4, false);
  withBias.W.data.set(gaussianMatrix(3, 4, 3).data);
  noBias.W.data.set(withBias.W.data);
  withBias.b!.set(gaussianMatrix(1, 4, 4, 2).data);
  const bn = createBatchNorm(4);
  bn.gamma.set([0.5, 1.5, 2, -1]);
  bn.beta.set([0.1, -0.2, 0.3, 0]);
  const bnOf = (layer: typeof withBias) => batchNormForward(bn, linearForward(layer, x), { updateRunningStats: false });

  test('BN(x·W + b) = BN(x·W) for a [6 × 4] batch (1e-12)', () => {
    expect(maxAbsDiff(bnOf(withBias).y, bnOf(noBias).y)).toBeLessThan(1e-12);
  });

  test('∂L/∂b through the exact backward is 0 for every unit (1e-12), while ∂L/∂W is not', () => {
    const z = linearForward(withBias, x);
    const f = batchNormForward(bn, z, { updateRunningStats: false });
    const dz = batchNormBackward(bn, f, r).dz;
    const g = linearBackward(withBias, x, dz);
    for (const v of g.db!) expect(Math.abs(v)).toBeLessThan(1e-12);
    expect(Math.max(...Array.from(g.dW.data, Math.abs))).toBeGreaterThan(0.01);
  });

  test('finite differences agree: the loss does not move with b (|∂L/∂b| < 1e-9)', () => {
    const loss = () => dot(bnOf(withBias).y.data, r.data);
    for (const v of numericGradient(withBias.b!, loss)) expect(Math.abs(v)).toBeLessThan(1e-9);
  });

  test('property: BN(z + c) = BN(z) for any per-feature shift |c| ≤ 100 of a [m × 2] batch (1e-12·(1 + |c|/σ))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 16 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (m, c0, c1, seed) => {
          const z = gaussianMatrix(m, 2, seed, 2);
          const shifted = zeros(m, 2);
          for (let i = 0; i < m; i++) {
            shifted.data[2 * i] = z.data[2 * i] + c0;
            shifted.data[2 * i + 1] = z.data[2 * i + 1] + c1;
          }
          const b = createBatchNorm(2);
          const y0 = batchNormForward(b, z, { updateRunningStats: false }).y.data.slice();
          const { variance } = batchStatistics(z);
          const y1 = batchNormForward(b, shifted, { updateRunningStats: false }).y.data;
          // Adding c rounds z + c to a multiple of ulp(|c|), an error of |c|·2⁻⁵³ relative to σ.
          return y0.every((v, k) => {
            const j = k % 2, c = j === 0 ? c0 : c1;
            return Math.abs(v - y1[k]) <= 1e-12 * (1 + Math.abs(c) / Math.sqrt(variance[j]));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('NUMERICS.md case 14: two-pass variance on large-offset data [10000.1, 10000.2, 10000.3, 10000.4]', () => {
  const data = [10000.1, 10000.2, 10000.3, 10000.4];

  test('batchStatistics (two-pass, float64) gives σ² = 0.0125 (1e-9 relative)', () => {
    const { mean, variance } = batchStatistics(column(data));
    expect(Math.abs(mean[0] - 10000.25)).toBeLessThan(1e-9);
    expect(Math.abs(variance[0] - 0.0125) / 0.0125).toBeLessThan(1e-9);
  });

  test('the one-pass formula E[z²] − μ² in float32 gives −8: garbage (a negative variance)', () => {
    const f = Math.fround;
    let sum = 0, sumSq = 0;
    for (const v of data) {
      const x = f(v);
      sum = f(sum + x);
      sumSq = f(sumSq + f(x * x));
    }
    const mean = f(sum / 4);
    const onePass = f(f(sumSq / 4) - f(mean * mean));
    expect(onePass).toBe(-8);
    // Even in float64 the one-pass formula misses the 1e-9 tolerance the two-pass one meets.
    const s64 = data.reduce((s, v) => s + v, 0), q64 = data.reduce((s, v) => s + v * v, 0);
    expect(Math.abs(q64 / 4 - (s64 / 4) ** 2 - 0.0125) / 0.0125).toBeGreaterThan(1e-7);
  });

  test('and the normalized batch is the same as for [0.1, 0.2, 0.3, 0.4] (1e-9)', () => {
    const bn = createBatchNorm(1);
    const far = batchNormForward(bn, column(data)).zHat;
    const near = batchNormForward(bn, column([0.1, 0.2, 0.3, 0.4])).zHat;
    expect(maxAbsDiff(far, near)).toBeLessThan(1e-9);
  });
});

describe('scale invariance BN(k·z) = BN(z), and where ε breaks it', () => {
  // With σ² the batch variance, ẑ(k·z) = (z − μ)/√(σ² + ε/k²), so
  // ẑ(k·z)/ẑ(z) = √((σ² + ε)/(σ² + ε/k²)): 1 + O(ε/σ²) for k ≥ 1, and → k·σ/√ε when k²σ² ≪ ε.
  const z = gaussianMatrix(32, 3, 5, 1.3, 0.7);
  const zHatOf = (k: number) => {
    const scaled = zeros(32, 3);
    for (let i = 0; i < scaled.data.length; i++) scaled.data[i] = k * z.data[i];
    return batchNormForward(createBatchNorm(3), scaled, { updateRunningStats: false }).zHat;
  };

  test('k = 1000 on a [32 × 3] batch with σ² ≈ 1.7: unchanged to 1e-5 (the ε/(2σ²) effect)', () => {
    expect(maxAbsDiff(zHatOf(1000), zHatOf(1))).toBeLessThan(1e-5);
  });

  test('k = 0.001: k²σ² ≈ 1.7e-6 is below ε = 1e-5, and the output visibly shrinks (by > 50%)', () => {
    const small = zHatOf(0.001), base = zHatOf(1);
    const peak = (a: Matrix) => Math.max(...Array.from(a.data, Math.abs));
    expect(peak(small)).toBeLessThan(0.5 * peak(base));
  });

  test('property: for k ∈ [1, 10⁴], |ẑ(k·z) − ẑ(z)| ≤ |ẑ(z)|·(√((σ²+ε)/(σ²+ε/k²)) − 1) + 1e-12', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (k, spread, seed) => {
          const base = gaussianMatrix(8, 1, seed, spread);
          const scaled = column(Array.from(base.data, (v) => k * v));
          const bn = createBatchNorm(1);
          const z1 = batchNormForward(bn, base, { updateRunningStats: false }).zHat.data.slice();
          const zk = batchNormForward(bn, scaled, { updateRunningStats: false }).zHat.data;
          const s2 = batchStatistics(base).variance[0];
          const growth = Math.sqrt((s2 + bn.eps) / (s2 + bn.eps / (k * k))) - 1;
          return z1.every((v, i) => Math.abs(zk[i] - v) <= Math.abs(v) * growth * (1 + 1e-9) + 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
});
