import { describe, expect, test } from 'vitest';
import { createExperiment, stepComparison } from '../../../../src';
import { metricLines } from '../../../../app/lab/model/labCharts';
import { appendLogs, createRunSeries } from '../../../../app/lab/model/series';
import { batchAccuracyValues, movingMean, smallBatchNote, trainSmoothing } from '../../../../app/lab/model/smallBatch';
import { pairOf } from '../../../../app/lab/model/pair';

describe('trainSmoothing: a moving mean of the mini-batch curves below m = 8, and its words', () => {
  test.each([
    [2, 1, 32, 'mean of the last 32 steps'],
    [4, 1, 16, 'mean of the last 16 steps'],
    [7, 1, 10, 'mean of the last 10 steps'],
    [2, 20, 32, 'mean of the last 32 logged steps (one every 20)'],
  ])('m = %i, logged every %i step(s): window %i, “%s”', (m, logEvery, window, text) => {
    expect(trainSmoothing(m, logEvery)).toEqual({ window, text });
  });

  test('from m = 8 up the curves are drawn as logged', () => {
    for (const m of [8, 16, 32, 256]) expect(trainSmoothing(m, 1)).toBeNull();
  });
});

describe('movingMean', () => {
  test('trailing mean over the window, fewer values at the start', () => {
    expect(Array.from(movingMean([1, 2, 3, 4, 5, 6], 6, 3))).toEqual([1, 1.5, 2, 3, 4, 5]);
  });

  test('only the first n values count (the columns have spare capacity)', () => {
    expect(Array.from(movingMean([0, 1, 99, 99], 2, 4))).toEqual([0, 0.5]);
  });

  test('non-finite values are left out of the mean; a window with none finite is NaN', () => {
    const out = Array.from(movingMean([NaN, 2, Infinity, 4, NaN, NaN], 6, 2));
    expect(out).toEqual([NaN, 2, 2, 4, 4, NaN]);
  });

  test('matches the mean computed from scratch over a long noisy column (no drift in the running sum)', () => {
    const n = 5000, w = 32;
    const values = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 2 === 0 ? 0 : 1) * 0.5 + Math.sin(i) * 1e-3);
    const out = movingMean(values, n, w);
    for (const i of [0, 10, 31, 32, 1000, n - 1]) {
      const from = Math.max(0, i - w + 1);
      const slice = Array.from(values.subarray(from, i + 1));
      expect(out[i]).toBeCloseTo(slice.reduce((a, b) => a + b, 0) / slice.length, 12);
    }
  });
});

describe('m = 2: the accuracy chart’s mini-batch lines', () => {
  const c = createExperiment({ batch: 2, logEvery: 1, evalEvery: 10, seed: 3 }).comparison;
  const chunk = stepComparison(c, 120);
  const s = createRunSeries(c.config.hidden.length);
  appendLogs(s, chunk.logs);

  test('as logged, one batch of 2 has accuracy 0, ½ or 1 only: the line jumps between them (the “hatch”)', () => {
    const raw = metricLines(s, 'accuracy')[1].points.map((p) => p.v);
    expect(new Set(raw)).toEqual(new Set([0, 0.5, 1]));
  });

  test('smoothed: each point is the mean of the last 32 logged batches, and the line’s name says so', () => {
    const smoothing = trainSmoothing(2, 1)!;
    const lines = metricLines(s, 'accuracy', undefined, smoothing);
    const bn = lines[1];
    expect(bn.name).toBe('With BN, mini-batch, mean of the last 32 steps');
    const logged = chunk.logs.bn.map((m) => m.trainAccuracy);
    const at = (i: number) => logged.slice(Math.max(0, i - 31), i + 1).reduce((a, b) => a + b, 0) / Math.min(32, i + 1);
    expect(bn.points[100]).toEqual({ s: 101, v: expect.closeTo(at(100), 12) });
    // Means of 32 batches take many more values than 0, ½ and 1.
    expect(new Set(bn.points.map((p) => p.v)).size).toBeGreaterThan(5);
    // The test-set lines are never smoothed.
    expect(lines[3].points).toEqual(metricLines(s, 'accuracy')[3].points);
  });
});

describe('smallBatchNote', () => {
  test('m = 2: the one other example, the ±1 fact, eval mode’s running averages, and what to expect', () => {
    const note = smallBatchNote(2)!;
    expect(note).toContain('Each batch’s μ_B and σ²_B come from only 2 examples');
    expect(note).toContain('depends strongly on the one other example in its batch');
    expect(note).toContain('close to −1 and +1');
    expect(note).toContain('eval mode, whose running averages differ from each batch’s own statistics');
    expect(note).toContain('Expect jagged BN curves: BN may do worse here');
  });

  test('m = 4: “the 3 others”, and no ±1 claim (it holds only for pairs)', () => {
    const note = smallBatchNote(4)!;
    expect(note).toContain('depends strongly on the 3 others in its batch');
    expect(note).not.toContain('−1 and +1');
  });

  test('the CNN at m = 2: BatchNorm2d’s statistics come from 2 images over all their positions; no ±1 claim, no “BN may do worse”', () => {
    const note = smallBatchNote(2, true)!;
    expect(note).toContain('come from only 2 images (over all their positions)');
    expect(note).not.toContain('−1 and +1');
    expect(note).not.toContain('may do worse');
    expect(smallBatchNote(8, true)).toBeNull();
  });

  test('the note names the pair: BN against GroupNorm ends with the network with GroupNorm; a pair without BN says m does not enter', () => {
    expect(smallBatchNote(2)).toMatch(/BN may do worse here than the network without BN\.$/);
    expect(smallBatchNote(2, false, pairOf(['bn', 'group'], 4))).toMatch(/BN may do worse here than the network with GroupNorm\.$/);
    expect(smallBatchNote(2, false, pairOf(['group', 'bn'], 4))).toMatch(/than the network with GroupNorm\.$/);
    const noBn = smallBatchNote(2, false, pairOf(['layer', 'rms'], 4))!;
    expect(noBn).toContain('Neither network uses BN');
    expect(noBn).not.toMatch(/jagged BN/);
  });

  test('from m = 8 up there is no note', () => {
    expect(smallBatchNote(8)).toBeNull();
    expect(smallBatchNote(32)).toBeNull();
  });

  test('the values one batch’s accuracy can take', () => {
    expect([2, 3, 4, 6].map(batchAccuracyValues)).toEqual(['0, ½ or 1', '0, ⅓, ⅔ or 1', '0, ¼, ½, ¾ or 1', '0, 1/6, 2/6, … or 1']);
  });
});
