import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createExperiment, stepComparison, type StepMetrics } from '../../../../src';
import { downsample } from '../../../../app/ui/downsample';
import { appendLogs, createRunSeries, seriesCsv } from '../../../../app/lab/model/series';

/** A real run of the engine: 2 hidden layers, logged every step, tested every 5 (the lab's 2-D path). */
function engineRun(steps: number) {
  const c = createExperiment({ logEvery: 1, evalEvery: 5, seed: 3 }).comparison;
  return stepComparison(c, steps).logs;
}

describe('downsample (LTTB): what the charts draw', () => {
  test('n ≤ maxPoints: every finite point, in order; NaN and ±∞ are dropped, never drawn', () => {
    const x = [0, 1, 2, 3, 4, 5];
    const y = [1, NaN, 3, Infinity, -Infinity, 6];
    expect(downsample(x, y, 6, 10)).toEqual([{ s: 0, v: 1 }, { s: 2, v: 3 }, { s: 5, v: 6 }]);
  });

  test('10,000 points → exactly 200, first and last kept, steps increasing', () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i + 1);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 300));
    const out = downsample(x, y, n, 200);
    expect(out).toHaveLength(200);
    expect(out[0]).toEqual({ s: 1, v: y[0] });
    expect(out[199]).toEqual({ s: n, v: y[n - 1] });
    for (let i = 1; i < out.length; i++) expect(out[i].s).toBeGreaterThan(out[i - 1].s);
  });

  test('a one-sample spike in a flat line survives (the largest triangle of its bucket)', () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = new Float64Array(n).fill(1);
    y[3217] = 40;
    expect(downsample(x, y, n, 100).some((p) => p.s === 3217 && p.v === 40)).toBe(true);
  });

  test('keep and scale: a log chart drops zeros and judges shape on log10', () => {
    const x = [0, 1, 2, 3], y = [1e-3, 0, 10, -1];
    expect(downsample(x, y, 4, 10, { keep: (v) => v > 0, scale: Math.log10 })).toEqual([{ s: 0, v: 1e-3 }, { s: 2, v: 10 }]);
  });

  test('only the first n entries count (columns have spare capacity)', () => {
    expect(downsample([0, 1, 2, 3], [5, 6, 7, 8], 2, 10)).toEqual([{ s: 0, v: 5 }, { s: 1, v: 6 }]);
  });

  test('property: at most maxPoints points, all finite, each one of the input pairs, in input order', () => {
    const value = fc.oneof(fc.double({ noNaN: false }), fc.constant(NaN), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), fc.integer({ min: 3, max: 60 }), (ys, maxPoints) => {
        const xs = ys.map((_, i) => i);
        const out = downsample(xs, ys, ys.length, maxPoints);
        expect(out.length).toBeLessThanOrEqual(maxPoints);
        let last = -1;
        for (const p of out) {
          expect(Number.isFinite(p.v) && Number.isFinite(p.s)).toBe(true);
          expect(Object.is(ys[p.s], p.v)).toBe(true);
          expect(p.s).toBeGreaterThan(last);
          last = p.s;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('run series: every logged step kept in columns', () => {
  test('40 engine steps appended in 3 uneven chunks = the engine’s StepMetrics, column by column', () => {
    const logs = engineRun(40);
    const s = createRunSeries(2, 4);
    for (const [a, b] of [[0, 7], [7, 8], [8, 40]]) appendLogs(s, { plain: logs.plain.slice(a, b), bn: logs.bn.slice(a, b) });
    expect(s.version).toBe(3);
    for (const v of ['plain', 'bn'] as const) {
      const col = s[v], ref: StepMetrics[] = logs[v];
      expect(col.n).toBe(40);
      expect(Array.from(col.step.subarray(0, 40))).toEqual(ref.map((m) => m.step));
      expect(Array.from(col.trainLoss.subarray(0, 40))).toEqual(ref.map((m) => m.trainLoss));
      expect(Array.from(col.q85[1].subarray(0, 40))).toEqual(ref.map((m) => m.quantiles[1].q85));
      expect(Array.from(col.gradNorm[2].subarray(0, 40))).toEqual(ref.map((m) => m.gradNorms[2]));
      const tested = ref.filter((m) => m.testAccuracy !== null);
      expect(col.testN).toBe(8);
      expect(Array.from(col.testStep.subarray(0, 8))).toEqual(tested.map((m) => m.step));
      expect(Array.from(col.testAccuracy.subarray(0, 8))).toEqual(tested.map((m) => m.testAccuracy));
    }
  });

  test('CSV: a header, one row per network and step, test columns only where evaluated, full precision', () => {
    const logs = engineRun(10);
    const s = createRunSeries(2);
    appendLogs(s, logs);
    const rows = seriesCsv(s).trimEnd().split('\n');
    expect(rows[0]).toBe('step,network,train_loss,train_accuracy,test_loss,test_accuracy,layer1_q15,layer1_q50,layer1_q85,layer2_q15,layer2_q50,layer2_q85,grad_norm_W1,grad_norm_W2,grad_norm_W3');
    expect(rows).toHaveLength(1 + 20);
    const fifth = rows[5].split(',');
    expect(fifth.slice(0, 2)).toEqual(['5', 'without_bn']);
    expect(Number(fifth[2])).toBe(logs.plain[4].trainLoss);
    expect(Number(fifth[5])).toBe(logs.plain[4].testAccuracy);
    expect(rows[4].split(',')[4]).toBe('');
    expect(rows[11].split(',')[1]).toBe('with_bn');
  });

  test('CSV leaves non-finite values empty', () => {
    const s = createRunSeries(1);
    const m: StepMetrics = { step: 1, epoch: 0, trainLoss: NaN, trainAccuracy: 0.5, testLoss: null, testAccuracy: null, quantiles: [{ layer: 1, unit: 0, q15: -Infinity, q50: 0, q85: 1 }], gradNorms: [Infinity, 2] };
    appendLogs(s, { plain: [m], bn: [] });
    expect(seriesCsv(s).split('\n')[1]).toBe('1,without_bn,,0.5,,,,0,1,,2');
  });
});
