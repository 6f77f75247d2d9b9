import { describe, expect, test } from 'vitest';
import {
  ACTIVATIONS,
  type ActivationName,
  EngineError,
  activationBackward,
  activationForward,
  createRng,
  fromRows,
  zeros,
} from '../../src';
import { dot, maxAbsError, numericGradient } from './finiteDifference';

/** Independent scalar references. */
const REFERENCE: Record<ActivationName, (x: number) => number> = {
  relu: (x) => (x > 0 ? x : 0),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: (x) => (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1),
  identity: (x) => x,
};

describe('activationForward [2 × 3] against scalar formulas (1e-15)', () => {
  const z = fromRows([[-2, -0.5, 0], [0.25, 1, 3]]);
  test.each(ACTIVATIONS)('%s', (name) => {
    const a = activationForward(name, z);
    z.data.forEach((x, i) => expect(Math.abs(a.data[i] - REFERENCE[name](x))).toBeLessThanOrEqual(1e-15));
  });

  test('sigmoid is stable for |z| = 1000 [1 × 2]: exactly 0 and 1, no NaN', () => {
    expect(Array.from(activationForward('sigmoid', fromRows([[-1000, 1000]])).data)).toEqual([0, 1]);
  });

  test('relu passes NaN through (like PyTorch) so a diverged pre-activation is not hidden as 0', () => {
    const a = activationForward('relu', fromRows([[NaN, -1, 2]])).data;
    expect(Number.isNaN(a[0])).toBe(true);
    expect([a[1], a[2]]).toEqual([0, 2]);
  });

  test('relu on edge values [1 × 8]: −∞ → 0, −0 → +0, +∞, the smallest subnormal, NaN → NaN', () => {
    const a = activationForward('relu', fromRows([[-Infinity, -0, 0, -1e-300, 5e-324, Infinity, NaN, 7]])).data;
    expect(Array.from(a.subarray(0, 6))).toEqual([0, 0, 0, 0, 5e-324, Infinity]);
    expect(Object.is(a[1], 0)).toBe(true);
    expect(Number.isNaN(a[6])).toBe(true);
    expect(a[7]).toBe(7);
  });

  test('relu on random signs equals the scalar reference exactly, also in place (out = z) [64 × 33]', () => {
    const rng = createRng(4);
    const z = zeros(64, 33);
    for (let i = 0; i < z.data.length; i++) z.data[i] = rng.gaussian();
    const want = Array.from(z.data, REFERENCE.relu);
    expect(Array.from(activationForward('relu', z).data)).toEqual(want);
    expect(Array.from(activationForward('relu', z, z).data)).toEqual(want);
  });

  test('writes into `out` when it has the shape', () => {
    const out = zeros(2, 3);
    expect(activationForward('tanh', z, out)).toBe(out);
  });
});

describe('activationBackward against central finite differences of L = Σ f(z) ⊙ r, [4 × 5] (1e-9)', () => {
  const rng = createRng(3);
  const z = zeros(4, 5), r = zeros(4, 5);
  for (let i = 0; i < z.data.length; i++) {
    // Keep ReLU away from its kink at 0 (|z| ≥ 0.1 ≫ h = 1e-5), where the derivative jumps.
    const v = 2 * rng.gaussian();
    z.data[i] = Math.abs(v) < 0.1 ? 0.1 + v : v;
    r.data[i] = rng.gaussian();
  }
  test.each(ACTIVATIONS)('%s', (name) => {
    const a = activationForward(name, z);
    const dz = activationBackward(name, z, a, r);
    const fd = numericGradient(z.data, () => dot(activationForward(name, z).data, r.data));
    expect(maxAbsError(dz.data, fd)).toBeLessThan(1e-9);
  });

  test('relu backward passes no gradient where z ≤ 0 or z is NaN, even an infinite or NaN one [1 × 5]', () => {
    const z0 = fromRows([[-1, NaN, 0, 2, -3]]);
    const dz = activationBackward('relu', z0, activationForward('relu', z0), fromRows([[Infinity, 4, NaN, -Infinity, -2]])).data;
    expect(Array.from(dz)).toEqual([0, 0, 0, -Infinity, 0]);
    expect(Object.is(dz[4], 0)).toBe(true);
  });

  test('relu′(0) is taken as 0, like PyTorch', () => {
    const z0 = fromRows([[0, 1]]);
    const dz = activationBackward('relu', z0, activationForward('relu', z0), fromRows([[5, 5]]));
    expect(Array.from(dz.data)).toEqual([0, 5]);
  });
});

describe('bad input throws EngineError', () => {
  test('an unknown activation name, forward and backward', () => {
    const bad = 'softplus' as ActivationName;
    expect(() => activationForward(bad, zeros(1, 1))).toThrow(EngineError);
    expect(() => activationForward(bad, zeros(1, 1))).toThrow('unknown activation "softplus"');
    expect(() => activationBackward(bad, zeros(1, 1), zeros(1, 1), zeros(1, 1))).toThrow(EngineError);
  });
  test('∂L/∂a of the wrong shape: [2 × 2] for z [2 × 3]', () => {
    expect(() => activationBackward('relu', zeros(2, 3), zeros(2, 3), zeros(2, 2))).toThrow('∂L/∂a must be [2 × 3], got [2 × 2]');
  });
});
