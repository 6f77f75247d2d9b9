import { describe, expect, test } from 'vitest';
import { histogram, placementRun, summarize } from '../../../../src';
import { PLACEMENT_SETUP, placementView } from '../../../../app/notebook/placement/placementView';

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
