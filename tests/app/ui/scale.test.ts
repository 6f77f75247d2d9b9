import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { clamp, fitSquares, niceDomain, niceStep, scaleLinear, ticks } from '../../../app/ui/scale';

describe('plot scales', () => {
  test('scaleLinear maps the domain onto the range and invert undoes it (1e-9)', () => {
    const x = scaleLinear([-2, 6], 20, 620);
    expect(x(-2)).toBe(20);
    expect(x(6)).toBe(620);
    fc.assert(fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (v) => Math.abs(x.invert(x(v)) - v) < 1e-9));
  });

  test('niceStep is 1, 2 or 5 × 10ᵏ', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(0.8, 6)).toBe(0.1);
    expect(niceStep(37, 6)).toBe(5);
  });

  test('ticks lie inside the domain, evenly spaced, without floating-point dust', () => {
    expect(ticks([-0.3, 0.75], 6)).toEqual([-0.2, 0, 0.2, 0.4, 0.6]);
    expect(ticks([0, 1], 10)).toContain(0.3);
  });

  test('niceDomain covers every finite value and the extras, ignores NaN, and is at least minSpan wide', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }), (vs) => {
        const [lo, hi] = niceDomain([...vs, Number.NaN], [0]);
        return vs.every((v) => v >= lo && v <= hi) && lo <= 0 && hi >= 0 && hi - lo >= 2;
      }),
    );
    expect(niceDomain([Number.NaN])).toEqual([-1, 1]);
  });

  test('clamp', () => {
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
  });
});

test('fitSquares widens the domain about its centre until the largest square fits; otherwise leaves it', () => {
  expect(fitSquares([0, 4], 1, 400, 200)).toEqual([0, 4]);
  const [lo, hi] = fitSquares([0, 4], 3, 400, 200); // 3 units must be ≤ 200 px ⇒ span ≥ 6
  expect([lo, hi]).toEqual([-1, 5]);
  expect((3 * 400) / (hi - lo)).toBeLessThanOrEqual(200);
  expect(fitSquares([0, 4], Number.NaN, 400, 200)).toEqual([0, 4]);
});
