import { describe, expect, test } from 'vitest';
import { batchStatistics, getColumn, placementRun, summarize } from '../../src';

const base = { seed: 4, m: 256, inputs: 3, features: 4, activation: 'relu' as const };

describe('placementRun (a layer of 4 neurons over 256 samples)', () => {
  test('same seed ⇒ the same z for both placements', () => {
    const a = placementRun({ ...base, placement: 'before' });
    const b = placementRun({ ...base, placement: 'after' });
    expect(Array.from(a.z.data)).toEqual(Array.from(b.z.data));
  });

  test('before: BN output has per-neuron mean 0, var σ²/(σ²+ε); ReLU output is ≥ 0 with about half zeros', () => {
    const r = placementRun({ ...base, placement: 'before' });
    const { mean, variance } = batchStatistics(r.middle);
    mean.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
    variance.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-4));
    expect(r.out.data.every((v) => v >= 0)).toBe(true);
    for (let j = 0; j < 4; j++) expect(Math.abs(summarize(getColumn(r.out, j)).zeroFraction - 0.5)).toBeLessThan(0.15);
  });

  test('after: ReLU first, then BN: the output is centred per neuron (mean 0, 1e-12) and has negative values', () => {
    const r = placementRun({ ...base, placement: 'after' });
    expect(r.middle.data.every((v) => v >= 0)).toBe(true);
    const { mean } = batchStatistics(r.out);
    mean.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
    expect(r.out.data.some((v) => v < 0)).toBe(true);
  });

  test('z = x·W + b is [m × features]; m = 1 throws', () => {
    const r = placementRun({ ...base, placement: 'before' });
    expect([r.z.rows, r.z.cols]).toEqual([256, 4]);
    expect(() => placementRun({ ...base, m: 1, placement: 'before' })).toThrow(/batch size/);
  });
});
