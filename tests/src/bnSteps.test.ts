import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { batchNormSteps, EngineError, identityParams, maxDeviationFromInput, sampleMiniBatch } from '../../src';

describe('batchNormSteps (one neuron, the notes’ steps)', () => {
  test('z = [1,2,3,4] (m = 4): μ = 2.5, centred values, squares, σ² = 1.25, Z_norm of NUMERICS case 1 (1e-9)', () => {
    const s = batchNormSteps([1, 2, 3, 4], { eps: 1e-5 });
    expect(s.m).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(Array.from(s.centered)).toEqual([-1.5, -0.5, 0.5, 1.5]);
    expect(Array.from(s.squaredDeviations)).toEqual([2.25, 0.25, 0.25, 2.25]);
    expect(s.variance).toBe(1.25);
    expect(Math.abs(s.unbiasedVariance - 5 / 3)).toBeLessThan(1e-15);
    expect(Math.abs(s.std - Math.sqrt(1.25 + 1e-5))).toBeLessThan(1e-15);
    const want = [-1.34163542, -0.447211807, 0.447211807, 1.34163542];
    s.zNorm.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-9));
    expect(s.defined).toBe(true);
  });

  test('Z̃ = γ·Z_norm + β (m = 6): output mean = β, output variance = γ²σ²/(σ²+ε) (1e-12)', () => {
    const z = sampleMiniBatch(3, 6, 2, 1.5);
    const s = batchNormSteps(z, { eps: 1e-3, gamma: 2.5, beta: -0.75 });
    s.y.forEach((v, i) => expect(Math.abs(v - (2.5 * s.zNorm[i] - 0.75))).toBeLessThan(1e-12));
    expect(Math.abs(s.outMean - -0.75)).toBeLessThan(1e-12);
    expect(Math.abs(s.outVariance - (6.25 * s.variance) / (s.variance + 1e-3))).toBeLessThan(1e-12);
  });

  test('centred values sum to 0 and the squares average to σ², for random batches (m = 2..40, 1e-12 relative)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 40 }), (seed, m) => {
        const s = batchNormSteps(sampleMiniBatch(seed, m, 3, 2));
        const sum = s.centered.reduce((a, b) => a + b, 0);
        const meanSq = s.squaredDeviations.reduce((a, b) => a + b, 0) / m;
        expect(Math.abs(sum)).toBeLessThan(1e-12 * m * 10);
        expect(Math.abs(meanSq - s.variance)).toBeLessThan(1e-12 * s.variance);
      }),
      { numRuns: 40 },
    );
  });

  test('the notes read literally (μ subtracted twice) give σ² + μ² (m = 8, 1e-12)', () => {
    const z = sampleMiniBatch(1, 8, 2, 1.5);
    const s = batchNormSteps(z);
    expect(Math.abs(s.varianceIfCenteredTwice - (s.variance + s.mean * s.mean))).toBeLessThan(1e-12);
  });

  test('σ² = 0 with ε = 0 (m = 4): Z_norm is 0/0, reported as not defined; with ε > 0, Z_norm = 0 and Z̃ = β', () => {
    const z = [1.25, 1.25, 1.25, 1.25];
    const bad = batchNormSteps(z, { eps: 0 });
    expect(bad.variance).toBe(0);
    expect(bad.defined).toBe(false);
    expect(bad.zNorm.every(Number.isNaN)).toBe(true);
    const ok = batchNormSteps(z, { eps: 1e-5, beta: 0.5 });
    expect(ok.defined).toBe(true);
    expect(Array.from(ok.zNorm)).toEqual([0, 0, 0, 0]);
    expect(Array.from(ok.y)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  test('m = 1 and non-finite inputs throw EngineError with a message', () => {
    expect(() => batchNormSteps([3])).toThrow(/Expected more than 1 value per channel/);
    expect(() => batchNormSteps([1, Number.NaN])).toThrow(EngineError);
    expect(() => batchNormSteps([1, 2], { gamma: Infinity })).toThrow(/γ/);
  });
});

describe('identity undo (γ = √(σ²+ε), β = μ)', () => {
  test('reproduces z to 1e-12 (NUMERICS case 10) for random batches of m = 2..32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 32 }), fc.double({ min: -5, max: 5, noNaN: true }), (seed, m, shift) => {
        const z = sampleMiniBatch(seed, m, shift, 1.5);
        const p = identityParams(z, 1e-5);
        expect(maxDeviationFromInput(z, { eps: 1e-5, ...p })).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  test('γ and β of one batch do not undo another batch (m = 8)', () => {
    const p = identityParams(sampleMiniBatch(1, 8, 2, 1.5));
    expect(maxDeviationFromInput(sampleMiniBatch(2, 8, 2, 1.5), p)).toBeGreaterThan(0.01);
  });
});
