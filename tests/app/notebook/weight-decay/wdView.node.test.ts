import { describe, expect, test } from 'vitest';
import { linearLayers, stepEffectiveLrRun } from '../../../../src';
import { createWdRun, dotReadout, growingSteps, normRows, normStep, normTable, probeBatch, shownSteps } from '../../../../app/notebook/weight-decay/wdView';

const run = (eps: number, steps = 200, weightDecay = 5e-4) => {
  const r = createWdRun({ weightDecay, lr: 1, eps, steps });
  stepEffectiveLrRun(r, steps);
  return r;
};

describe('the weight-decay run’s read-outs (2 → 16 → 16 → 3, BN before ReLU, spiral, SGD at η = 1)', () => {
  test('ε = 1e-5: W·∂L/∂W per unit is > 1e-6 of ‖W_j‖‖g_j‖ (not 0), equal to BN’s ε part to ≤ 1e-12; the model is not touched', () => {
    const r = run(1e-5);
    const model = r.traces[0].model;
    const W = Float64Array.from(linearLayers(model)[0].W.data);
    const layers = dotReadout(model, probeBatch(r.train, 32));
    expect(layers.map((d) => d.index)).toEqual([1, 2]);
    expect(layers[0].maxDot).toBeGreaterThan(1e-6);
    for (const d of layers) {
      expect(d.residual).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(d.maxDot - d.maxEps) / d.maxDot).toBeLessThan(1e-6);
    }
    const u = layers[0].worst;
    expect(u.epsTerm).toBeCloseTo((u.gamma * 1e-5 * u.dGamma) / (u.variance + 1e-5), 20);
    expect(linearLayers(model)[0].W.data).toEqual(W);
  });

  test('ε = 0: W·∂L/∂W ≤ 1e-13 of its bound in every layer BN follows (exact scale invariance, rounding only)', () => {
    const layers = dotReadout(run(0).traces[0].model, probeBatch(run(0).train, 32));
    for (const d of layers) {
      expect(d.maxDot).toBeLessThanOrEqual(1e-13);
      expect(d.maxEps).toBe(0);
    }
  });

  test('the one-step identity holds to ≤ 1e-12 at λ = 0 and 5e-4; ‖W_t‖² + η²‖g_t‖² holds to 1e-13 only with ε = 0 and λ = 0', () => {
    const withEps = run(1e-5), exact = run(0);
    for (const r of [withEps, exact]) for (const tr of r.traces) expect(normStep(r, tr, 0)!.fullError).toBeLessThanOrEqual(1e-12);
    expect(normStep(exact, exact.traces[0], 0)!.shortGap).toBeLessThanOrEqual(1e-13);
    expect(normStep(withEps, withEps.traces[0], 0)!.shortGap).toBeGreaterThan(1e-12);
    expect(normStep(withEps, withEps.traces[1], 0)!.shortGap).toBeGreaterThan(1e-6); // the decay term
  });

  test('λ = 0: ‖W₁‖ grows at every one of 200 steps; λ = 5e-4 ends below it; at step 0 there is no identity to check', () => {
    const r = run(1e-5);
    expect(growingSteps(r, r.traces[0], 0)).toBe(200);
    const last = normRows(r, 0).at(-1)!;
    expect(last.step).toBe(200);
    expect(last.normDecay).toBeLessThan(last.norm0);
    expect(last.eff0).toBeCloseTo(1 / last.norm0 ** 2, 12);
    expect(normStep(createWdRun({ weightDecay: 0, lr: 1, eps: 1e-5, steps: 10 }), r.traces[0], 0)).toBeNull();
  });

  test('charts: at most 200 + 1 points per line, from step 0 to the last; the data table has every step', () => {
    expect(shownSteps(3000).length).toBeLessThanOrEqual(201);
    expect(shownSteps(3000).length).toBeGreaterThan(150);
    expect(shownSteps(3000)[0]).toBe(0);
    expect(shownSteps(3000).at(-1)).toBe(3000);
    expect(shownSteps(5)).toEqual([0, 1, 2, 3, 4, 5]);
    const r = run(1e-5, 50);
    expect(normTable(r, 0).rows).toHaveLength(51);
    expect(normTable(r, 0).columns.map((c) => c.label)).toEqual(['training step', '‖W‖, λ = 0', '‖W‖, λ = 0.0005', 'η/‖W‖², λ = 0', 'η/‖W‖², λ = 0.0005']);
  });
});
