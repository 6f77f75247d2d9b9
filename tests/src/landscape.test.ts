import { describe, expect, test } from 'vitest';
import { EngineError, createLandscapeRun, createModel, createRng, makeDataset2D, params, probeAlongGradient, stepLandscapeRun } from '../../src';

const data = makeDataset2D({ name: 'moons', n: 64, seed: 4 });
const model = (bn: 'before' | 'none') => createModel({ inputs: 2, classes: 2, hidden: [8, 8], bn }, createRng(9));

describe('loss landscape along the gradient (Santurkar et al. 2018)', () => {
  test('a tiny step η = 10⁻⁶ lowers the loss by η‖g‖² to first order (relative 1e-3), with and without BN, on 64 rows', () => {
    for (const bn of ['before', 'none'] as const) {
      const p = probeAlongGradient(model(bn), data.x, data.y, [1e-6]);
      const predicted = 1e-6 * p.gradNorm * p.gradNorm;
      expect(Math.abs(p.loss - p.losses[0] - predicted) / predicted).toBeLessThan(1e-3);
      expect(p.gradChange[0]).toBeLessThan(1e-4 * p.gradNorm);
    }
  });

  test('the model is not modified, and the summary numbers are the max/min of the per-η arrays (5 step sizes)', () => {
    const m = model('before');
    const before = params(m).map((q) => Array.from(q.value));
    const p = probeAlongGradient(m, data.x, data.y, [0.05, 0.1, 0.2, 0.4, 0.8]);
    expect(params(m).map((q) => Array.from(q.value))).toEqual(before);
    const all = [p.loss, ...p.losses];
    expect(p.lossRange).toBe(Math.max(...all) - Math.min(...all));
    expect(p.maxGradChange).toBe(Math.max(...p.gradChange));
    const ratios = Array.from(p.gradChange, (c, i) => c / (p.etas[i] * p.gradNorm));
    expect(p.betaSmoothness).toBeCloseTo(Math.max(...ratios), 12);
  });

  test('step sizes must be positive and finite; an empty list is refused', () => {
    expect(() => probeAlongGradient(model('none'), data.x, data.y, [])).toThrow(EngineError);
    expect(() => probeAlongGradient(model('none'), data.x, data.y, [0.1, -1])).toThrow(/positive and finite/);
    expect(() => probeAlongGradient(model('none'), data.x, data.y, [Infinity])).toThrow(EngineError);
  });
});

describe('the landscape run (train both networks, probe every few steps)', () => {
  const small = { settings: { dataset: 'moons' as const, samples: 120, depth: 2, width: 8, lr: 0.2, batch: 16, seed: 2, logEvery: 5, evalEvery: 5 }, steps: 20, every: 5, probeRows: 32, etaFactors: [0.5, 1, 2] };

  test('probes at steps 0, 5, 10, 15, 20 for both networks, with step sizes lr × factors', () => {
    const run = createLandscapeRun(small);
    let done = false, calls = 0;
    while (!done) {
      done = stepLandscapeRun(run);
      calls++;
    }
    expect(calls).toBe(4);
    expect(run.points.map((p) => p.step)).toEqual([0, 5, 10, 15, 20]);
    expect(run.etas).toEqual([0.1, 0.2, 0.4]);
    for (const p of run.points) expect(p.probes.plain && p.probes.bn).toBeTruthy();
    expect(stepLandscapeRun(run)).toBe(true);
    expect(run.points).toHaveLength(5);
  });

  test('deterministic: two runs give identical probe losses (exact equality)', () => {
    const a = createLandscapeRun(small), b = createLandscapeRun(small);
    stepLandscapeRun(a);
    stepLandscapeRun(b);
    expect(Array.from(a.points[1].probes.bn?.losses ?? [])).toEqual(Array.from(b.points[1].probes.bn?.losses ?? []));
  });
});
