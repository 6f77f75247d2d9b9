import { describe, expect, test } from 'vitest';
import { bandDomain, bandPaths, bandPoints, nearestPoint } from '../../../../app/notebook/why/bandPaths';
import type { QuantileRow } from '../../../../app/notebook/why/covariateShift';
import { scaleLinear } from '../../../../app/ui/scale';

const ROWS: QuantileRow[] = [
  { step: 0, plainBand: [-1, 1], plainMid: 0, bnBand: [-2, 2], bnMid: 0.5 },
  { step: 10, plainBand: [0, 3], plainMid: 1 },
  { step: 20, plainBand: [1, 4], plainMid: 2, bnBand: [-1, 1], bnMid: 0 },
  { step: 30, plainBand: [Number.NaN, 4], plainMid: 2 },
];

describe('section 1 quantile chart shapes', () => {
  test('bandPoints keeps one network’s finite rows, in step order', () => {
    expect(bandPoints(ROWS, 'plain')).toEqual([
      { step: 0, lo: -1, mid: 0, hi: 1 },
      { step: 10, lo: 0, mid: 1, hi: 3 },
      { step: 20, lo: 1, mid: 2, hi: 4 },
    ]);
    expect(bandPoints(ROWS, 'bn').map((p) => p.step)).toEqual([0, 20]);
  });

  test('the y domain covers every band edge', () => {
    const [lo, hi] = bandDomain(bandPoints(ROWS, 'plain'));
    expect(lo).toBeLessThanOrEqual(-1);
    expect(hi).toBeGreaterThanOrEqual(4);
  });

  test('bandPaths: the area runs along the upper edge and back along the lower; the median through each mid', () => {
    const x = scaleLinear([0, 20], 0, 200), y = scaleLinear([0, 10], 100, 0);
    const { area, median } = bandPaths(bandPoints(ROWS, 'bn'), x, y);
    expect(area).toBe('M0.0,80.0L200.0,90.0L200.0,110.0L0.0,120.0Z');
    expect(median).toBe('M0.0,95.0L200.0,100.0');
    expect(bandPaths([], x, y)).toEqual({ area: '', median: '' });
  });

  test('nearestPoint picks the closest logged step', () => {
    const points = bandPoints(ROWS, 'plain');
    expect(nearestPoint(points, 13)?.step).toBe(10);
    expect(nearestPoint(points, 16)?.step).toBe(20);
    expect(nearestPoint([], 3)).toBeNull();
  });
});
