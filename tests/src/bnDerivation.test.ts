import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { batchNormDerivation, EngineError, sampleMiniBatch } from '../../src';
import { maxAbsError, numericGradient } from './finiteDifference';

/** L = Σᵢ dyᵢ·yᵢ with y = γ·BN(z): its gradient with respect to y is dy, so ∂L/∂z is what backprop gives. */
function linearLoss(z: Float64Array, dy: ArrayLike<number>, gamma: number, eps: number): number {
  const m = z.length;
  const mean = z.reduce((a, b) => a + b, 0) / m;
  const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / m;
  let loss = 0;
  for (let i = 0; i < m; i++) loss += dy[i] * gamma * ((z[i] - mean) / Math.sqrt(variance + eps));
  return loss;
}

describe('batchNormDerivation (one neuron, path by path)', () => {
  const z = sampleMiniBatch(7, 6, 2, 1.5);
  const dy = [0.3, -1.2, 0.5, 0.05, -0.4, 0.9];

  test('m = 6: direct + through σ² + through μ = the closed form of batchNormBackward (1e-15 absolute)', () => {
    const d = batchNormDerivation(z, dy, { gamma: 1.7, eps: 1e-5 });
    expect(d.maxGap).toBeLessThan(1e-15);
    d.dz.forEach((v, i) => expect(v).toBe(d.direct[i] + d.viaVariance[i] + d.viaMean[i]));
  });

  test('m = 6: the sum of paths equals central differences of L = Σ dy·γ·BN(z) (1e-8)', () => {
    const d = batchNormDerivation(z, dy, { gamma: 1.7, eps: 1e-5 });
    const x = Float64Array.from(z);
    expect(maxAbsError(d.dz, numericGradient(x, () => linearLoss(x, dy, 1.7, 1e-5)))).toBeLessThan(1e-8);
  });

  test('each term by its formula: ∂L/∂ẑ = γ·dy, ∂L/∂σ² = Σ ∂L/∂ẑ·(z − μ)·(−½)(σ²+ε)^(−3/2), ∂L/∂μ’s σ² part ≈ 0 (1e-15)', () => {
    const d = batchNormDerivation(z, dy, { gamma: 1.7, eps: 1e-3 });
    d.dzHat.forEach((v, i) => expect(v).toBe(dy[i] * 1.7));
    const want = d.dzHat.reduce((a, g, i) => a + g * (z[i] - d.mean), 0) * -0.5 * (d.variance + 1e-3) ** -1.5;
    expect(Math.abs(d.dVariance - want)).toBeLessThan(1e-15 * Math.abs(want) * 10);
    expect(Math.abs(d.dMeanViaVariance)).toBeLessThan(1e-14);
    expect(d.dMean).toBe(d.dMeanDirect + d.dMeanViaVariance);
    expect(Math.abs(d.dMeanDirect - -d.dzHat.reduce((a, b) => a + b, 0) / d.std)).toBeLessThan(1e-14);
  });

  test('projection: Σ ∂L/∂z = 0 and Σ ∂L/∂z·ẑ = (γ/√(σ²+ε))·(ε/(σ²+ε))·∂L/∂γ, random batches m = 2..40 (1e-12 of |γ|/√(σ²+ε)·Σ|∂L/∂y|)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 40 }), fc.double({ min: -3, max: 3, noNaN: true }).filter((g) => Math.abs(g) > 1e-3), fc.constantFrom(1e-5, 1e-3, 0.1, 1), (seed, m, gamma, eps) => {
        const zz = sampleMiniBatch(seed, m, 1, 2);
        const g = sampleMiniBatch(seed + 1, m, 0, 1);
        const d = batchNormDerivation(zz, g, { gamma, eps });
        // Rounding is relative to the terms ∂L/∂z is made of (γ/√(σ²+ε)·∂L/∂y), which can cancel to far less.
        const scale = (Math.abs(gamma) / d.std) * g.reduce((a, b) => a + Math.abs(b), 0);
        expect(Math.abs(d.sumDz)).toBeLessThan(1e-12 * scale);
        expect(Math.abs(d.sumDzZHat - d.sumDzZHatPredicted)).toBeLessThan(1e-12 * scale);
      }),
      { numRuns: 200 },
    );
  });

  test('ε = 1 makes Σ ∂L/∂z·ẑ visibly non-zero; ε → 0 makes it vanish (m = 6)', () => {
    const big = batchNormDerivation(z, dy, { eps: 1 });
    const tiny = batchNormDerivation(z, dy, { eps: 1e-10 });
    expect(Math.abs(big.sumDzZHat)).toBeGreaterThan(1e-3);
    expect(Math.abs(tiny.sumDzZHat)).toBeLessThan(1e-9);
  });

  test('bad input: lengths that differ, m = 1, a NaN gradient → EngineError naming it', () => {
    expect(() => batchNormDerivation([1, 2, 3], [1, 2])).toThrow(EngineError);
    expect(() => batchNormDerivation([1, 2, 3], [1, 2])).toThrow(/2 values for a batch of 3/);
    expect(() => batchNormDerivation([1], [1])).toThrow(/more than 1 value/);
    expect(() => batchNormDerivation([1, 2], [1, NaN])).toThrow(/∂L\/∂y\[1\]/);
  });
});
