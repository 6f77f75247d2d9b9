import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { StepMetrics } from '../../../src';
import { GradNormPanel } from '../../../app/lab/GradNormPanel';
import { INITIAL_RUN, runStore } from '../../../app/lab/runStore';
import { appendLogs, createRunSeries } from '../../../app/lab/model/series';
import { gradBarNotes } from '../../../app/lab/model/labText';

/** One logged step of a 1-hidden-layer network with these ‖∂L/∂W₁‖, ‖∂L/∂W₂‖. */
const log = (step: number, gradNorms: number[]): StepMetrics => ({
  step, epoch: 0, trainLoss: 1, trainAccuracy: 0.5, testLoss: null, testAccuracy: null, quantiles: [{ layer: 1, unit: 0, q15: -1, q50: 0, q85: 1 }], gradNorms,
});

/** The run store holding `steps` logged steps of each network (the last one's norms as given). */
function loadRun(plain: number[], bn: number[], plainSteps = 3, diverged: { plain: { step: number; reason: string } | null } = { plain: null }) {
  const series = createRunSeries(1);
  appendLogs(series, {
    plain: Array.from({ length: plainSteps }, (_, i) => log(i + 1, i + 1 === plainSteps ? plain : [0.5, 0.5])),
    bn: Array.from({ length: 3 }, (_, i) => log(i + 1, i === 2 ? bn : [0.5, 0.5])),
  });
  runStore.setState({ ...INITIAL_RUN, phase: 'ready', series, version: series.version, step: 3, diverged: { plain: diverged.plain, bn: null } });
}

beforeEach(() => runStore.setState(INITIAL_RUN));
// Unmount first: the charts follow the run store (its divergence too), and a change after the test is outside act().
afterEach(() => {
  cleanup();
  runStore.setState(INITIAL_RUN);
});

describe('latest ‖∂L/∂W‖ per layer (bars on a log scale)', () => {
  test('before any step it says there is nothing to draw yet, as the line charts do; after one, it does not', () => {
    runStore.setState({ ...INITIAL_RUN, phase: 'ready', series: createRunSeries(1) });
    const { unmount } = render(<GradNormPanel />);
    const bars = () => screen.getByRole('img', { name: /^Gradient norms per weight layer/ });
    expect(within(bars()).getByText('Nothing to draw yet: press Play or Step.')).toBeInTheDocument();
    unmount();
    loadRun([0.1, 0.2], [0.3, 0.4]);
    render(<GradNormPanel />);
    expect(within(bars()).queryByText('Nothing to draw yet: press Play or Step.')).toBeNull();
  });

  test('a norm of exactly 0 is said: a note under the bars and “0” in the chart’s description', async () => {
    loadRun([0, 0.2], [0.3, 0.4]);
    render(<GradNormPanel />);
    const note = await screen.findByTestId('grad-bars-note');
    expect(note).toHaveTextContent('Without BN, ‖∂L/∂W₁‖ is exactly 0: a log scale has no 0, so its bar is marked “0” at the bottom.');
    expect(screen.getByRole('img', { name: /^Gradient norms per weight layer/ })).toHaveAccessibleName(expect.stringContaining('W1: Without BN 0, With BN 0.3'));
  });

  test('a diverged network’s frozen bars say so, with the step', async () => {
    loadRun([0.1, 0.2], [0.3, 0.4], 2, { plain: { step: 3, reason: 'the training loss became infinite' } });
    render(<GradNormPanel />);
    await waitFor(() => expect(screen.getAllByTestId('grad-bars-note').map((n) => n.textContent)).toEqual(['Without BN diverged at step 3: its bars are frozen at its last logged step, 2.']));
  });

  test('like every chart, the bars have a data table (and downloads): each layer’s latest norm per network', async () => {
    loadRun([0, 0.2], [0.3, 0.4]);
    render(<GradNormPanel />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show data as a table: Latest gradient norm ‖∂L/∂W‖ per weight layer' }));
    expect(screen.getByRole('button', { name: 'Download: Latest gradient norm ‖∂L/∂W‖ per weight layer' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['weight layer', '‖∂L/∂W‖, without BN', 'logged at step, without BN', '‖∂L/∂W‖, with BN', 'logged at step, with BN']);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/W1\s*0\s*3\s*0\.3\s*3/);
  });
});

test('the norm-over-training table heads its values ‖∂L/∂W‖ (plain norms), not the axis title “‖∂L/∂W‖ (log scale)”', async () => {
  loadRun([0.1, 0.2], [0.3, 0.4]);
  render(<GradNormPanel />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Show data as a table: Gradient norm of weight layer 1 over training, both networks' }));
  const table = screen.getByRole('table');
  expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['line', 'step', '‖∂L/∂W‖']);
  expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/0\.5/);
});

test('gradBarNotes: zeros of several layers, and nothing to say for a healthy run', () => {
  const rows = [{ layer: 'W1', plain: 0, bn: 1 }, { layer: 'W2', plain: 0, bn: 0 }, { layer: 'W3', plain: 0, bn: 2 }];
  expect(gradBarNotes(rows, { plain: null, bn: null }, { plain: 5, bn: 5 })).toEqual([
    'Without BN, ‖∂L/∂W₁‖, ‖∂L/∂W₂‖ and ‖∂L/∂W₃‖ are exactly 0: a log scale has no 0, so their bars are marked “0” at the bottom.',
    'With BN, ‖∂L/∂W₂‖ is exactly 0: a log scale has no 0, so its bar is marked “0” at the bottom.',
  ]);
  expect(gradBarNotes([{ layer: 'W1', plain: 1, bn: 1 }], { plain: null, bn: null }, { plain: 5, bn: 5 })).toEqual([]);
});
