import { describe, expect, test } from 'vitest';
import { type BatchSweepOptions, createBatchSweep, experimentData, runBatchSweep, stepBatchSweep } from '../../src';

/** The batch-size sweep (src/batchSweep.ts): budget, learning-rate scaling, both accuracies, determinism, refusals. */
const data = experimentData({ dataset: 'spiral', samples: 160, testFraction: 0.25, seed: 5 });
const base: BatchSweepOptions = { norm: 'bn', batchSizes: [4, 8, 20], epochs: 2, hidden: [8, 8], seed: 5, batchSize: 8, optimizer: { name: 'sgd', lr: 0.2 } };

describe('runBatchSweep', () => {
  test('same epochs at every batch size (steps = epochs·⌊n/m⌋), lr·m/m₀, both accuracies in [0, 1]', () => {
    const n = data.train.x.rows, rows = data.test.x.rows;
    const points = runBatchSweep(base, data);
    expect(points.map((p) => [p.batch, p.steps, p.lr])).toEqual(base.batchSizes.map((m) => [m, 2 * Math.floor(n / m), (0.2 * m) / 8]));
    for (const p of points) {
      expect(p.diverged).toBeNull();
      expect(p.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(p.testAccuracy).toBeLessThanOrEqual(1);
      expect(p.testAccuracyTrainMode).toBeGreaterThanOrEqual(0);
      expect(p.trainModeRows).toBe(Math.floor(rows / p.batch) * p.batch);
      expect(p.trainLoss).toBeGreaterThan(0);
    }
  });

  test('deterministic, and resumable: chunks of 7 steps give the same points as one run', () => {
    const once = runBatchSweep(base, data);
    expect(runBatchSweep(base, data)).toEqual(once);
    const s = createBatchSweep(base, data);
    const chunked = [];
    while (s.next < base.batchSizes.length) chunked.push(...stepBatchSweep(s, 7));
    expect(chunked).toEqual(once);
  });

  test('a per-sample norm (LayerNorm) scores the same in train and eval mode when the test set fills whole batches', () => {
    const rows = data.test.x.rows, m = rows / 4;
    expect(Number.isInteger(m)).toBe(true);
    const [ln] = runBatchSweep({ ...base, norm: 'layer', batchSizes: [m] }, data);
    expect(ln.trainModeRows).toBe(rows);
    expect(ln.testAccuracyTrainMode).toBe(ln.testAccuracy);
  });

  test('refusals: batch 1, a batch above the training rows, no test set, 0 epochs, an unknown norm', () => {
    expect(() => runBatchSweep({ ...base, batchSizes: [1] }, data)).toThrow(/batch size must be an integer ≥ 2/);
    expect(() => runBatchSweep({ ...base, batchSizes: [4000] }, data)).toThrow('batch size 4000 exceeds the 120 training rows');
    expect(() => runBatchSweep(base, { train: data.train, test: { ...data.test, x: { rows: 0, cols: 2, data: new Float64Array(0) }, y: new Int32Array(0) } })).toThrow(/needs one/);
    expect(() => runBatchSweep({ ...base, epochs: 0 }, data)).toThrow(/epochs/);
    expect(() => runBatchSweep({ ...base, norm: 'batch' as never }, data)).toThrow(/unknown norm/);
  });
});
