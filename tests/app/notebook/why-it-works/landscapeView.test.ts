import { describe, expect, test } from 'vitest';
import { createLandscapeRun, stepLandscapeRun } from '../../../../src';
import { landscapeTable, landscapeView, roughness } from '../../../../app/notebook/why-it-works/landscapeView';

describe('landscapeView', () => {
  test('rows hold [min, max] of the loss (incl. L(θ)) and of ‖Δ∇L‖ (incl. 0) per checkpoint; medians skip step 0', () => {
    const run = createLandscapeRun({ settings: { dataset: 'moons', samples: 120, depth: 2, width: 8, lr: 0.2, batch: 16, seed: 2, logEvery: 5, evalEvery: 5 }, steps: 15, every: 5, probeRows: 32, etaFactors: [0.5, 1, 2] });
    while (!stepLandscapeRun(run));
    const v = landscapeView(run);
    expect(v.rows.map((r) => r.step)).toEqual([0, 5, 10, 15]);
    const p = run.points[2].probes.bn;
    expect(v.rows[2].bnLoss).toEqual([Math.min(p?.loss ?? NaN, ...(p?.losses ?? [])), Math.max(p?.loss ?? NaN, ...(p?.losses ?? []))]);
    expect(v.rows[2].bnGrad).toEqual([0, p?.maxGradChange]);
    const ranges = run.points.slice(1).map((q) => q.probes.plain?.lossRange ?? NaN).sort((a, b) => a - b);
    expect(v.summary.plain.lossRange).toBe(ranges[1]);
    expect(v.summary.plain.nonFinite).toBe(0);
    expect(v.etas).toEqual(run.etas);
  });
});

test('roughness: medians without BN over medians with BN; null when a median is missing or 0', () => {
  const base = { rows: [], step: 0, total: 0, etas: [] };
  const v = (p: number | null, b: number | null) => ({ lossRange: p, gradChange: b, beta: 2, nonFinite: 0 });
  expect(roughness({ ...base, summary: { plain: v(0.6, 3), bn: v(0.03, 0.5) } })).toEqual({ loss: 0.6 / 0.03, grad: 6, beta: 1 });
  expect(roughness({ ...base, summary: { plain: v(null, 3), bn: v(0.03, 0) } })).toEqual({ loss: null, grad: null, beta: 1 });
});

describe('chart tables (the charts’ text alternative and downloads)', () => {
  test('landscapeTable unpacks the [lo, hi] bands into columns', () => {
    const l = landscapeTable([{ step: 0, plainGrad: [0, 3], bnGrad: [0, 1] }], 'Grad');
    expect(l.rows).toEqual([{ step: 0, plainLo: 0, plainHi: 3, bnLo: 0, bnHi: 1 }]);
    expect(l.columns.map((c) => c.label)).toContain('highest gradient change, with BN');
  });
});
