import { act, renderHook } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { createBatchNorm, createLandscapeRun, runningStatsTrace, sampleInContexts, sampleMiniBatch, stepLandscapeRun } from '../../../src';
import { type QuantileRow, medianDrift, percent } from '../../../app/notebook/why/covariateShift';
import { landscapeView } from '../../../app/notebook/why-it-works/landscapeView';
import { READING } from '../../../app/notebook/reading/readingList';
import { contextRows, runningSeries, sampleTex, shiftShowsInEval, truth, updateTex } from '../../../app/notebook/inference/trainEvalView';
import { useChunkedTask } from '../../../app/notebook/shared/useChunkedTask';
import { tex } from '../../../app/ui/format';

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

describe('trainEvalView helpers', () => {
  const trace = runningStatsTrace({ seed: 1, m: 8, shift: 2, scale: 1.5, momentum: 0.1, eps: 1e-5, batches: 12 });

  test('runningSeries: 12 points numbered from 1, batch and running values straight from the trace', () => {
    const mean = runningSeries(trace, 'mean'), variance = runningSeries(trace, 'variance');
    expect(mean).toHaveLength(12);
    expect(mean[0]).toEqual({ batch: 1, batchValue: trace.batchMean[0], running: trace.runningMean[0] });
    expect(variance[11]).toEqual({ batch: 12, batchValue: trace.batchVar[11], running: trace.runningVar[11] });
  });

  test('updateTex: the last update with the previous running values, the batch statistic and m/(m − 1) = 8/7', () => {
    const u = updateTex(trace, 0.1, 8);
    expect(u.mean).toContain(`${tex(trace.runningMean[10], 4)}`);
    expect(u.mean.endsWith(`&= ${tex(trace.runningMean[11], 4)} \\end{aligned}`)).toBe(true);
    expect(u.variance).toContain(String.raw`\frac{8}{7}`);
    expect(u.variance.endsWith(`&= ${tex(trace.runningVar[11], 4)} \\end{aligned}`)).toBe(true);
  });

  test('sampleTex substitutes the mode’s statistics; a refused output gives no equation; contextRows labels m', () => {
    const z = sampleMiniBatch(1, 8, 2, 1.5);
    const c = sampleInContexts(trace.bn, z, sampleMiniBatch(8, 7, 2, 1.5), 'train');
    const eq = sampleTex(c.inBatch, z[0], 1, 0, 1e-5, 'train');
    expect(eq).toContain(String.raw`\mu_{B}`);
    expect(c.inBatch.ok && eq?.endsWith(`&= ${tex(c.inBatch.y, 4)} \\end{aligned}`)).toBe(true);
    expect(sampleTex(c.alone, z[0], 1, 0, 1e-5, 'train')).toBeNull();
    expect(contextRows(c, 8).map((r) => r.label)).toEqual(['in its own batch (m = 8)', 'with 7 other samples', 'alone (m = 1)']);
    expect(contextRows(c, 2)[1].label).toBe('with 1 other sample');
    expect(truth(2, 1.5)).toEqual({ mean: 2, variance: 2.25 });
  });
});

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

describe('useChunkedTask', () => {
  test('runs a 5-step task in slices to the end, then reports done with the final view', async () => {
    vi.useFakeTimers();
    let k = 0;
    const { result } = renderHook(() => useChunkedTask(() => ({ step: () => ++k >= 5, view: () => k }), []));
    expect(result.current.done).toBe(false);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(result.current).toEqual({ view: 5, done: true });
    vi.useRealTimers();
  });

  test('waits while start is false, and stops stepping after unmount', async () => {
    vi.useFakeTimers();
    let steps = 0;
    const create = () => ({ step: () => (++steps, false), view: () => steps });
    const { result, rerender, unmount } = renderHook(({ start }) => useChunkedTask(create, [], start, 0), { initialProps: { start: false } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(steps).toBe(0);
    expect(result.current.view).toBeNull();
    rerender({ start: true });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5);
    });
    expect(steps).toBeGreaterThan(0);
    unmount();
    const after = steps;
    await vi.advanceTimersByTimeAsync(50);
    expect(steps).toBe(after);
    vi.useRealTimers();
  });
});

