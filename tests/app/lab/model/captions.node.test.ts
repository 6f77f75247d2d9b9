import { describe, expect, test } from 'vitest';
import type { StepMetrics, SweepPoint, SweepVariantResult } from '../../../../src';
import { driftCaption, driftOf, gradCaption, lossCaption, overfitOf, sweepCaption } from '../../../../app/lab/model/captions';
import { appendLogs, createRunSeries } from '../../../../app/lab/model/series';

const NONE = { plain: null, bn: null };

interface Shape {
  median: (step: number) => number;
  band?: number;
  test?: (step: number) => number;
  train?: (step: number) => number;
  grads?: readonly number[];
}

/** One network's logs over steps 1…n: the watched unit's median and band, losses, ‖∂L/∂W‖. */
const logs = (n: number, s: Shape): StepMetrics[] =>
  Array.from({ length: n }, (_, i) => {
    const step = i + 1, m = s.median(step), w = (s.band ?? 1) / 2, t = step % 10 === 0 ? (s.test?.(step) ?? 0.5) : null;
    return {
      step, epoch: 0, trainLoss: s.train?.(step) ?? 0.5, trainAccuracy: 0.5, testLoss: t, testAccuracy: t === null ? null : 0.8,
      quantiles: [{ layer: 1, unit: 0, q15: m - w, q50: m, q85: m + w }], gradNorms: [...(s.grads ?? [1, 1])],
    };
  });

function seriesOf(n: number, plain: Shape, bn: Shape) {
  const s = createRunSeries(1);
  appendLogs(s, { plain: logs(n, plain), bn: logs(n, bn) });
  return s;
}

