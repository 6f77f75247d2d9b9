import { describe, expect, test } from 'vitest';
import { EngineError, batchMateEffect, foldBatchNorm, foldError, matrix, selectRows, timePredictions } from '../../src';
import { scrambleBatchNorms, spiral, trainedModel } from './trainedModel';

const model = scrambleBatchNorms(trainedModel({ hidden: [16, 16], activation: 'relu', bn: 'before', outputBn: true }, 200, 2), 3);
const folded = foldBatchNorm(model).model;
const data = spiral(300, 21);
const rows = (from: number, n: number) => selectRows(data, Array.from({ length: n }, (_, i) => from + i)).x;

describe('batchMateEffect: why the fold is eval-mode only', () => {
  test('one sample [1 × 2] with two sets of 15 batch-mates: train-mode logits [3] move by > 0.01, the folded ones by exactly 0 and match eval mode (1e-12 relative)', () => {
    const e = batchMateEffect(model, folded, rows(0, 1), rows(1, 15), rows(100, 15));
    expect(e.trainGap).toBeGreaterThan(0.01);
    expect(e.foldedGap).toBe(0);
    expect(Array.from(e.foldedA)).toEqual(Array.from(e.foldedB));
    expect(e.foldedVsEval).toBeLessThanOrEqual(1e-12 * Math.max(1, ...Array.from(e.foldedA, Math.abs)));
    expect(e.trainA).toHaveLength(3);
  });

  test('the same batch-mates give the same train-mode output (gap 0): the gap is the batch, nothing else', () => {
    const e = batchMateEffect(model, folded, rows(0, 1), rows(1, 15), rows(1, 15));
    expect(e.trainGap).toBe(0);
  });

  test('a sample of two rows, or no batch-mates, throws EngineError', () => {
    expect(() => batchMateEffect(model, folded, rows(0, 2), rows(2, 5), rows(9, 5))).toThrow(/one row/);
    expect(() => batchMateEffect(model, folded, rows(0, 1), matrix(0, 2, new Float64Array(0)), rows(9, 5))).toThrow(EngineError);
  });

  test('foldError leaves both models as they were: the same call twice gives the same numbers', () => {
    const x = rows(0, 300);
    expect(foldError(model, folded, x)).toEqual(foldError(model, folded, x));
  });
});

describe('timePredictions', () => {
  test('with a clock that advances 2 ms per reading and minMs 10: 5 timed passes over [300 × 2] → 10/(5·300) ms per sample', () => {
    let t = 0;
    const now = () => (t += 2);
    const r = timePredictions(folded, rows(0, 300), now, 10);
    // readings: start 2, then 4, 6, 8, 10, 12 after passes 1…5 → elapsed 10 after 5 passes
    expect(r).toEqual({ passes: 5, msPerSample: 10 / (5 * 300) });
  });

  test('a real clock gives a positive, finite time per sample for both models', () => {
    for (const m of [model, folded]) {
      const r = timePredictions(m, rows(0, 300), () => performance.now(), 5);
      expect(r.msPerSample).toBeGreaterThan(0);
      expect(Number.isFinite(r.msPerSample)).toBe(true);
    }
  });

  test('a negative or NaN minimum time throws EngineError', () => {
    expect(() => timePredictions(folded, rows(0, 3), () => 0, -1)).toThrow(EngineError);
    expect(() => timePredictions(folded, rows(0, 3), () => 0, NaN)).toThrow(/finite/);
  });
});
