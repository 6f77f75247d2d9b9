import { describe, expect, test } from 'vitest';
import { createExperiment, makeDataset2D, runSweep, splitDataset, stepComparison } from '../../../../src';
import { boundaryRgba, cellAlpha, toPixel } from '../../../../app/lab/model/boundaryPixels';
import { gradNormLines, metricLines, quantileLines } from '../../../../app/lab/model/labCharts';
import { latestGradNorms, readout } from '../../../../app/lab/model/readouts';
import { linePath } from '../../../../app/ui/svgPath';
import { count, divergenceText, percent, positionText, rate, speedText, value } from '../../../../app/lab/model/labText';
import { appendLogs, createRunSeries } from '../../../../app/lab/model/series';
import { describeResult, sweepDomain, sweepSummary, sweepView } from '../../../../app/lab/model/sweepView';

function series(steps: number, settings = {}) {
  const c = createExperiment({ logEvery: 1, evalEvery: 10, seed: 2, ...settings }).comparison;
  const chunk = stepComparison(c, steps);
  const s = createRunSeries(c.config.hidden.length);
  appendLogs(s, chunk.logs);
  return { s, logs: chunk.logs, c };
}

describe('chart lines from a run', () => {
  test('loss: train lines (one point per step) then test lines (every 10th), both networks, engine values', () => {
    const { s, logs } = series(30);
    const lines = metricLines(s, 'loss');
    expect(lines.map((l) => l.id)).toEqual(['plain-train', 'bn-train', 'plain-test', 'bn-test']);
    expect(lines[1].points).toEqual(logs.bn.map((m) => ({ s: m.step, v: m.trainLoss })));
    expect(lines[2].points).toEqual(logs.plain.filter((m) => m.testLoss !== null).map((m) => ({ s: m.step, v: m.testLoss })));
    expect(metricLines(s, 'accuracy')[3].points.map((p) => p.s)).toEqual([10, 20, 30]);
  });

  test('quantiles of hidden layer 2: three lines 15/50/85 % equal to the engine’s probe; a missing layer gives none', () => {
    const { s, logs } = series(12);
    const q = quantileLines(s, 'plain', 1);
    expect(q.map((l) => l.role)).toEqual(['q15', 'q50', 'q85']);
    expect(q[1].points).toEqual(logs.plain.map((m) => ({ s: m.step, v: m.quantiles[1].q50 })));
    expect(quantileLines(s, 'plain', 2)).toEqual([]);
  });

  test('gradient norms: one line per network for W₁, the latest value of every layer', () => {
    const { s, logs } = series(5);
    expect(gradNormLines(s, 0).map((l) => l.points.length)).toEqual([5, 5]);
    expect(latestGradNorms(s)).toEqual([0, 1, 2].map((l) => ({ layer: `W${l + 1}`, plain: logs.plain[4].gradNorms[l], bn: logs.bn[4].gradNorms[l] })));
  });

  test('a diverged network stops drawing at its last finite step; its read-out is its last logged numbers', () => {
    const { s, c } = series(40, { activation: 'tanh', lr: 3, seed: 1 });
    expect(c.variants.plain.diverged?.step).toBe(10);
    const lines = metricLines(s, 'loss');
    expect(lines[0].points.at(-1)?.s).toBe(9);
    expect(lines[1].points.at(-1)?.s).toBe(40);
    expect(readout(s, 'plain')).toMatchObject({ step: 9, testStep: null, testAccuracy: null });
    expect(readout(s, 'bn')).toMatchObject({ step: 40, testStep: 40 });
  });

  test('linePath maps points through the scales, to 0.1 px, skipping what maps to non-finite pixels', () => {
    const pts = [{ s: 0, v: 1 }, { s: 1, v: 10 }, { s: 2, v: 100 }];
    expect(linePath(pts, (s) => 10 * s, (v) => 100 - 10 * Math.log10(v))).toBe('M0.0,100.0L10.0,90.0L20.0,80.0');
    expect(linePath([{ s: 0, v: 0 }, { s: 1, v: 1 }], (s) => s, (v) => Math.log10(v))).toBe('M1.0,0.0h0.1');
    expect(linePath([], (s) => s, (v) => v)).toBe('');
  });
});

