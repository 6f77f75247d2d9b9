import { describe, expect, test } from 'vitest';
import { effectiveEps, fromRows, notesForward, notesNetworkAfter, notesWeightScaling, scaleInvarianceCurve, scaleInvarianceGap } from '../../src';

const z = fromRows([
  [1, -2],
  [2, 0.5],
  [3, 4],
  [4, -1],
]);

describe('scale invariance BN(k·z) = BN(z), up to ε', () => {
  test('k = 1 gives exactly 0; ε = 0 gives rounding only (1e-14) for k from 10⁻³ to 10³ on a [4 × 2] batch', () => {
    expect(scaleInvarianceGap(z, 1, 1e-5)).toBe(0);
    for (const k of [1e-3, 0.1, 7, 1e3]) expect(scaleInvarianceGap(z, k, 0)).toBeLessThan(1e-14);
  });

  test('with ε the gap matches the closed form |ẑ|·|1 − √((σ²+ε)/(σ²+ε/k²))| for column 1 (σ² = 1.25) at k = 0.01 (1e-12)', () => {
    const col = fromRows([[1], [2], [3], [4]]);
    const eps = 1e-5, k = 0.01, s2 = 1.25;
    const zhatMax = 1.5 / Math.sqrt(s2 + eps);
    const want = zhatMax * Math.abs(Math.sqrt((s2 + eps) / (s2 + eps / (k * k))) - 1);
    expect(Math.abs(scaleInvarianceGap(col, k, eps) - want)).toBeLessThan(1e-12);
  });

  test('the curve over 25 log-spaced k: large where k²σ² ≈ ε, small for large k, exactly 0 at k = 1', () => {
    const c = scaleInvarianceCurve(z, 1e-5, 1e-4, 1e2, 25);
    expect(c.k).toHaveLength(25);
    expect(Math.abs(c.k[0] - 1e-4)).toBeLessThan(1e-18);
    expect(Math.abs(c.k[24] - 1e2)).toBeLessThan(1e-12);
    expect(c.gap[0]).toBeGreaterThan(0.1);
    expect(c.gap[24]).toBeLessThan(1e-4);
    expect(c.gap[c.k.findIndex((k) => Math.abs(k - 1) < 1e-12)]).toBe(0);
  });

  test('effectiveEps: ε/k² (10⁻⁵ at k = 0.01 is 0.1); k must be positive', () => {
    expect(effectiveEps(1e-5, 0.01)).toBeCloseTo(0.1, 15);
    expect(() => effectiveEps(1e-5, 0)).toThrow();
  });

  test('the notes’ network with W₁ × 10: same loss (1e-6), ‖∂L/∂W₁‖ divided by 10 (relative 1e-4)', () => {
    const s = notesWeightScaling(5, 1e-5, 10);
    expect(Math.abs(s.lossScaled - s.loss)).toBeLessThan(1e-6);
    expect(Math.abs((s.gradNormScaled * 10) / s.gradNorm - 1)).toBeLessThan(1e-4);
    const { net, batch } = notesNetworkAfter(5, 1e-5);
    expect(s.loss).toBe(notesForward(net, batch).loss);
  });
});
