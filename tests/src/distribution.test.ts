import { describe, expect, test } from 'vitest';
import { histogram, summarize } from '../../src';

describe('histogram', () => {
  test('10 values into 5 bins over [0, 1]: counts, edges, hi in the last bin, outside and non-finite apart', () => {
    const h = histogram([0, 0.1, 0.2, 0.25, 0.5, 0.99, 1, 1.5, -0.1, Number.NaN], 5, 0, 1);
    expect(Array.from(h.edges)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(Array.from(h.counts)).toEqual([2, 2, 1, 0, 2]);
    expect(h.outside).toBe(2);
    expect(h.nonFinite).toBe(1);
    expect(h.total).toBe(10);
  });

  test('counts add up to the values in range', () => {
    const v = Array.from({ length: 200 }, (_, i) => Math.sin(i) * 3);
    const h = histogram(v, 17, -3, 3);
    expect(h.counts.reduce((a, b) => a + b, 0) + h.outside + h.nonFinite).toBe(200);
  });

  test('bad ranges throw', () => {
    expect(() => histogram([1], 0, 0, 1)).toThrow(/bins/);
    expect(() => histogram([1], 3, 1, 1)).toThrow(/low < high/);
  });
});

describe('summarize', () => {
  test('[0, 0, 1, 3] → mean 1, std √1.5, zero fraction 0.5, positive 0.5', () => {
    const s = summarize([0, 0, 1, 3]);
    expect(s.mean).toBe(1);
    expect(Math.abs(s.std - Math.sqrt(1.5))).toBeLessThan(1e-15);
    expect(s.min).toBe(0);
    expect(s.max).toBe(3);
    expect(s.zeroFraction).toBe(0.5);
    expect(s.positiveFraction).toBe(0.5);
  });
});
