import { describe, expect, test } from 'vitest';
import { EngineError, quantile, quantileSorted, quantiles } from '../../src';

describe('quantiles: linear interpolation (numpy default, R type 7)', () => {
  test('[1, 2, 3, 4] at 15/50/85 % → 1.45, 2.5, 3.55 (numpy.quantile), 1e-15', () => {
    const q = quantiles([4, 1, 3, 2], [0.15, 0.5, 0.85]);
    [1.45, 2.5, 3.55].forEach((want, i) => expect(Math.abs(q[i] - want)).toBeLessThan(1e-15));
  });

  test('1..10 [10]: Q(0.15) = 1 + 0.15·9 = 2.35, Q(0) = min, Q(1) = max, odd-length median exact', () => {
    const v = Array.from({ length: 10 }, (_, i) => 10 - i);
    expect(quantile(v, 0.15)).toBeCloseTo(2.35, 14);
    expect(quantile(v, 0)).toBe(1);
    expect(quantile(v, 1)).toBe(10);
    expect(quantile([3, -1, 2], 0.5)).toBe(2);
    expect(quantile([7], 0.85)).toBe(7);
  });

  test('agrees with a direct formula on 101 seeded values [101] at 7 levels (1e-12)', () => {
    const v = Array.from({ length: 101 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const sorted = [...v].sort((a, b) => a - b);
    const levels = [0, 0.01, 0.15, 0.333, 0.5, 0.85, 1];
    const got = quantiles(v, levels);
    levels.forEach((q, k) => {
      const h = q * 100, lo = Math.floor(h);
      const want = lo >= 100 ? sorted[100] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
      expect(Math.abs(got[k] - want)).toBeLessThan(1e-12);
    });
  });

  test('does not modify the input; reuses `out` and `scratch` buffers when given', () => {
    const v = Float64Array.from([3, 1, 2]);
    const out = new Float64Array(2), scratch = new Float64Array(8);
    const r = quantiles(v, [0.5, 1], out, scratch);
    expect(r).toBe(out);
    expect(Array.from(out)).toEqual([2, 3]);
    expect(Array.from(v)).toEqual([3, 1, 2]);
    expect(quantileSorted([1, 2, 4], 0.75)).toBe(3);
  });

  test('a NaN makes every quantile NaN (as numpy); empty input and q outside [0, 1] throw EngineError', () => {
    expect(Array.from(quantiles([1, NaN, 3], [0.15, 0.85]))).toEqual([NaN, NaN]);
    expect(() => quantiles([], [0.5])).toThrow(EngineError);
    expect(() => quantile([1, 2], 1.5)).toThrow(/\[0, 1\]/);
    expect(() => quantile([1, 2], NaN)).toThrow(EngineError);
  });
});
