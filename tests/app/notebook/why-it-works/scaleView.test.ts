import { describe, expect, test } from 'vitest';
import { scaleInvarianceGap } from '../../../../src';
import { notesContext } from '../../../../app/notebook/pass/notesContext';
import { gapVerdict, logAxis, powerLabel, scaleCurve, scaleTable } from '../../../../app/notebook/why-it-works/scaleView';

describe('scaleView helpers', () => {
  test('scaleCurve: 41 points from k = 0.01 to 100, null exactly at k = 1 (gap 0), else the engine’s gap', () => {
    const ctx = notesContext(0, 1e-5);
    const c = scaleCurve(ctx);
    expect(c).toHaveLength(41);
    expect(c[20]).toEqual({ k: 1, gap: null });
    expect(c[0].gap).toBe(scaleInvarianceGap(ctx.fwd.z1, c[0].k, 1e-5));
  });

  test('logAxis spans whole decades of the positive finite values; powerLabel writes 10⁻² … 10²', () => {
    expect(logAxis([null, 3e-6, 0.02, Infinity])).toEqual({ domain: [1e-6, 0.1], ticks: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1] });
    expect(logAxis([null]).domain).toEqual([1e-16, 1]);
    expect([0.01, 0.1, 1, 10, 100].map(powerLabel)).toEqual(['10⁻²', '10⁻¹', '1', '10', '10²']);
    // The verdict follows ε/k² against the smallest σ² (here 1), not the size of the gap.
    expect(gapVerdict(0, 1e-5, 1)).toBe('identical, bit for bit');
    expect(gapVerdict(1e-13, 1e-5, 1)).toBe('identical up to floating-point rounding');
    expect(gapVerdict(1e-6, 1e-7, 1)).toBe('the same to many decimals: the tiny difference is ε');
    expect(gapVerdict(1e-3, 1e-3, 1)).toBe('a small but real difference: ε/k² is 0.1 % of the smallest σ²');
    expect(gapVerdict(0.1, 0.1, 1)).toBe('visibly different: here k²σ² is not large next to ε, so ε breaks the invariance');
  });
});

describe('chart tables (the charts’ text alternative and downloads)', () => {
  test('scaleTable writes k = 1 as a gap of 0', () => {
    expect(scaleTable([{ k: 1, gap: null }, { k: 2, gap: 1e-6 }]).rows).toEqual([{ k: 1, gap: 0 }, { k: 2, gap: 1e-6 }]);
  });
});
