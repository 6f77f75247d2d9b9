import { describe, expect, test } from 'vitest';
import { createExperiment, makeDataset2D, runSweep, splitDataset, stepComparison } from '../../../../src';
import { boundaryRgba, cellAlpha, toPixel } from '../../../../app/lab/model/boundaryPixels';
import {
  columnsRange,
  gradNormLines,
  latestGradNorms,
  linePath,
  logDomain,
  labelWidth,
  logTicks,
  metricLines,
  niceAxis,
  niceStep,
  padRange,
  quantileLines,
  readout,
  valueDomain,
  yAxisWidth,
} from '../../../../app/lab/model/labCharts';
import { fmt } from '../../../../app/ui/format';
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

describe('axes', () => {
  test('valueDomain pads 5 % of the span; a flat line gets ±0.5; nothing gives null', () => {
    const line = (vs: number[]) => ({ id: 'a', name: '', variant: 'bn' as const, role: 'train' as const, points: vs.map((v, i) => ({ s: i, v })) });
    expect(valueDomain([line([1, 3])])).toEqual([0.9, 3.1]);
    expect(valueDomain([line([2, 2])])).toEqual([1.5, 2.5]);
    expect(valueDomain([line([])])).toBeNull();
    expect(logDomain([line([0.03, 4])])).toEqual([0.01, 10]);
    expect(logDomain([line([-1, 4])])).toBeNull();
  });

  test.each([
    [0.3, 0.5], [1, 1], [1.2, 2], [2.2, 2.5], [3, 5], [7, 10], [0.012, 0.02],
  ])('niceStep(%s) = %s', (raw, want) => expect(niceStep(raw)).toBeCloseTo(want, 12));

  test('niceAxis rounds outward to round ticks: [−1.36, 2.7] → −2 … 4 by 2; [0, 166] → 0 … 200 by 50', () => {
    expect(niceAxis([-1.36, 2.7])).toEqual({ domain: [-2, 4], ticks: [-2, 0, 2, 4] });
    expect(niceAxis([0, 166])).toEqual({ domain: [0, 200], ticks: [0, 50, 100, 150, 200] });
    expect(niceAxis([0, 1])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  test('columnsRange: min and max over the first n entries of several columns, ±∞ and NaN skipped; padRange pads', () => {
    const a = Float64Array.from([3, -1, 7, 100]), b = Float64Array.from([2, Infinity, NaN]);
    expect(columnsRange([{ col: a, n: 3 }])).toEqual([-1, 7]);
    expect(columnsRange([{ col: a, n: 3 }, { col: b, n: 3 }])).toEqual([-1, 7]);
    expect(columnsRange([{ col: b, n: 3 }])).toEqual([2, 2]);
    expect(columnsRange([{ col: a, n: 0 }])).toBeNull();
    expect(padRange([0, 10])).toEqual([-0.5, 10.5]);
    expect(padRange([2, 2])).toEqual([1.5, 2.5]);
  });

  test('logTicks: powers of ten, at most 6, stepping by a whole number of decades', () => {
    expect(logTicks([1e-3, 10])).toEqual([1e-3, 1e-2, 0.1, 1, 10]);
    expect(logTicks([1e-8, 1])).toEqual([1e-8, 1e-6, 1e-4, 1e-2, 1]);
    // Adam at lr 1: BN's gradients decay to ~1e-61; 63 decades get 4 labels, not 32.
    expect(logTicks([1e-61, 10])).toEqual([1e-60, 1e-40, 1e-20, 1]);
    expect(logTicks([1e-12, 1])).toEqual([1e-12, 1e-9, 1e-6, 1e-3, 1]);
    expect(logTicks([1e-300, 1e300])).toEqual([1e-200, 1, 1e200]);
    for (let lo = -320; lo < 0; lo += 7) {
      for (const span of [1, 2, 5, 6, 7, 11, 29, 63, 150]) {
        const ticks = logTicks([10 ** lo, 10 ** (lo + span)])!;
        const exps = ticks.map((t) => Math.round(Math.log10(t)));
        expect(ticks.length, `10^${lo} … 10^${lo + span}`).toBeLessThanOrEqual(6);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(new Set(exps.slice(1).map((e, i) => e - exps[i])).size).toBe(1);
        expect(Number.isInteger(exps[1] - exps[0])).toBe(true);
      }
    }
    expect(logTicks(null)).toBeUndefined();
  });

  test('yAxisWidth: 52 px for short labels; wider for 10⁻⁶⁰ so the sideways title keeps clear of it', () => {
    expect(yAxisWidth(['0', '0.5', '1'])).toBe(52);
    expect(yAxisWidth([fmt(1e-60, 4), fmt(1e-40, 4)])).toBeGreaterThanOrEqual(26 + labelWidth('10⁻⁶⁰') + 8);
    expect(yAxisWidth(['1.5×10⁻⁵'])).toBeGreaterThan(yAxisWidth(['10⁻⁵']));
    expect(labelWidth('10⁻⁶⁰')).toBeGreaterThan(labelWidth('10'));
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
