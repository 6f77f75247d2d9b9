import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { StepMetrics, SweepPoint } from '../../../src';
import { LineKey } from '../../../app/lab/LineKey';
import { MetricCharts } from '../../../app/lab/MetricCharts';
import { RunNotices } from '../../../app/lab/RunNotices';
import { RunStatus } from '../../../app/lab/RunStatus';
import { SweepPanel } from '../../../app/lab/SweepPanel';
import { QuantilePanel } from '../../../app/lab/QuantilePanel';
import { BoundaryPanel } from '../../../app/lab/BoundaryPanel';
import { INITIAL_RUN, IDLE_SWEEP, runStore } from '../../../app/lab/runStore';
import { appendLogs, createRunSeries } from '../../../app/lab/model/series';
import type { RunInfo } from '../../../app/lab/worker/messages';

/** One logged step of a 1-hidden-layer network; a test evaluation every 2nd step. */
const log = (step: number, trainAccuracy = 0.5): StepMetrics => ({
  step, epoch: 0, trainLoss: 1 / step, trainAccuracy, testLoss: step % 2 === 0 ? 0.8 : null, testAccuracy: step % 2 === 0 ? 0.7 : null,
  quantiles: [{ layer: 1, unit: 0, q15: -1, q50: 0, q85: 1 }], gradNorms: [0.5, 0.5],
});

const info = (batch: number) => ({ maxSteps: 30_000, stepsPerEpoch: 10, logEvery: 1, hidden: [4], settings: { batch } }) as unknown as RunInfo;
const div = (step: number) => ({ step, reason: 'the training loss 31.6 exceeded 20' });

/** A run of `plainSteps` and `bnSteps` logged steps (accuracies alternating 0 and 1, as at m = 2). */
function loadRun({ plainSteps = 6, bnSteps = 6, batch = 32, diverged = { plain: null, bn: null } as Record<'plain' | 'bn', ReturnType<typeof div> | null> } = {}) {
  const series = createRunSeries(1);
  const steps = (n: number) => Array.from({ length: n }, (_, i) => log(i + 1, i % 2));
  appendLogs(series, { plain: steps(plainSteps), bn: steps(bnSteps) });
  runStore.setState({ ...INITIAL_RUN, phase: 'ready', info: info(batch), series, version: series.version, step: Math.max(plainSteps, bnSteps), diverged });
}

beforeEach(() => runStore.setState(INITIAL_RUN));
afterEach(() => {
  cleanup();
  runStore.setState(INITIAL_RUN);
  vi.restoreAllMocks();
});

describe('divergence stays in view: a status line in the sticky bar, announced once', () => {
  test('the status names the network and the step; the news is in exactly one live region, the notices', () => {
    loadRun({ plainSteps: 2, diverged: { plain: div(3), bn: null } });
    render(
      <>
        <RunStatus />
        <RunNotices />
      </>,
    );
    const status = screen.getByTestId('lab-status');
    expect(status).toHaveTextContent('Without BN diverged at step 3.');
    expect(status.closest('[aria-live]')).toBeNull();
    const live = [...document.querySelectorAll('[aria-live]')].filter((el) => /Without BN diverged at step 3/.test(el.textContent ?? ''));
    expect(live).toHaveLength(1);
    expect(live[0]).toContainElement(screen.getByTestId('diverged-plain'));
  });

  test('training on (new steps, new data) does not change the status line or the live region: nothing to announce again', async () => {
    loadRun({ plainSteps: 2, bnSteps: 6, diverged: { plain: div(3), bn: null } });
    render(
      <>
        <RunStatus />
        <RunNotices />
      </>,
    );
    const status = screen.getByTestId('lab-status');
    const notices = document.getElementById('lab-notices')!;
    const before = { status: status.innerHTML, notices: notices.innerHTML };
    const changed = vi.fn();
    const observer = new MutationObserver(changed);
    observer.observe(notices, { subtree: true, childList: true, characterData: true });
    observer.observe(status, { subtree: true, childList: true, characterData: true });
    for (let s = 7; s <= 12; s++) act(() => runStore.setState({ step: s, version: s, diverged: { plain: div(3), bn: null } }));
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(changed).not.toHaveBeenCalled();
    expect({ status: status.innerHTML, notices: notices.innerHTML }).toEqual(before);
  });

  test('both diverged: one line says both steps and that training stopped; “Show details” brings the notices into view and focus', async () => {
    loadRun({ plainSteps: 2, bnSteps: 4, diverged: { plain: div(3), bn: div(5) } });
    runStore.setState({ stopped: 'both-diverged' });
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    render(
      <>
        <RunStatus />
        <RunNotices />
      </>,
    );
    expect(screen.getByTestId('lab-status')).toHaveTextContent('Without BN diverged at step 3, with BN at step 5. Training stopped.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show details' }));
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(document.getElementById('lab-notices'));
  });

  test('no divergence, no stop: no status line', () => {
    loadRun();
    render(<RunStatus />);
    expect(screen.queryByTestId('lab-status')).toBeNull();
  });
});