describe('words and numbers', () => {
  test('read-outs never print NaN', () => {
    expect([count(12345), percent(0.6321), percent(null), percent(NaN), percent(Infinity), value(null), value(0.12345), rate(0), rate(212.4), rate(3.26)]).toEqual([
      '12,345', '63.2 %', '—', '—', '—', '—', '0.123', 'starting…', '212 steps/s', '3.3 steps/s',
    ]);
    // Speed: “paused” or “stopped” only when not playing; while playing, a rate or “starting…”.
    expect([speedText(true, 0, null), speedText(true, 0, 'step-limit'), speedText(true, 44.4, null), speedText(false, 44.4, null), speedText(false, 0, 'step-limit'), speedText(false, 0, 'both-diverged')]).toEqual([
      'starting…', 'starting…', '44 steps/s', 'paused', 'stopped', 'stopped',
    ]);
    expect(divergenceText('Without BN', { step: 1234, reason: 'the training loss became infinite' })).toBe('Without BN diverged at step 1,234: the training loss became infinite.');
    expect(positionText(101, 50)).toBe('Step 101 · epoch 3');
    expect(positionText(0, 50)).toBe('Step 0');
  });
});

describe('learning-rate sweep view', () => {
  const data = splitDataset(makeDataset2D({ name: 'spiral', n: 300, seed: 1 }), 0.25, 1);
  const points = runSweep({ hidden: [16, 16], activation: 'tanh', batchSize: 32, seed: 1, optimizer: { name: 'sgd' }, learningRates: [0.1, 3, 30], steps: 40 }, data);

  test('finished rates become points, diverged ones markers; rows say it in words; the summary names the largest survivors', () => {
    const view = sweepView(points);
    expect(points[1].plain.diverged).not.toBeNull();
    expect(points[1].bn.diverged).toBeNull();
    expect(view.lines.bn.map((p) => p.s)).toEqual(points.filter((p) => !p.bn.diverged).map((p) => p.lr));
    expect(view.lines.plain.map((p) => p.s)).toEqual([0.1]);
    expect(view.diverged.plain).toEqual([3, 30]);
    expect(view.rows[1].plain).toBe(describeResult(points[1].plain));
    expect(view.rows[1].plain).toMatch(/^diverged at step \d+$/);
    expect(view.largestSurvived.plain).toBe(0.1);
    expect(sweepSummary(view)).toMatch(/^Without BN, the largest learning rate that did not diverge was 0\.1; with BN, \d/);
  });
});

test('sweepDomain: the rates tried plus 0.15 decade each side, so the end markers are drawn whole', () => {
  const [lo, hi] = sweepDomain([0.001, 0.01, 0.1, 1, 10]);
  expect(Math.log10(lo)).toBeCloseTo(-3.15, 12);
  expect(Math.log10(hi)).toBeCloseTo(1.15, 12);
  expect(sweepDomain([])).toEqual([0.01, 1]);
});

describe('decision-boundary pixels', () => {
  test('alpha grows from 0.12 at chance to 0.62 when sure; pixels carry the class colour', () => {
    expect(cellAlpha(Math.round(255 / 3), 3)).toBeCloseTo(0.12, 2);
    expect(cellAlpha(255, 3)).toBeCloseTo(0.62, 12);
    const px = boundaryRgba({ classes: Uint8Array.from([0, 1]), confidence: Uint8Array.from([255, 128]) }, 2);
    expect(Array.from(px.subarray(0, 4))).toEqual([118, 42, 131, Math.round(255 * 0.62)]);
    expect(Array.from(px.subarray(4, 7))).toEqual([27, 120, 55]);
  });

  test('toPixel: the extent’s corners map to the canvas corners, y up', () => {
    const e = { x0: -1, x1: 1, y0: -2, y1: 2 };
    expect(toPixel(e, 100, -1, 2)).toEqual([0, 0]);
    expect(toPixel(e, 100, 1, -2)).toEqual([100, 100]);
    expect(toPixel(e, 100, 0, 0)).toEqual([50, 50]);
  });
});