test('the reading list: unique https URLs, every reference has a title, a place and a reason', () => {
  const refs = READING.flatMap((r) => r.refs);
  expect(new Set(refs.map((r) => r.url)).size).toBe(refs.length);
  for (const r of refs) {
    expect(r.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    expect(r.title.length * r.where.length * r.why.length).toBeGreaterThan(0);
  }
});

describe('scaleView helpers', () => {
  test('scaleCurve: 41 points from k = 0.01 to 100, null exactly at k = 1 (gap 0), else the engine’s gap', async () => {
    const { notesContext } = await import('../../../app/notebook/pass/notesContext');
    const { scaleCurve } = await import('../../../app/notebook/why-it-works/scaleView');
    const { scaleInvarianceGap } = await import('../../../src');
    const ctx = notesContext(0, 1e-5);
    const c = scaleCurve(ctx);
    expect(c).toHaveLength(41);
    expect(c[20]).toEqual({ k: 1, gap: null });
    expect(c[0].gap).toBe(scaleInvarianceGap(ctx.fwd.z1, c[0].k, 1e-5));
  });

  test('logAxis spans whole decades of the positive finite values; powerLabel writes 10⁻² … 10²', async () => {
    const { logAxis, powerLabel, gapVerdict } = await import('../../../app/notebook/why-it-works/scaleView');
    expect(logAxis([null, 3e-6, 0.02, Infinity])).toEqual({ domain: [1e-6, 0.1], ticks: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1] });
    expect(logAxis([null]).domain).toEqual([1e-16, 1]);
    expect([0.01, 0.1, 1, 10, 100].map(powerLabel)).toEqual(['10⁻²', '10⁻¹', '1', '10', '10²']);
    expect([0, 1e-13, 1e-5, 0.1].map(gapVerdict)).toEqual([
      'identical, bit for bit',
      'identical up to floating-point rounding',
      'the same to three decimals: the tiny difference is ε',
      'visibly different: here k²σ² is not large next to ε, so ε breaks the invariance',
    ]);
  });
});

describe('chart tables (the charts’ text alternative and downloads)', () => {
  test('quantileTable and landscapeTable unpack the [lo, hi] bands into columns; scaleTable writes k = 1 as a gap of 0', async () => {
    const { quantileTable, landscapeTable, scaleTable, runningTable } = await import('../../../app/notebook/shared/chartTables');
    const q = quantileTable([{ step: 10, plainBand: [-1, 2], plainMid: 0.5 }, { step: 20 }], 'plain');
    expect(q.rows).toEqual([{ step: 10, q15: -1, q50: 0.5, q85: 2 }, { step: 20, q15: undefined, q50: undefined, q85: undefined }]);
    const l = landscapeTable([{ step: 0, plainGrad: [0, 3], bnGrad: [0, 1] }], 'Grad');
    expect(l.rows).toEqual([{ step: 0, plainLo: 0, plainHi: 3, bnLo: 0, bnHi: 1 }]);
    expect(l.columns.map((c) => c.label)).toContain('highest gradient change, with BN');
    expect(scaleTable([{ k: 1, gap: null }, { k: 2, gap: 1e-6 }]).rows).toEqual([{ k: 1, gap: 0 }, { k: 2, gap: 1e-6 }]);
    expect(runningTable([{ batch: 1, batchValue: 2, running: 0.2 }], 'mean').columns.map((c) => c.label)).toEqual(['training batch', 'batch mean', 'running mean']);
  });
});

test('roughness: medians without BN over medians with BN; null when a median is missing or 0', async () => {
  const { roughness } = await import('../../../app/notebook/why-it-works/landscapeView');
  const base = { rows: [], step: 0, total: 0, etas: [] };
  const v = (p: number | null, b: number | null) => ({ lossRange: p, gradChange: b, beta: 2, nonFinite: 0 });
  expect(roughness({ ...base, summary: { plain: v(0.6, 3), bn: v(0.03, 0.5) } })).toEqual({ loss: 0.6 / 0.03, grad: 6, beta: 1 });
  expect(roughness({ ...base, summary: { plain: v(null, 3), bn: v(0.03, 0) } })).toEqual({ loss: null, grad: null, beta: 1 });
});

test('shiftShowsInEval: a shifted batch keeps its shift through eval-mode BN unless its mean lands within |γ|/4 of β', () => {
  const bn = createBatchNorm(1);
  bn.gamma[0] = 2;
  bn.beta[0] = 1;
  expect(shiftShowsInEval(2.649, bn)).toBe(true);
  expect(shiftShowsInEval(1.2, bn)).toBe(false);
  expect(shiftShowsInEval(0.4, bn)).toBe(true);
});
