import { describe, expect, test } from 'vitest';
import { type QuantileRow, driftSentences, medianDrift, percent, quantileTable } from '../../../../app/notebook/why/covariateShift';

describe('covariateShift helpers', () => {
  const rows: QuantileRow[] = [
    { step: 10, plainBand: [-1, 1], plainMid: 0, bnBand: [-1, 1], bnMid: 0.1 },
    { step: 20, plainBand: [0, 1], plainMid: 0.5, bnBand: [-1, 1], bnMid: 0.2 },
    { step: 30, plainBand: [2, 3], plainMid: 2.5 },
  ];

  test('medianDrift: first to last median and that distance over the mean band width (3 rows, one network diverged after 2)', () => {
    expect(medianDrift(rows, 'plain')).toEqual({ from: 0, to: 2.5, band: (2 + 1 + 1) / 3, bands: 2.5 / ((2 + 1 + 1) / 3) });
    expect(medianDrift(rows, 'bn')).toEqual({ from: 0.1, to: 0.2, band: 2, bands: Math.abs(0.2 - 0.1) / 2 });
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

describe('driftSentences: a collapsed band is reported as collapsed, not as drift (the lab’s test: band < 5 % of the larger of |from|, |to|, |to − from|)', () => {
  /** Three logged steps of a median going from `from` to `to` in a band `width` wide; with BN, a still median in a band 2 wide. */
  const rowsOf = (from: number, to: number, width: number): QuantileRow[] =>
    [from, (from + to) / 2, to].map((mid, i) => ({ step: 10 * (i + 1), plainBand: [mid - width / 2, mid + width / 2], plainMid: mid, bnBand: [-1, 1], bnMid: 0 }));

  test('depth 5’s network without BN: median 0.495 → −0.804 in a band 0.026 wide (2 % of the move) has collapsed, not moved 50 band widths', () => {
    const words = driftSentences(rowsOf(0.495, -0.804, 0.026)) ?? '';
    expect(words).toMatch(/^Without BN the median moved from 0\.495 to −0\.804, while its 15–85 % band averages only 0\.026 wide: the unit gets almost the same input for every example\. With BN/);
    expect(words).not.toMatch(/times the width of its 15–85 % band\. With/);
  });

  test('a band 0.1 wide (8 % of the same move) is drift, its ratio in 2 significant digits: 13 band widths', () => {
    expect(driftSentences(rowsOf(0.495, -0.804, 0.1))).toMatch(/^Without BN the median moved from 0\.495 to −0\.804, 13 times the width of its 15–85 % band\. With BN/);
  });
});

describe('driftSentences: the input to BN is judged by the lab’s thresholds (under 0.3 band widths little, under 1 a little, else kept moving)', () => {
  /** Three logged steps; the input to BN moves `bands` widths of its band (1 wide), the other two stay still. */
  const rowsOf = (bands: number): QuantileRow[] =>
    [0, bands / 2, bands].map((mid, i) => ({ step: 10 * (i + 1), plainBand: [-1, 1], plainMid: 0, bnBand: [-1, 1], bnMid: 0, bnPreBand: [mid - 0.5, mid + 0.5], bnPreMid: mid }));

  test('0.2 band widths (depths 5–7 measure 0.15–0.21): moved little, not “kept moving”', () => {
    const words = driftSentences(rowsOf(0.2)) ?? '';
    expect(words).toMatch(/The input to BN itself moved little against its band here: its median went from 0 to 0\.2, 0\.2 times the width of its 15–85 % band\.$/);
    expect(words).not.toMatch(/kept moving|without stopping it/);
  });

  test('0.5 band widths: moved a little; 2 band widths: kept moving; both say BN re-standardises it without stopping it', () => {
    expect(driftSentences(rowsOf(0.5))).toMatch(/The input to BN itself moved a little: its median went from 0 to 0\.5, 0\.5 times the width of its 15–85 % band; BN re-standardises it without stopping it\.$/);
    expect(driftSentences(rowsOf(2))).toMatch(/The input to BN itself kept moving: its median went from 0 to 2, 2 times the width of its 15–85 % band; BN re-standardises it without stopping it\.$/);
  });
});
