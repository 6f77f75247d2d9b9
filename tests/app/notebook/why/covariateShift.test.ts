import { describe, expect, test } from 'vitest';
import { type QuantileRow, driftSentences, medianDrift, percent, quantileTable } from '../../../../app/notebook/why/covariateShift';

describe('covariateShift helpers', () => {
  const rows: QuantileRow[] = [
    { step: 10, plainBand: [-1, 1], plainMid: 0, bnBand: [-1, 1], bnMid: 0.1 },
    { step: 20, plainBand: [0, 1], plainMid: 0.5, bnBand: [-1, 1], bnMid: 0.2 },
    { step: 30, plainBand: [2, 3], plainMid: 2.5 },
  ];

  test('medianDrift: first to last median and that distance over the mean band width (3 rows, one network diverged after 2)', () => {
    expect(medianDrift(rows, 'plain')).toEqual({ from: 0, to: 2.5, bands: 2.5 / ((2 + 1 + 1) / 3) });
    expect(medianDrift(rows, 'bn')).toEqual({ from: 0.1, to: 0.2, bands: Math.abs(0.2 - 0.1) / 2 });
    expect(medianDrift(rows.slice(0, 1), 'plain')).toBeNull();
  });

  test('percent: one decimal, and words before the first evaluation', () => {
    expect(percent(0.92)).toBe('92.0 %');
    expect(percent(2 / 3)).toBe('66.7 %');
    expect(percent(null)).toBe('not measured yet');
  });
});

describe('chart tables (the charts’ text alternative and downloads)', () => {
  test('quantileTable unpacks the [lo, hi] bands into columns', () => {
    const q = quantileTable([{ step: 10, plainBand: [-1, 2], plainMid: 0.5 }, { step: 20 }], 'plain');
    expect(q.rows).toEqual([{ step: 10, q15: -1, q50: 0.5, q85: 2 }, { step: 20, q15: undefined, q50: undefined, q85: undefined }]);
  });
});

test('driftSentences: a band collapsed to almost no width is said to have collapsed, not turned into a huge ratio', () => {
  const rows = [0, 10, 20].map((step) => ({ step, plainBand: [step / 10 - 1e-4, step / 10 + 1e-4] as [number, number], plainMid: step / 10, bnBand: [-1, 1] as [number, number], bnMid: 0 }));
  const words = driftSentences(rows) ?? '';
  expect(words).toMatch(/Without BN the median moved from 0 to 2, while its 15–85 % band collapsed to/);
  expect(words).not.toMatch(/times the width of its own 15–85 % band\. With/);
});