describe('loss and accuracy charts', () => {
  test('axis titles with units; a diverged network is marked at its step, and the chart’s description says so', async () => {
    loadRun({ plainSteps: 2, diverged: { plain: div(3), bn: null } });
    const { container } = render(<MetricCharts />);
    const loss = await screen.findByRole('img', { name: 'Loss over training steps, both networks Without BN diverged at step 3: its lines stop there.' });
    const titles = (el: Element) => [...el.querySelectorAll('.lab-axis-title')].map((t) => `${t.getAttribute('data-axis')}: ${t.textContent}`);
    expect(titles(loss)).toEqual(['y: loss (cross-entropy, nats)', 'x: training step']);
    const accuracy = screen.getByRole('img', { name: /^Accuracy over training steps/ });
    expect(titles(accuracy)).toEqual(['y: accuracy (%)', 'x: training step']);
    const marks = container.querySelectorAll('.lab-diverged-mark');
    expect([...marks].map((m) => `${m.getAttribute('data-variant')}: ${m.textContent}`)).toEqual(['plain: ✕ Without BN diverged', 'plain: ✕ Without BN diverged']);
    expect(container.querySelector('.lab-diverged-mark[data-variant="bn"]')).toBeNull();
  });

  test('m = 32: no small-batch note, and the mini-batch lines are drawn as logged', async () => {
    loadRun({ batch: 32 });
    render(
      <>
        <LineKey roles="train-test" />
        <MetricCharts />
      </>,
    );
    await screen.findByRole('img', { name: 'Loss over training steps, both networks' });
    expect(screen.queryByTestId('small-batch-note')).toBeNull();
    expect(screen.getByRole('list', { name: 'How to read the lines' })).toHaveTextContent('thin, faint: each mini-batch (noisy)');
  });

  test('m = 2: the note says what to expect, and the key and the charts say the mini-batch lines are a mean of the last 32 steps', async () => {
    loadRun({ batch: 2 });
    render(
      <>
        <LineKey roles="train-test" />
        <MetricCharts />
      </>,
    );
    const note = screen.getByTestId('small-batch-note');
    expect(note).toHaveTextContent('Small batches: m = 2');
    expect(note).toHaveTextContent('Each batch’s μB and σ²B come from only 2 examples');
    expect(note).toHaveTextContent('can only be 0, ½ or 1');
    expect(within(note).getByText('mean of the last 32 steps')).toBeInTheDocument();
    expect(note.querySelectorAll('sub')).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'How to read the lines' })).toHaveTextContent('thin, faint: mini-batch, mean of the last 32 steps');
    expect(await screen.findByRole('img', { name: 'Accuracy over training steps, both networks; mini-batch lines: mean of the last 32 steps' })).toBeInTheDocument();
  });
});

