import { describe, expect, test } from 'vitest';
import {
  EngineError,
  createComparison,
  createSweep,
  evaluate,
  logSpace,
  makeDataset2D,
  runSweep,
  splitDataset,
  stepComparison,
  stepSweep,
  type SweepOptions,
} from '../../src';

const split = splitDataset(makeDataset2D({ name: 'spiral', n: 200, seed: 1 }), 0.25, 1);
const options: SweepOptions = { hidden: [16, 16], outputBn: true, batchSize: 16, seed: 3, optimizer: { name: 'sgd' }, learningRates: [0.1, 30], steps: 40 };

describe('learning-rate sweep', () => {
  test('lr 0.1 and 30 (BN on the logits): both survive 0.1; at 30 the plain net diverges and the BN net does not', () => {
    const points = runSweep(options, split);
    expect(points.map((p) => p.lr)).toEqual([0.1, 30]);
    for (const v of ['plain', 'bn'] as const) {
      expect(points[0][v].diverged).toBeNull();
      expect(points[0][v].finalLoss).toBeGreaterThan(0);
    }
    expect(points[1].plain.diverged?.step).toBeGreaterThan(0);
    expect(points[1].plain.finalLoss).toBeNull();
    expect(points[1].plain.testLoss).toBeNull();
    expect(points[1].bn.diverged).toBeNull();
    expect(points[1].bn.testAccuracy).toBeGreaterThan(0);
  });

  test('each result matches the comparison it stands for: mean of the last ⌈40/10⌉ batch losses, minimum, test loss', () => {
    const [point] = runSweep({ ...options, learningRates: [0.1] }, split);
    const c = createComparison({ ...options, optimizer: { name: 'sgd', lr: 0.1 }, logEvery: 1, evalEvery: 40, probeSize: 0 }, split);
    const logs = stepComparison(c, 40).logs;
    for (const v of ['plain', 'bn'] as const) {
      const losses = logs[v].map((m) => m.trainLoss);
      const last4 = losses.slice(-4).reduce((a, b) => a + b, 0) / 4;
      expect(point[v].finalLoss).toBe(last4);
      expect(point[v].minLoss).toBe(Math.min(...losses));
      expect(point[v].testLoss).toBe(evaluate(c.variants[v].model, split.test).loss);
    }
  });

  test('stepSweep in chunks of 7 steps gives the same points as one runSweep, and reports progress', () => {
    const sweep = createSweep(options, split);
    const first = stepSweep(sweep, 7);
    expect([first.done, first.completedSteps, first.totalSteps, first.points.length]).toEqual([false, 7, 80, 0]);
    let p = first;
    while (!p.done) p = stepSweep(sweep, 7);
    expect(p.points).toEqual(runSweep(options, split));
    expect(stepSweep(sweep, 7).done).toBe(true);
  });

  test('logSpace(1e-3, 10, 5) = [1e-3, 1e-2, 0.1, 1, 10] (1e-12 relative), ends exact', () => {
    const lrs = logSpace(1e-3, 10, 5);
    [1e-3, 1e-2, 0.1, 1, 10].forEach((want, i) => expect(Math.abs(lrs[i] / want - 1)).toBeLessThan(1e-12));
    expect([lrs[0], lrs[4]]).toEqual([1e-3, 10]);
    expect(logSpace(0.5, 0.5, 1)).toEqual([0.5]);
    expect(() => logSpace(0, 1, 3)).toThrow(EngineError);
  });

  test('bad sweeps throw EngineError: no learning rates, lr 0, NaN, steps 0', () => {
    expect(() => createSweep({ ...options, learningRates: [] }, split)).toThrow(/at least one learning rate/);
    expect(() => createSweep({ ...options, learningRates: [0.1, 0] }, split)).toThrow(/positive/);
    expect(() => createSweep({ ...options, learningRates: [NaN] }, split)).toThrow(/finite/);
    expect(() => createSweep({ ...options, steps: 0 }, split)).toThrow(/steps per run/);
  });
});
