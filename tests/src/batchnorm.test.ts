// This file is longer than 300 lines: the forward and both backward passes of batch norm are tested side
// by side against the same PyTorch references and property generators, as src/batchnorm.ts keeps them.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type BatchNorm,
  type Matrix,
  batchNormBackward,
  batchNormBackwardSimplified,
  batchNormForward,
  batchStatistics,
  column,
  createBatchNorm,
  createRng,
  EngineError,
  fromRows,
  maxAbsDiff,
  zeros,
} from '../../src';
import { dot, maxAbsError, numericGradient } from './finiteDifference';

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

/** A random batch [m × n] whose columns have different means and spreads, γ ≠ 1 and β ≠ 0. */
function randomSetup(m: number, n: number, seed: number) {
  const rng = createRng(seed);
  const z = zeros(m, n);
  for (let j = 0; j < n; j++) {
    const shift = 4 * rng.gaussian(), scale = 0.5 + 3 * rng.uniform();
    for (let i = 0; i < m; i++) z.data[i * n + j] = shift + scale * rng.gaussian();
  }
  const bn = createBatchNorm(n);
  for (let j = 0; j < n; j++) {
    bn.gamma[j] = 0.3 + 2 * rng.uniform();
    bn.beta[j] = rng.gaussian();
  }
  // L = Σ y ⊙ r, so ∂L/∂y = r.
  const r = zeros(m, n);
  for (let i = 0; i < r.data.length; i++) r.data[i] = rng.gaussian();
  return { z, bn, r };
}

/** L(z, γ, β) = Σ BN(z) ⊙ r, evaluated without touching the running statistics. */
function lossOf(bn: BatchNorm, z: Matrix, r: Matrix, mode: 'train' | 'eval' = 'train'): () => number {
  return () => dot(batchNormForward(bn, z, { mode, updateRunningStats: false }).y.data, r.data);
}

