import { describe, expect, test } from 'vitest';
import { columnsRange, labelWidth, logDomain, logTicks, niceAxis, padRange, percentTick, stepAtLeast, valueDomain, yAxisWidth } from '../../../../app/lab/model/labAxes';
import { fmt } from '../../../../app/ui/format';

describe('axes', () => {
  test('valueDomain pads 5 % of the span; a flat line gets ±0.5; nothing gives null', () => {
    const line = (vs: number[]) => ({ id: 'a', name: '', variant: 'bn' as const, role: 'train' as const, points: vs.map((v, i) => ({ s: i, v })) });
    expect(valueDomain([line([1, 3])])).toEqual([0.9, 3.1]);
    expect(valueDomain([line([2, 2])])).toEqual([1.5, 2.5]);
    expect(valueDomain([line([])])).toBeNull();
    expect(logDomain([line([0.03, 4])])).toEqual([0.01, 10]);
    expect(logDomain([line([-1, 4])])).toBeNull();
  });

  test.each([
    [0.3, 0.5], [1, 1], [1.2, 2], [2.2, 2.5], [3, 5], [7, 10], [0.012, 0.02],
  ])('stepAtLeast(%s) = %s', (raw, want) => expect(stepAtLeast(raw)).toBeCloseTo(want, 12));

  test('niceAxis rounds outward to round ticks: [−1.36, 2.7] → −2 … 4 by 2; [0, 166] → 0 … 200 by 50', () => {
    expect(niceAxis([-1.36, 2.7])).toEqual({ domain: [-2, 4], ticks: [-2, 0, 2, 4] });
    expect(niceAxis([0, 166])).toEqual({ domain: [0, 200], ticks: [0, 50, 100, 150, 200] });
    expect(niceAxis([0, 1])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  test('niceAxis for training steps: whole numbers only (5 steps on 3 ticks: 0, 5, not 0, 2.5, 5; 1 step: 0, 1)', () => {
    expect(niceAxis([0, 5], 3)).toEqual({ domain: [0, 5], ticks: [0, 2.5, 5] });
    expect(niceAxis([0, 5], 3, true)).toEqual({ domain: [0, 5], ticks: [0, 5] });
    expect(niceAxis([0, 1], 5, true)).toEqual({ domain: [0, 1], ticks: [0, 1] });
    expect(niceAxis([0, 3], 5, true)).toEqual({ domain: [0, 3], ticks: [0, 1, 2, 3] });
    expect(niceAxis([0, 166], 5, true)).toEqual(niceAxis([0, 166], 5));
  });

  test('columnsRange: min and max over the first n entries of several columns, ±∞ and NaN skipped; padRange pads', () => {
    const a = Float64Array.from([3, -1, 7, 100]), b = Float64Array.from([2, Infinity, NaN]);
    expect(columnsRange([{ col: a, n: 3 }])).toEqual([-1, 7]);
    expect(columnsRange([{ col: a, n: 3 }, { col: b, n: 3 }])).toEqual([-1, 7]);
    expect(columnsRange([{ col: b, n: 3 }])).toEqual([2, 2]);
    expect(columnsRange([{ col: a, n: 0 }])).toBeNull();
    expect(padRange([0, 10])).toEqual([-0.5, 10.5]);
    expect(padRange([2, 2])).toEqual([1.5, 2.5]);
  });

  test('logTicks: powers of ten, at most 6, stepping by a whole number of decades', () => {
    expect(logTicks([1e-3, 10])).toEqual([1e-3, 1e-2, 0.1, 1, 10]);
    expect(logTicks([1e-8, 1])).toEqual([1e-8, 1e-6, 1e-4, 1e-2, 1]);
    // Adam at lr 1: BN's gradients decay to ~1e-61; 63 decades get 4 labels, not 32.
    expect(logTicks([1e-61, 10])).toEqual([1e-60, 1e-40, 1e-20, 1]);
    expect(logTicks([1e-12, 1])).toEqual([1e-12, 1e-9, 1e-6, 1e-3, 1]);
    expect(logTicks([1e-300, 1e300])).toEqual([1e-200, 1, 1e200]);
    for (let lo = -320; lo < 0; lo += 7) {
      for (const span of [1, 2, 5, 6, 7, 11, 29, 63, 150]) {
        const ticks = logTicks([10 ** lo, 10 ** (lo + span)])!;
        const exps = ticks.map((t) => Math.round(Math.log10(t)));
        expect(ticks.length, `10^${lo} … 10^${lo + span}`).toBeLessThanOrEqual(6);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(new Set(exps.slice(1).map((e, i) => e - exps[i])).size).toBe(1);
        expect(Number.isInteger(exps[1] - exps[0])).toBe(true);
      }
    }
    expect(logTicks(null)).toBeUndefined();
  });

  test('yAxisWidth: 40 px for short labels; wider for 10⁻⁶⁰, with room for the tick and its gap', () => {
    expect(yAxisWidth(['0', '0.5', '1'])).toBe(40);
    expect(yAxisWidth([fmt(1e-60, 4), fmt(1e-40, 4)])).toBeGreaterThanOrEqual(labelWidth('10⁻⁶⁰') + 12);
    expect(yAxisWidth(['1.5×10⁻⁵'])).toBeGreaterThan(yAxisWidth(['10⁻⁵']));
    expect(labelWidth('10⁻⁶⁰')).toBeGreaterThan(labelWidth('10'));
  });
});

test('percentTick: an accuracy tick in per cent (the values stay fractions)', () => {
  expect([0, 0.25, 0.5, 0.75, 1, 0.333].map(percentTick)).toEqual(['0', '25', '50', '75', '100', '33.3']);
});
