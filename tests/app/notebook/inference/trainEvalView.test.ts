import { describe, expect, test } from 'vitest';
import { createBatchNorm, runningStatsTrace, sampleInContexts, sampleMiniBatch } from '../../../../src';
import { contextRows, runningSeries, runningTable, sampleTex, shiftShowsInEval, truth, updateTex } from '../../../../app/notebook/inference/trainEvalView';
import { tex } from '../../../../app/ui/format';

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

test('shiftShowsInEval: a shifted batch keeps its shift through eval-mode BN unless its mean lands within |γ|/4 of β', () => {
  const bn = createBatchNorm(1);
  bn.gamma[0] = 2;
  bn.beta[0] = 1;
  expect(shiftShowsInEval(2.649, bn)).toBe(true);
  expect(shiftShowsInEval(1.2, bn)).toBe(false);
  expect(shiftShowsInEval(0.4, bn)).toBe(true);
});

describe('chart tables (the charts’ text alternative and downloads)', () => {
  test('runningTable names the batch and running columns by the statistic', () => {
    expect(runningTable([{ batch: 1, batchValue: 2, running: 0.2 }], 'mean').columns.map((c) => c.label)).toEqual(['training batch', 'batch mean', 'running mean']);
  });
});
