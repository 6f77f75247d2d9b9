import { describe, expect, test } from 'vitest';
import { batchNormSteps, biasThroughBatchNorm, histogram, placementRun, sampleMiniBatch, summarize, varianceCancellation } from '../../../src';
import { identityView } from '../../../app/notebook/identity/identityView';
import { biasView, TARGET_SEED_OFFSET } from '../../../app/notebook/bias/biasView';
import { varianceView } from '../../../app/notebook/variance/varianceView';
import { PLACEMENT_SETUP, placementView } from '../../../app/notebook/placement/placementView';

const z = sampleMiniBatch(1, 8, 2, 1.5);
const next = { seed: 1, shift: 2, scale: 1.5 };

describe('identityView (m = 8)', () => {
  test('with its own target γ, β: max |Z̃ − Z| at machine precision (< 16·eps·max|z|)', () => {
    const t = identityView(z, 1e-5, 1, 0, next).target;
    const v = identityView(z, 1e-5, t.gamma, t.beta, next);
    expect(v.isIdentity).toBe(true);
    expect(v.maxDeviation).toBeLessThan(16 * Number.EPSILON * Math.max(...z.map(Math.abs)));
    expect(t.beta).toBe(batchNormSteps(z).mean);
  });

  test('with γ = 1, β = 0 it is not the identity; the undo does not carry to the next batch', () => {
    const v = identityView(z, 1e-5, 1, 0, next);
    expect(v.isIdentity).toBe(false);
    expect(v.otherBatchDeviation).toBeGreaterThan(0.01);
  });
});

describe('biasView (m = 8)', () => {
  test('agrees with the engine’s biasThroughBatchNorm on the seeded targets; μ of z + b is μ + b (1e-12)', () => {
    const bn = { eps: 1e-5, gamma: 1.3, beta: 0.4 };
    const v = biasView(z, 2.5, 7, bn, { min: -10, max: 10 });
    const ref = biasThroughBatchNorm(z, 2.5, sampleMiniBatch(7 + TARGET_SEED_OFFSET, 8, 0, 1), bn);
    expect(v.dLdb).toBe(ref.dLdb);
    expect(v.dLdbWithoutBn).toBe(ref.dLdbWithoutBn);
    expect(Math.abs(v.moved.mean - (batchNormSteps(z).mean + 2.5))).toBeLessThan(1e-12);
  });

  test('inputDomain holds z + b for every b in the slider range', () => {
    const v = biasView(z, 0, 1, { eps: 1e-5, gamma: 1, beta: 0 }, { min: -10, max: 10 });
    const [lo, hi] = v.inputDomain;
    expect(lo).toBeLessThanOrEqual(Math.min(...z) - 10);
    expect(hi).toBeGreaterThanOrEqual(Math.max(...z) + 10);
  });
});

describe('varianceView', () => {
  test('rows are the engine’s four estimates, named; the float32 one-pass row is flagged negative at offset 1e4 for [1,2,3,4]', () => {
    const v = varianceView(Float64Array.from([1, 2, 3, 4]), 1e4);
    const ref = varianceCancellation([1, 2, 3, 4], 1e4);
    expect(v.rows.map((r) => r.value)).toEqual(ref.estimates.map((e) => e.value));
    expect(v.rows[0].name).toMatch(/^float32, one pass/);
    expect(v.rows[0].negative).toBe(true);
    expect(v.rows[3].wrong).toBe(false);
  });
});

describe('placementView (512 samples × 4 neurons)', () => {
  const view = placementView(3, 1e-5);

  test('stage summaries equal the engine’s summaries of placementRun', () => {
    const { m, inputs, features, activation } = PLACEMENT_SETUP;
    const run = placementRun({ seed: 3, m, inputs, features, activation, placement: 'after', eps: 1e-5 });
    expect(view.after[2].summary).toEqual(summarize(run.out.data));
    expect(view.after[2].hist.counts).toEqual(histogram(run.out.data, PLACEMENT_SETUP.bins, view.domain[0], view.domain[1]).counts);
  });

  test('one shared domain containing 0, trimmed to the 0.2 %–99.8 % range: ≤ 0.4 % of the five stages pooled, < 2 % of any one, fall outside', () => {
    expect(view.domain[0]).toBeLessThan(0);
    const stages = [...view.before, view.after[1], view.after[2]];
    const outside = stages.reduce((n, s) => n + s.hist.outside, 0);
    const total = stages.reduce((n, s) => n + s.hist.total, 0);
    expect(outside / total).toBeLessThanOrEqual(0.004);
    for (const s of stages) expect(s.hist.outside / s.hist.total).toBeLessThan(0.02);
  });

  test('zero shares: about half per neuron when BN comes first', () => {
    expect(view.zeroShare.before).toHaveLength(4);
    view.zeroShare.before.forEach((f) => expect(Math.abs(f - 0.5)).toBeLessThan(0.15));
  });
});