describe('batchNormBackward (exact), NUMERICS.md cases 5–7', () => {
  test('case 5: dz [5 × 3], γ ≠ 1, against central finite differences (1e-7 absolute)', () => {
    const { z, bn, r } = randomSetup(5, 3, 2024);
    const g = batchNormBackward(bn, batchNormForward(bn, z, { updateRunningStats: false }), r);
    const fd = numericGradient(z.data, lossOf(bn, z, r));
    expect(maxAbsError(g.dz.data, fd)).toBeLessThan(1e-7);
    // The gradient is not trivially small: the check has something to compare.
    expect(Math.max(...g.dz.data.map(Math.abs))).toBeGreaterThan(0.1);
  });

  test('case 5 on a wider batch [6 × 7] (features in blocks of 4 plus 3): dz, dγ, dβ against finite differences (1e-7)', () => {
    const { z, bn, r } = randomSetup(6, 7, 99);
    const g = batchNormBackward(bn, batchNormForward(bn, z, { updateRunningStats: false }), r);
    expect(maxAbsError(g.dz.data, numericGradient(z.data, lossOf(bn, z, r)))).toBeLessThan(1e-7);
    expect(maxAbsError(g.dGamma, numericGradient(bn.gamma, lossOf(bn, z, r)))).toBeLessThan(1e-7);
    expect(maxAbsError(g.dBeta, numericGradient(bn.beta, lossOf(bn, z, r)))).toBeLessThan(1e-7);
  });

  test('case 5 (parameters): dγ and dβ [3] against central finite differences (1e-7 absolute)', () => {
    const { z, bn, r } = randomSetup(5, 3, 77);
    const g = batchNormBackward(bn, batchNormForward(bn, z, { updateRunningStats: false }), r);
    expect(maxAbsError(g.dGamma, numericGradient(bn.gamma, lossOf(bn, z, r)))).toBeLessThan(1e-7);
    expect(maxAbsError(g.dBeta, numericGradient(bn.beta, lossOf(bn, z, r)))).toBeLessThan(1e-7);
  });

  test('case 6: Σᵢ dzᵢ = 0 for every feature of a random [5 × 3] batch (1e-12)', () => {
    const { z, bn, r } = randomSetup(5, 3, 6);
    const dz = batchNormBackward(bn, batchNormForward(bn, z), r).dz;
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let i = 0; i < 5; i++) s += dz.data[i * 3 + j];
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
  });

  test('case 7: dβ = Σ dy and dγ = Σ dy·ẑ, one per feature, for a [6 × 4] batch (1e-12)', () => {
    const { z, bn, r } = randomSetup(6, 4, 8);
    const f = batchNormForward(bn, z);
    const g = batchNormBackward(bn, f, r);
    expect(g.dBeta.length).toBe(4);
    expect(g.dGamma.length).toBe(4);
    for (let j = 0; j < 4; j++) {
      let sumDy = 0, sumDyZhat = 0;
      for (let i = 0; i < 6; i++) {
        sumDy += r.data[i * 4 + j];
        sumDyZhat += r.data[i * 4 + j] * f.zHat.data[i * 4 + j];
      }
      expect(Math.abs(g.dBeta[j] - sumDy)).toBeLessThan(1e-12);
      expect(Math.abs(g.dGamma[j] - sumDyZhat)).toBeLessThan(1e-12);
    }
  });

  test('property: Σᵢ dzᵢ = 0 per feature for arbitrary batches m ∈ [2, 12], n ∈ [1, 9] (1e-13·m of the terms\' size)', () => {
    // Rounding: dzᵢ = k·(m·dyᵢ − Σdy − ẑᵢ·Σdy·ẑ) is a difference of terms of size
    // Tᵢ = |k|·(m|dyᵢ| + |Σdy| + |ẑᵢ|·|Σdy·ẑ|); summing m of them loses at most about m·2⁻⁵²·ΣTᵢ.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (m, n, seed) => {
          const { z, bn, r } = randomSetup(m, n, seed);
          const f = batchNormForward(bn, z);
          const g = batchNormBackward(bn, f, r);
          for (let j = 0; j < n; j++) {
            const k = Math.abs((bn.gamma[j] * f.invStd[j]) / m);
            let s = 0, size = 0;
            for (let i = 0; i < m; i++) {
              const at = i * n + j;
              s += g.dz.data[at];
              size += k * (m * Math.abs(r.data[at]) + Math.abs(g.dBeta[j]) + Math.abs(f.zHat.data[at] * g.dGamma[j]));
            }
            if (!(Math.abs(s) <= 1e-13 * m * size)) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the notes\' simplified backward dz = dy·γ/σ', () => {
  test('eval mode: equals the exact backward, and both match finite differences of the eval map [4 × 2]', () => {
    const { z, bn, r } = randomSetup(4, 2, 31);
    batchNormForward(bn, z); // gives the running statistics non-default values
    const f = batchNormForward(bn, z, { mode: 'eval' });
    const exact = batchNormBackward(bn, f, r);
    const simplified = batchNormBackwardSimplified(bn, f, r);
    expect(maxAbsError(simplified.dz.data, exact.dz.data)).toBe(0);
    expect(maxAbsError(exact.dz.data, numericGradient(z.data, lossOf(bn, z, r, 'eval')))).toBeLessThan(1e-7);
  });

  test('train mode: differs from the exact one, fails the finite-difference check, and Σ dz ≠ 0 [5 × 3]', () => {
    const { z, bn, r } = randomSetup(5, 3, 2024);
    const f = batchNormForward(bn, z, { updateRunningStats: false });
    const simplified = batchNormBackwardSimplified(bn, f, r).dz.data.slice();
    const exact = batchNormBackward(bn, f, r).dz.data;
    const fd = numericGradient(z.data, lossOf(bn, z, r));
    expect(maxAbsError(simplified, exact)).toBeGreaterThan(0.1);
    expect(maxAbsError(simplified, fd)).toBeGreaterThan(0.1);
    expect(Math.abs(simplified[0] + simplified[3] + simplified[6] + simplified[9] + simplified[12])).toBeGreaterThan(1e-3);
  });

  test('its dγ and dβ are the correct batch sums (same as the exact backward)', () => {
    const { z, bn, r } = randomSetup(5, 3, 5);
    const f = batchNormForward(bn, z);
    const s = batchNormBackwardSimplified(bn, f, r);
    const e = batchNormBackward(bn, f, r);
    expect(Array.from(s.dGamma)).toEqual(Array.from(e.dGamma));
    expect(Array.from(s.dBeta)).toEqual(Array.from(e.dBeta));
  });
});

describe('special batches, NUMERICS.md cases 10–11', () => {
  test('case 10: γ = √(σ² + ε), β = μ undoes the normalization: y = z for a [6 × 3] batch (1e-12)', () => {
    const { z, bn } = randomSetup(6, 3, 10);
    const { mean, variance } = batchStatistics(z);
    for (let j = 0; j < 3; j++) {
      bn.gamma[j] = Math.sqrt(variance[j] + bn.eps);
      bn.beta[j] = mean[j];
    }
    const y = batchNormForward(bn, z).y;
    expect(maxAbsDiff(y, z)).toBeLessThan(1e-12);
  });

  test('case 11: a zero-variance column [4 × 2]: ẑ = 0, y = β, dz = γ(dy − mean(dy))/√ε, finite (1e-12 relative)', () => {
    const z = fromRows([[3.7, 1], [3.7, 2], [3.7, 4], [3.7, 8]]);
    const bn = createBatchNorm(2);
    bn.gamma[0] = 1.5;
    bn.beta[0] = -0.25;
    const f = batchNormForward(bn, z);
    const dy = fromRows([[1, 0.5], [-2, 0.1], [0.5, 0], [3, -1]]);
    const dz = batchNormBackward(bn, f, dy).dz.data;
    const meanDy = (1 - 2 + 0.5 + 3) / 4;
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(f.zHat.data[i * 2])).toBeLessThan(1e-12);
      expect(Math.abs(f.y.data[i * 2] - -0.25)).toBeLessThan(1e-12);
      const want = (1.5 * (dy.data[i * 2] - meanDy)) / Math.sqrt(1e-5);
      expect(Math.abs(dz[i * 2] - want)).toBeLessThan(1e-12 * Math.abs(want));
    }
    expect(Array.from(dz).every(Number.isFinite)).toBe(true);
    expect(Math.max(...Array.from(dz).map(Math.abs))).toBeGreaterThan(100); // large, as NUMERICS.md says
  });

  test('case 11 with an exactly representable constant (2, m = 4): ẑ and y − β are exactly 0', () => {
    const bn = createBatchNorm(1);
    bn.beta[0] = 0.75;
    const f = batchNormForward(bn, column([2, 2, 2, 2]));
    expect(Array.from(f.zHat.data)).toEqual([0, 0, 0, 0]);
    expect(Array.from(f.y.data)).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(f.variance[0]).toBe(0);
  });
});

describe('running statistics and modes', () => {
  test('updateRunningStats: false and eval mode leave the running buffers unchanged', () => {
    const bn = createBatchNorm(1);
    batchNormForward(bn, column([1, 2, 3, 4]), { updateRunningStats: false });
    batchNormForward(bn, column([5, 9]), { mode: 'eval' });
    expect([bn.runningMean[0], bn.runningVar[0]]).toEqual([0, 1]);
  });

  test('two steps of momentum 0.5 follow the PyTorch update rule (unbiased variance) [3 × 1]', () => {
    const bn = createBatchNorm(1, { momentum: 0.5 });
    batchNormForward(bn, column([0, 3, 6]));
    batchNormForward(bn, column([1, 1, 4]));
    // μ = 3, σ²·m/(m−1) = 9; then μ = 2, σ²·m/(m−1) = 3.
    const mean1 = 0.5 * 0 + 0.5 * 3, var1 = 0.5 * 1 + 0.5 * 9;
    expect(Math.abs(bn.runningMean[0] - (0.5 * mean1 + 0.5 * 2))).toBeLessThan(1e-15);
    expect(Math.abs(bn.runningVar[0] - (0.5 * var1 + 0.5 * 3))).toBeLessThan(1e-14);
  });

  test('a reused forward record keeps its buffers and reports the mode of the latest pass', () => {
    const bn = createBatchNorm(2);
    const z = fromRows([[1, 2], [3, 5], [4, 4]]);
    const first = batchNormForward(bn, z);
    const again = batchNormForward(bn, z, { out: first, mode: 'eval' });
    expect(again.y).toBe(first.y);
    expect(again.zHat).toBe(first.zHat);
    expect(again.mode).toBe('eval');
    const g = batchNormBackward(bn, again, z);
    expect(batchNormBackward(bn, again, z, g)).toBe(g);
  });
});

describe('bad input throws EngineError with a message naming the problem', () => {
  test('input with the wrong number of features: [4 × 3] into a 2-feature batch norm', () => {
    expect(() => batchNormForward(createBatchNorm(2), zeros(4, 3))).toThrow(EngineError);
    expect(() => batchNormForward(createBatchNorm(2), zeros(4, 3))).toThrow('batch norm has 2 features but the input has 3 columns');
  });

  test('∂L/∂y of the wrong shape: [3 × 2] for a [4 × 2] forward pass', () => {
    const bn = createBatchNorm(2);
    const f = batchNormForward(bn, fromRows([[1, 2], [3, 4], [5, 7], [0, 1]]));
    expect(() => batchNormBackward(bn, f, zeros(3, 2))).toThrow('∂L/∂y must be [4 × 2], got [3 × 2]');
    expect(() => batchNormBackwardSimplified(bn, f, zeros(3, 2))).toThrow(EngineError);
  });

  test('non-finite or out-of-range ε and momentum, at creation and at forward time', () => {
    expect(() => createBatchNorm(1, { eps: NaN })).toThrow('ε (eps) must be a finite number, got NaN');
    expect(() => createBatchNorm(1, { eps: Infinity })).toThrow(EngineError);
    expect(() => createBatchNorm(1, { eps: -1e-5 })).toThrow('ε (eps) must be in [0, Infinity], got -0.00001');
    expect(() => createBatchNorm(1, { momentum: 1.5 })).toThrow('momentum must be in [0, 1], got 1.5');
    const bn = createBatchNorm(1);
    bn.eps = NaN;
    expect(() => batchNormForward(bn, column([1, 2]))).toThrow(/ε \(eps\) must be a finite number/);
  });

  test('zero features, and an empty batch in eval mode', () => {
    expect(() => createBatchNorm(0)).toThrow('batch norm needs at least one feature, got 0');
    expect(() => batchNormForward(createBatchNorm(1), zeros(0, 1), { mode: 'eval' })).toThrow(EngineError);
    expect(() => batchStatistics(zeros(0, 2))).toThrow('batch statistics need at least one sample');
  });
});

describe('kernels against a plain per-element reference on every column layout', () => {
  test('property: train and eval forward (μ, σ², ẑ, y) and backward (dz, dγ, dβ) match a naive loop, m ∈ [2, 9], n ∈ [1, 11] (1e-12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 11 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (m, n, seed) => {
        const { z, bn, r } = randomSetup(m, n, seed);
        const f = batchNormForward(bn, z, { updateRunningStats: false });
        const g = batchNormBackward(bn, f, r);
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * (1 + Math.abs(b));
        for (let j = 0; j < n; j++) {
          let mu = 0;
          for (let i = 0; i < m; i++) mu += z.data[i * n + j] / m;
          let v = 0;
          for (let i = 0; i < m; i++) v += (z.data[i * n + j] - mu) ** 2 / m;
          const inv = 1 / Math.sqrt(v + bn.eps);
          let sumDy = 0, sumDyZhat = 0;
          for (let i = 0; i < m; i++) {
            const zh = (z.data[i * n + j] - mu) * inv;
            sumDy += r.data[i * n + j];
            sumDyZhat += r.data[i * n + j] * zh;
            if (!close(f.zHat.data[i * n + j], zh) || !close(f.y.data[i * n + j], bn.gamma[j] * zh + bn.beta[j])) return false;
          }
          if (!close(f.mean[j], mu) || !close(f.variance[j], v) || !close(g.dBeta[j], sumDy) || !close(g.dGamma[j], sumDyZhat)) return false;
          for (let i = 0; i < m; i++) {
            const zh = (z.data[i * n + j] - mu) * inv;
            const want = ((bn.gamma[j] * inv) / m) * (m * r.data[i * n + j] - sumDy - zh * sumDyZhat);
            if (!(Math.abs(g.dz.data[i * n + j] - want) <= 1e-12 * (1 + Math.abs(inv * bn.gamma[j]) * m))) return false;
          }
        }
        // Eval mode: the fixed affine map and dz = dy·γ/√(running σ² + ε).
        batchNormForward(bn, z); // non-default running statistics
        const fe = batchNormForward(bn, z, { mode: 'eval' });
        const dze = batchNormBackward(bn, fe, r).dz.data;
        for (let k = 0; k < m * n; k++) {
          const j = k % n, inv = 1 / Math.sqrt(bn.runningVar[j] + bn.eps);
          if (!close(fe.y.data[k], bn.gamma[j] * (z.data[k] - bn.runningMean[j]) * inv + bn.beta[j])) return false;
          if (!close(dze[k], r.data[k] * bn.gamma[j] * inv)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
