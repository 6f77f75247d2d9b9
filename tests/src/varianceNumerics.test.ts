import { describe, expect, test } from 'vitest';
import { float32Spacing, onePassVariance, twoPassVariance, varianceCancellation } from '../../src';

describe('one-pass vs two-pass variance', () => {
  const data = [10000.1, 10000.2, 10000.3, 10000.4];

  test('NUMERICS pitfall (m = 4): one-pass in float32 gives −8, two-pass gives 0.0125 (float32 to 1e-3 relative)', () => {
    expect(onePassVariance(data, 'float32')).toBe(-8);
    expect(Math.abs(twoPassVariance(data, 'float32') - 0.0125) / 0.0125).toBeLessThan(1e-2);
    expect(Math.abs(twoPassVariance(data, 'float64') - 0.0125) / 0.0125).toBeLessThan(1e-9);
  });

  test('near 0 both formulas agree with (1/m)Σ(z−μ)² in float64 (m = 4, 1e-15)', () => {
    const z = [1, 2, 3, 4];
    expect(onePassVariance(z)).toBe(1.25);
    expect(twoPassVariance(z)).toBe(1.25);
    expect(Math.abs(onePassVariance(z, 'float32') - 1.25)).toBeLessThan(1e-15);
  });

  test('float32 rounding: every intermediate is a float32 number', () => {
    const v = twoPassVariance([0.1, 0.2, 0.7], 'float32');
    expect(Math.fround(v)).toBe(v);
  });

  test('varianceCancellation(z, 1e4) (m = 4): reference 1.25; float32 one-pass is far off; two-pass exact', () => {
    const c = varianceCancellation([1, 2, 3, 4], 1e4);
    expect(c.reference).toBe(1.25);
    const get = (p: string, m: string) => c.estimates.find((e) => e.precision === p && e.method === m)!;
    expect(get('float32', 'one-pass').relativeError).toBeGreaterThan(1);
    expect(get('float32', 'two-pass').relativeError).toBeLessThan(1e-6);
    expect(get('float64', 'two-pass').relativeError).toBeLessThan(1e-12);
    expect(c.float32Spacing).toBe(2 ** -10);
  });

  test('float64 one-pass breaks too once the offset is large enough (1e8, m = 4)', () => {
    const c = varianceCancellation([1, 2, 3, 4], 1e8);
    const f64one = c.estimates.find((e) => e.precision === 'float64' && e.method === 'one-pass')!;
    expect(f64one.relativeError).toBeGreaterThan(0.1);
  });

  test('float32Spacing is the float32 ulp: 1 → 2⁻²³, 1e8 → 8', () => {
    expect(float32Spacing(1)).toBe(2 ** -23);
    expect(float32Spacing(1e8)).toBe(8);
  });

  test('empty or non-finite data throw', () => {
    expect(() => onePassVariance([])).toThrow(/at least one/);
    expect(() => twoPassVariance([1, Number.NaN])).toThrow(/finite/);
  });
});
