import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Divergence, StepMetrics, VariantName } from '../../../src';
import { DriftLookFor, GradLookFor, LossLookFor } from '../../../app/lab/lookFors';
import { INITIAL_RUN, runStore } from '../../../app/lab/runStore';
import { appendLogs, createRunSeries, type RunSeries } from '../../../app/lab/model/series';
import { runReport } from '../../../app/lab/model/report';
import { appStore } from '../../../app/state/store';
import { defaultValues } from '../../../app/state/url/table';

type Diverged = Record<VariantName, Divergence | null>;

/** One network of 1 hidden layer logged at steps 1…n: a drifting median, a test evaluation every 10 steps, ‖∂L/∂W₁‖ = g1, ‖∂L/∂W₂‖ = 1. */
const logs = (n: number, g1: number): StepMetrics[] =>
  Array.from({ length: n }, (_, i) => {
    const step = i + 1, t = step % 10 === 0 ? 0.5 : null;
    return {
      step, epoch: 0, trainLoss: 0.5, trainAccuracy: 0.5, testLoss: t, testAccuracy: t === null ? null : 0.8,
      quantiles: [{ layer: 1, unit: 0, q15: -0.5 + step / 100, q50: step / 100, q85: 0.5 + step / 100 }], gradNorms: [g1, 1],
    };
  });

function load(diverged: Diverged): RunSeries {
  const series = createRunSeries(1);
  appendLogs(series, { plain: logs(40, 0.01), bn: logs(100, 0.5) });
  runStore.setState({ ...INITIAL_RUN, phase: 'ready', series, version: series.version, step: 100, diverged });
  return series;
}

const text = (id: string) => screen.queryByTestId(id)?.textContent ?? null;

beforeEach(() => {
  appStore.setState(defaultValues());
  runStore.setState(INITIAL_RUN);
});
afterEach(() => {
  cleanup();
  runStore.setState(INITIAL_RUN);
});

describe('the captions under the lab’s charts are the lines `npm run train` prints (runReport) for the same run', () => {
  test('a healthy run (1 hidden layer, 40 and 100 logged steps): loss, drift and gradient captions equal the report’s', () => {
    const diverged = { plain: null, bn: null };
    const report = runReport(load(diverged), diverged, 150, 3, true);
    render(<><LossLookFor /><DriftLookFor /><GradLookFor /></>);
    expect(report.gradients).toMatch(/^Look for a first layer/);
    expect([text('look-loss'), text('look-drift'), text('look-grad')]).toEqual([report.loss, report.drift, report.gradients]);
  });

  test('once a network has diverged, the gradient caption is left out on the page as in the report (no ratios of a diverged network)', () => {
    for (const diverged of [{ plain: { step: 41, reason: 'x' }, bn: null }, { plain: { step: 3, reason: 'x' }, bn: { step: 3, reason: 'y' } }]) {
      const report = runReport(load(diverged), diverged, 150, 3, true);
      render(<GradLookFor />);
      expect(report.gradients).toBeNull();
      expect(text('look-grad')).toBe(report.gradients);
      cleanup();
    }
  });
});
