import { describe, expect, test } from 'vitest';
import { createExperiment, foldBatchNorm, parameterCount, stepComparison } from '../../../../src';
import { experimentSettings } from '../../../../app/lab/model/labSettings';
import type { LabSnapshot } from '../../../../app/lab/worker/messages';
import { LAB_DEFAULTS } from '../../../../app/state/slices/lab';
import { FOLD_TOLERANCE, ROUNDS, afterActivationKept, foldTask, weightCorner } from '../../../../app/notebook/fold/foldView';

/** The lab's default run (3 × 16 sigmoid, BN before, spiral) after `steps` steps, as the Worker's snapshot would hand it over. */
function labSnapshot(steps: number, patch = {}): LabSnapshot {
  const e = createExperiment({ ...experimentSettings({ ...LAB_DEFAULTS, ...patch }) });
  stepComparison(e.comparison, steps);
  return { kind: 'mlp', step: steps, model: e.comparison.variants.bn.model, test: e.comparison.test, diverged: false, settings: e.settings };
}

const mlpModel = (s: LabSnapshot) => {
  if (s.kind !== 'mlp') throw new Error('an MLP snapshot was expected');
  return s.model;
};

/** Runs a chunked task to its end with a clock that advances 1 ms per reading. */
function finish(snapshot: LabSnapshot) {
  let t = 0;
  const task = foldTask(snapshot, () => (t += 1));
  let slices = 0;
  while (!task.step()) slices++;
  return { view: task.view(), slices };
}

describe('foldTask: the lab’s BN network folded and checked, a slice at a time', () => {
  test('3 × 16 sigmoid after 300 steps, 150 test points [150 × 2]: max |folded − unfolded| ≤ 1e-12 relative, 3 BNs folded, 691 → 643 parameters, the input untouched', () => {
    const snap = labSnapshot(300);
    const before = JSON.stringify(Array.from((mlpModel(snap).layers[0] as { W: { data: Float64Array } }).W.data));
    const { view, slices } = finish(snap);
    expect(view.compared).toBe(150);
    expect(view.total).toBe(150);
    expect(view.relative).toBeLessThanOrEqual(FOLD_TOLERANCE);
    expect(view.maxAbs).toBeGreaterThan(0); // rounding, not an identical computation
    expect(view.fold.folded.map((f) => f.index)).toEqual([1, 2, 3]);
    expect(view.fold.kept).toEqual([]);
    expect([view.fold.parametersBefore, view.fold.parametersAfter]).toEqual([parameterCount(mlpModel(snap)), 643]);
    expect(view.fold.parametersAfter).toBe(foldBatchNorm(mlpModel(snap)).parametersAfter);
    // 3 comparison slices of 50 rows, the batch-mates, ROUNDS timed slices per network.
    expect(slices + 1).toBe(3 + 1 + 2 * ROUNDS);
    expect(JSON.stringify(Array.from((mlpModel(snap).layers[0] as { W: { data: Float64Array } }).W.data))).toBe(before);
  });

  test('one test point among two sets of 15 batch-mates: train mode moves its logits by > 1e-3, the folded network by exactly 0', () => {
    const { view } = finish(labSnapshot(300));
    expect(view.mates?.trainGap).toBeGreaterThan(1e-3);
    expect(view.mates?.foldedGap).toBe(0);
    expect(view.mates?.foldedVsEval).toBeLessThanOrEqual(1e-12);
    expect(view.timing?.unfolded).toBeGreaterThan(0);
    expect(view.timing?.folded).toBeGreaterThan(0);
  });

  test('BN after the activation: nothing folds in the hidden layers, and the engine says why', () => {
    const snap = labSnapshot(50, { labBn: 'after' });
    const { view } = finish(snap);
    expect(view.fold.folded).toEqual([]);
    expect(view.fold.kept.map((k) => k.index)).toEqual([1, 2, 3]);
    expect(afterActivationKept(labSnapshot(10))[0].reason).toMatch(/^BN1 comes after the activation \(sigmoid\)/);
  });

  test('weightCorner: W [in × out] shown as units × inputs, cut to the corner asked for', () => {
    const W = { rows: 2, cols: 3, data: Float64Array.of(1, 2, 3, 4, 5, 6) };
    expect(weightCorner(W, 8, 8)).toEqual({ rows: 3, cols: 2, data: Float64Array.of(1, 4, 2, 5, 3, 6) });
    expect(weightCorner(W, 2, 1)).toEqual({ rows: 2, cols: 1, data: Float64Array.of(1, 2) });
  });
});