describe('captions under the lab’s charts, measured from the run', () => {
  test('drift: the median’s move between the first and last 10 logged steps, in band widths', () => {
    const s = seriesOf(200, { median: (t) => -t / 50 }, { median: () => 0.1 });
    const d = driftOf(s.plain, 1)!;
    expect(d.from).toBeCloseTo(-0.11, 10);
    expect(d.to).toBeCloseTo(-3.91, 10);
    expect(d.bands).toBeCloseTo(3.8, 10);
    expect(d).toMatchObject({ word: 'drifted', first: [1, 10], last: [191, 200] });
    expect(driftOf(s.bn, 1)).toMatchObject({ bands: 0, word: 'small against its band' });
    expect(driftCaption(s, 1, false)).toBe(
      'Look for a median that wanders. Between steps 1–10 and 191–200, the watched unit’s median input: without BN it went from −0.11 to −3.91, 3.8 times the width of its 15–85 % band (drifted); with BN it went from 0.1 to 0.1, 0 times the width of its 15–85 % band (small against its band).',
    );
    // BN before the activation: its input's batch mean is β by construction, and the caption says so.
    expect(driftCaption(s, 1, true)).toMatch(/\(small against its band\)\. With BN before the activation, this input is re-standardised on every batch: its batch mean is β, and β is learned, so its median moves only as far as β, γ and the distribution’s shape let it\. Whether drift is what slows a network down is doubted \(Santurkar et al\. 2018, section 14\)\.$/);
  });

  test('drift after a divergence: each network’s own steps (without BN logged 40 steps, with BN 200)', () => {
    const s = createRunSeries(1);
    appendLogs(s, { plain: logs(40, { median: (t) => -t / 50 }), bn: logs(200, { median: () => 0.1 }) });
    expect(driftCaption(s, 1, false)).toBe(
      'Look for a median that wanders. The watched unit’s median input: without BN, between steps 1–4 and 37–40, it went from −0.05 to −0.77, 0.72 times the width of its 15–85 % band (moved a little against its band); with BN, between steps 1–10 and 191–200, it went from 0.1 to 0.1, 0 times the width of its 15–85 % band (small against its band).',
    );
  });

  test('a band that has all but collapsed is said to have collapsed, not turned into a ratio of hundreds of band widths', () => {
    const s = seriesOf(200, { median: (t) => -t / 100, band: 0.02 }, { median: () => 0 });
    expect(driftCaption(s, 1, false)).toContain('without BN it went from −0.06 to −1.96, while its 15–85 % band is only 0.02 wide: the unit gets almost the same input for every example (its signal has all but vanished);');
    const flat = seriesOf(200, { median: (t) => -t / 100, band: 0 }, { median: () => 0 });
    expect(driftCaption(flat, 1, false, 'channel')).toContain('while its 15–85 % band has width 0: the channel gets the same input at every position of every image (its signal has vanished);');
  });

  test('drift is not claimed where the median stays within a third of a band, and not measured before 20 logged steps', () => {
    expect(driftOf(seriesOf(100, { median: (t) => t / 1000 }, { median: () => 0 }).plain, 1)?.word).toBe('small against its band');
    expect(driftOf(seriesOf(100, { median: (t) => t / 200 }, { median: () => 0 }).plain, 1)?.word).toBe('moved a little against its band');
    expect(driftOf(seriesOf(19, { median: (t) => t }, { median: () => 0 }).plain, 1)).toBeNull();
    expect(driftCaption(seriesOf(19, { median: (t) => t }, { median: () => 0 }), 1)).toBeNull();
  });

  test('overfitting: the test loss’s running median (5 evaluations) 25 % above its lowest, 10 evaluations back, 3 evaluations in a row, while the training loss is under half of it', () => {
    const rising = { median: () => 0, test: (t: number) => (t <= 100 ? 1 - t / 200 : 0.5 + (t - 100) / 100), train: () => 0.01 };
    const s = seriesOf(200, { median: () => 0 }, rising);
    expect(overfitOf(s.bn)).toEqual({ lowest: 0.6, lowestStep: 100, now: 1.3, train: 0.01 });
    expect(overfitOf(s.plain)).toBeNull();
    expect(lossCaption(s)).toBe(
      'Look for which test curve falls first and lowest. Test loss now: with BN 1.5 (step 200), without 0.5 (step 200). The network with BN is overfitting: its test loss (running median of 5 evaluations) rose from its lowest, 0.6 at step 100, to 1.3, while its training loss is 0.01.',
    );
    // One bad evaluation is not overfitting.
    const spike = { median: () => 0, test: (t: number) => (t === 190 ? 2 : 0.5), train: () => 0.01 };
    expect(overfitOf(seriesOf(200, { median: () => 0 }, spike).bn)).toBeNull();
    // The same rise with a training loss as high as the test loss is not overfitting.
    expect(overfitOf(seriesOf(200, { median: () => 0 }, { ...rising, train: () => 1.4 }).bn)).toBeNull();
  });

  test('gradients: the median ratio of the first layer’s ‖∂L/∂W‖ to the last’s, both networks', () => {
    const s = seriesOf(100, { median: () => 0, grads: [0.001, 0.1] }, { median: () => 0, grads: [0.5, 1] });
    expect(gradCaption(s, NONE)).toBe(
      'Look for a first layer whose gradient is tiny next to the last layer’s: without BN, that layer then barely learns. With BN, a weight that feeds BN gets a smaller gradient as it grows, so with BN a small ratio need not mean that the layer learns slowly. Median over the last logged steps of ‖∂L/∂W₁‖ / ‖∂L/∂W₂‖: 0.01 without BN, 0.5 with BN.',
    );
    const dead = seriesOf(100, { median: () => 0, grads: [0, 0] }, { median: () => 0, grads: [0.5, 1] });
    expect(gradCaption(dead, NONE)).toMatch(/^The network without BN gets no gradient at all: every ‖∂L\/∂W‖ is exactly 0/);
    const bothDead = seriesOf(100, { median: () => 0, grads: [0, 0] }, { median: () => 0, grads: [0, 0] });
    expect(gradCaption(bothDead, NONE, 'channel')).toMatch(/^Both networks get no gradient at all: every ‖∂L\/∂W‖ is exactly 0, so their channels output the same value/);
    expect(gradCaption(s, { plain: { step: 3, reason: 'x' }, bn: null })).toBeNull();
  });

  test('sweep: the rates each network trained at (≥ 90 % of the best accuracy), and where it diverged', () => {
    const ok = (acc: number): SweepVariantResult => ({ finalLoss: 0.1, minLoss: 0.1, testLoss: 0.2, testAccuracy: acc, diverged: null });
    const boom: SweepVariantResult = { finalLoss: null, minLoss: 0.3, testLoss: null, testAccuracy: null, diverged: { step: 3, reason: 'x' } };
    const points: SweepPoint[] = [
      { lr: 0.1, plain: ok(0.5), bn: ok(0.95) },
      { lr: 1, plain: ok(0.9), bn: ok(0.96) },
      { lr: 10, plain: boom, bn: ok(0.9) },
    ];
    expect(sweepCaption(points, 3)).toBe(
      'Look for the rates that trained. Reached at least 86.4 % test accuracy (90 % of the best, 96.0 %): with BN at 0.1, 1, 10; without BN at 1 (diverged at 10).',
    );
    expect(sweepCaption([], 3)).toBeNull();
  });

  test('sweep: when even the best run is within 10 points of chance (3 classes: 33.3 %; best 35.0 % or 40.0 %), no rate is counted as trained, in words that do not deny it is above chance', () => {
    const at = (acc: number): SweepVariantResult => ({ finalLoss: 1.1, minLoss: 1.1, testLoss: 1.1, testAccuracy: acc, diverged: null });
    const points: SweepPoint[] = [
      { lr: 0.1, plain: at(0.33), bn: at(0.35) },
      { lr: 1, plain: at(0.34), bn: at(0.333) },
    ];
    expect(sweepCaption(points, 3, 400)).toBe('No rate got 10 points above chance after 400 steps (chance is 33.3 %; the best run reached 35.0 %), so none is counted as trained.');
    // A best run above chance but less than 10 points above it: the sentence must not deny that it is above chance.
    const near = sweepCaption([{ lr: 1, plain: at(0.34), bn: at(0.4) }], 3, 400);
    expect(near).toBe('No rate got 10 points above chance after 400 steps (chance is 33.3 %; the best run reached 40.0 %), so none is counted as trained.');
    expect(near).not.toMatch(/trained above chance| in 400 steps/);
    // 10 points above chance is enough to compare rates.
    expect(sweepCaption([{ lr: 1, plain: at(0.34), bn: at(0.44) }], 3)).toMatch(/^Look for the rates that trained\. Reached at least 39\.6 %/);
  });
});