describe('the learning-rate sweep chart: diverged runs above the plot, never at a loss value', () => {
  const ok = (finalLoss: number) => ({ finalLoss, diverged: null });
  const gone = { finalLoss: null, diverged: { step: 2, reason: 'the training loss became infinite' } };
  const points = [
    { lr: 0.1, plain: ok(0.4), bn: ok(0.3) },
    { lr: 1, plain: ok(0.9), bn: ok(0.2) },
    { lr: 10, plain: gone, bn: ok(0.5) },
    { lr: 100, plain: gone, bn: gone },
  ] as unknown as SweepPoint[];

  test('an × per diverged run in the band above the plot, a dot per finished run, a key, axis titles and a description', () => {
    runStore.setState({ ...INITIAL_RUN, sweep: { ...IDLE_SWEEP, phase: 'done', rates: [0.1, 1, 10, 100], steps: 100, points } });
    const { container } = render(<SweepPanel />);
    const chart = screen.getByRole('img', { name: /^Final loss against learning rate\. Diverged, marked above the plot: without BN at 10 and 100; with BN at 100\./ });
    const crosses = [...chart.querySelectorAll('.lab-sweep-diverged')];
    expect(crosses.map((c) => c.getAttribute('data-variant'))).toEqual(['plain', 'plain', 'bn']);
    // Every × is above the plot's top edge (the top of the grid), where the loss scale ends.
    const gridTop = Math.min(...[...chart.querySelectorAll('.recharts-cartesian-grid-horizontal line')].map((l) => Number(l.getAttribute('y1'))));
    for (const c of crosses) {
      const ys = [...(c.querySelector('path')?.getAttribute('d') ?? '').matchAll(/,(-?[\d.]+)/g)].map((m) => Number(m[1]));
      expect(ys).toHaveLength(4);
      expect(Math.max(...ys)).toBeLessThan(gridTop);
    }
    expect(chart.querySelectorAll('.recharts-line-dot, .recharts-dot')).toHaveLength(5);
    expect([...chart.querySelectorAll('.lab-axis-title')].map((t) => t.textContent)).toEqual(['final loss (cross-entropy, nats)', 'learning rate (log scale)']);
    expect(within(container).getByRole('list', { name: 'How to read the sweep chart' })).toHaveTextContent('Without BN diverged (upper row of the band above the plot: no loss to draw)');
  });
});

describe('while a new run loads, the panels keep the replaced run’s layout (no unmount and mount again)', () => {
  test('the quantile charts and the boundary canvases stay, empty, until the new run is ready; the same elements after it', () => {
    const points = { train: { xy: new Float32Array([0, 0]), labels: new Uint8Array([0]) }, test: { xy: new Float32Array([1, 1]), labels: new Uint8Array([1]) } };
    const twoD = { ...info(32), probeUnit: 0, classes: 2, points, extent: { x0: -1, x1: 1, y0: -1, y1: 1 } } as unknown as RunInfo;
    runStore.setState({ ...INITIAL_RUN, phase: 'ready', info: twoD, series: createRunSeries(1) });
    render(
      <>
        <QuantilePanel />
        <BoundaryPanel />
      </>,
    );
    const charts = screen.getAllByRole('img');
    expect(charts.length).toBeGreaterThanOrEqual(4);
    act(() => runStore.setState({ ...INITIAL_RUN, phase: 'loading', replaced: twoD }));
    expect(screen.queryByText(/no hidden unit to watch/)).toBeNull();
    expect(screen.queryByText(/too many to draw as a plane/)).toBeNull();
    expect(screen.getAllByRole('img')).toEqual(charts);
    act(() => runStore.setState({ phase: 'ready', info: twoD, series: createRunSeries(1), replaced: null }));
    expect(screen.getAllByRole('img')).toEqual(charts);
    // Without a replaced run (the first run loading), the hints as before.
    act(() => runStore.setState({ ...INITIAL_RUN, phase: 'loading' }));
    expect(screen.getByText(/no hidden unit to watch/)).toBeInTheDocument();
  });
});
