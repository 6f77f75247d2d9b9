import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createExperiment, stepComparison } from '../../../src';
import TrainingLab from '../../../app/lab/TrainingLab';
import { LabControls } from '../../../app/lab/LabControls';
import { Readouts } from '../../../app/lab/Readouts';
import { RunBar } from '../../../app/lab/RunBar';
import { RunNotices } from '../../../app/lab/RunNotices';
import { labController, resetLabController } from '../../../app/lab/controller';
import { type TransportFactory, inPageTransport } from '../../../app/lab/transport';
import { INITIAL_RUN, runStore } from '../../../app/lab/runStore';
import { loadFashionCached } from '../../../app/lab/loadFashion';
import { count } from '../../../app/lab/model/labText';
import { driveSession } from '../../../app/worker/driver';
import type { LabEvent, LabRequest, RunInfo } from '../../../app/lab/worker/messages';
import { createLabSession } from '../../../app/lab/worker/session';
import { experimentSettings } from '../../../app/lab/model/labSettings';
import { LR_STEPS } from '../../../app/lab/model/labScales';
import { fmt } from '../../../app/ui/format';
import { LAB_DEFAULTS } from '../../../app/state/slices/lab';
import { appStore } from '../../../app/state/store';

// The lab trains on timers, like its Worker: updates arrive outside act(), as in the browser.
const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeAll(() => {
  actEnv.IS_REACT_ACT_ENVIRONMENT = false;
  // jsdom has no 2-D canvas; the boundary canvases draw nothing here (e2e tests look at them).
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterAll(() => {
  actEnv.IS_REACT_ACT_ENVIRONMENT = true;
  vi.restoreAllMocks();
});
beforeEach(() => {
  appStore.setState({ ...LAB_DEFAULTS, labStep: 0 });
  resetLabController(inPageTransport);
});
afterEach(() => {
  resetLabController();
  vi.unstubAllGlobals();
});

/** The lab without its charts (they have their own test below): controls, run bar, notices, numbers. */
function Panel() {
  return (
    <>
      <LabControls />
      <RunBar />
      <RunNotices />
      <Readouts />
    </>
  );
}
function renderPanel() {
  labController();
  return render(<Panel />);
}

/**
 * The in-page transport, watched: every event its session posts, and whether the session is idle
 * (its last pump found nothing to do, and it has posted nothing since: no pump will follow).
 */
function watchedTransport() {
  const events: LabEvent[] = [];
  let idleAt = -1;
  const factory: TransportFactory = (onEvent) => {
    let open = true;
    const session = createLabSession({
      post: (e) => {
        events.push(e);
        if (open) onEvent(e);
      },
      loadFashion: (url) => loadFashionCached({ url }),
      now: () => performance.now(),
    });
    const pump = () => {
      const r = session.pump();
      if (!r.busy) idleAt = events.length;
      return r;
    };
    const driver = driveSession<LabRequest>({ receive: (r) => session.receive(r), pump });
    return { send: (r) => void driver.send(r), close: () => ((open = false), driver.stop()) };
  };
  return { factory, events, idle: () => idleAt === events.length };
}

const step = () => screen.getByTestId('lab-step');
const atStep = (n: number) => waitFor(() => expect(step()).toHaveTextContent(new RegExp(`^Step ${n}\\b`)), { timeout: 4000 });
/** The mini-batch loss the read-out table shows for a network. */
const batchLoss = (v: 'plain' | 'bn') => within(screen.getByTestId(`readout-${v}`)).getAllByRole('cell')[0].textContent;

/** What the engine gives for the lab's current settings after `steps` steps (the reference). */
function engineLogs(steps: number) {
  const c = createExperiment(experimentSettings(appStore.getState())).comparison;
  return stepComparison(c, steps).logs;
}

describe('training lab, as a student uses it', () => {
  // Rendering every chart in jsdom takes a few seconds on a busy machine.
  test('the whole section mounts: every control has a name, every chart a description', { timeout: 15_000 }, async () => {
    render(<TrainingLab />);
    for (const name of ['Dataset', 'Noise', 'Seed', 'Hidden layers', 'Units per layer', 'Activation', 'Initial weights', 'Optimizer', 'Learning rate', 'Batch size m', 'Speed']) {
      expect(screen.getByLabelText(name)).toBeInTheDocument();
    }
    expect(screen.getByRole('group', { name: 'BN before or after the activation' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'BN on the output layer too' })).not.toBeChecked();
    for (const name of ['Play', 'Step', 'Reset', /Figure 1 of the BN paper/, /Two clusters · BN does not help/, /Batches of 2 · BN hurts/]) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    // The panels below the loss and accuracy charts mount a task later (MountLater).
    // A role query over the whole lab is slow in jsdom on a busy machine: a generous wait.
    expect(await screen.findByRole('button', { name: 'Run the sweep' }, { timeout: 10_000 })).toBeInTheDocument();
    await atStep(0);
    const charts = screen.getAllByRole('img').map((el) => el.getAttribute('aria-label'));
    expect(charts).toEqual(expect.arrayContaining(['Loss over training steps, both networks', 'Accuracy over training steps, both networks']));
    expect(charts.filter((c) => c?.startsWith('Decision boundary'))).toHaveLength(2);
    expect(charts.filter((c) => c?.startsWith("Quantiles of unit 1's input in hidden layer 3"))).toHaveLength(2);
    // “BN” stays upper-case inside the names screen readers read.
    expect(charts).toEqual(expect.arrayContaining(["Quantiles of unit 1's input in hidden layer 3, without BN", "Quantiles of unit 1's input in hidden layer 3, with BN"]));
    for (const v of ['without', 'with']) expect(screen.getByRole('group', { name: `Decision boundary, ${v} BN: data and downloads` })).toBeInTheDocument();
    expect(document.body.innerHTML).not.toMatch(/with(out)? bn\b/);
  });

  test('Step takes one step: the read-outs show the engine’s mini-batch loss at step 1 for both networks', async () => {
    const user = userEvent.setup();
    renderPanel();
    await atStep(0);
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await atStep(1);
    const [ref] = [engineLogs(1)];
    await waitFor(() => expect(batchLoss('bn')).toBe(fmt(ref.bn[0].trainLoss, 3)));
    expect(batchLoss('plain')).toBe(fmt(ref.plain[0].trainLoss, 3));
  });

  test('Reset goes back to step 0 and replays the same run: three steps give the same numbers twice', async () => {
    const user = userEvent.setup();
    renderPanel();
    const threeSteps = async () => {
      await atStep(0);
      for (let i = 1; i <= 3; i++) {
        await user.click(screen.getByRole('button', { name: 'Step' }));
        await atStep(i);
      }
      const ref = engineLogs(3);
      await waitFor(() => expect(batchLoss('plain')).toBe(fmt(ref.plain[2].trainLoss, 3)));
      return [batchLoss('plain'), batchLoss('bn')];
    };
    const first = await threeSteps();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(await threeSteps()).toEqual(first);
  });

  test('Play trains until Pause; a changed setting starts a new run from step 0', { timeout: 15_000 }, async () => {
    const user = userEvent.setup();
    const watched = watchedTransport();
    resetLabController(watched.factory);
    appStore.setState({ labSpeed: 0 });
    renderPanel();
    await atStep(0);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(Number(step().textContent?.match(/Step ([\d,]+)/)?.[1].replace(/,/g, ''))).toBeGreaterThan(20), { timeout: 4000 });
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    // The session answers that it stopped, at the step its last pump reached, and goes idle: no pump
    // follows, so no step can follow. If Pause did not stop training, neither would ever happen.
    const isStop = (e: LabEvent) => e.type === 'status' && !e.playing;
    await waitFor(() => {
      expect(watched.events.some(isStop)).toBe(true);
      expect(watched.idle()).toBe(true);
    }, { timeout: 4000 });
    const stop = watched.events.map(isStop).lastIndexOf(true);
    const stoppedAt = (watched.events[stop] as Extract<LabEvent, { type: 'status' }>).step;
    expect(watched.events.slice(stop).filter((e) => e.type === 'metrics')).toEqual([]);
    expect(stoppedAt).toBeGreaterThan(20);
    // The counter catches up with the steps the session took before the pause reached it, and stays.
    await waitFor(() => expect(step()).toHaveTextContent(new RegExp(`^Step ${count(stoppedAt)}\\b`)));
    expect(runStore.getState()).toMatchObject({ playing: false, step: stoppedAt });
    await user.selectOptions(screen.getByLabelText('Dataset'), 'Moons');
    expect(appStore.getState()).toMatchObject({ labDataset: 'moons', labNoise: 0.1 });
    await atStep(0);
  });

  test('the Speed column says “starting…” as soon as Play is pressed, then the measured rate; “paused” after Pause', async () => {
    const user = userEvent.setup();
    appStore.setState({ labSpeed: 0 });
    renderPanel();
    await atStep(0);
    const speed = (v: 'plain' | 'bn') => within(screen.getByTestId(`readout-${v}`)).getAllByRole('cell')[3];
    expect(speed('bn')).toHaveTextContent('paused');
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(speed('bn')).toHaveTextContent('starting…');
    expect(speed('plain')).toHaveTextContent('starting…');
    await waitFor(() => expect(speed('bn')).toHaveTextContent(/^[\d,.]+ steps\/s$/), { timeout: 4000 });
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(speed('bn')).toHaveTextContent('paused');
  });

  test('divergence is said in words with its step; the network with BN keeps training', async () => {
    const user = userEvent.setup();
    // Two He-initialised layers (the defaults before the lab opened on three sigmoid layers).
    appStore.setState({ labSpeed: 0, labDepth: 2, labInit: 'he' });
    renderPanel();
    await user.selectOptions(screen.getByLabelText('Activation'), 'tanh');
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: String(LR_STEPS.indexOf(3)) } });
    expect(appStore.getState()).toMatchObject({ labActivation: 'tanh', labLr: 3 });
    await atStep(0);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    const notice = await screen.findByTestId('diverged-plain', {}, { timeout: 4000 });
    expect(notice).toHaveTextContent('Without BN diverged at step 10: the training loss 31.6 exceeded 20.');
    expect(notice).toHaveTextContent('The network with BN keeps training.');
    expect(screen.queryByTestId('diverged-bn')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(within(screen.getByTestId('readout-plain')).getAllByRole('cell')[3]).toHaveTextContent('diverged at step 10');
    expect(document.body.textContent).not.toMatch(/NaN/);
  });

  test('a corrupt Fashion-MNIST file is an error in words, with a way to try again', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(new Uint8Array([70, 77, 78, 83, 1, 10, 28, 28]))));
    renderPanel();
    await userEvent.setup().selectOptions(screen.getByLabelText('Dataset'), 'Fashion-MNIST subset (28 × 28 images)');
    const error = await screen.findByTestId('lab-error', {}, { timeout: 4000 });
    expect(error).toHaveTextContent('This run could not start');
    expect(error).toHaveTextContent(/is not usable: the Fashion-MNIST subset is truncated: 8 bytes, shorter than its 24-byte header/);
    expect(within(error).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play' })).toBeDisabled();
  });
});

describe('training lab: what a setting means for the two networks', () => {
  test('the quantile panel’s words follow BN’s placement, and never claim BN stops the drift', async () => {
    render(<TrainingLab />);
    const prose = await screen.findByTestId('quantile-prose', {}, { timeout: 10_000 });
    expect(prose).toHaveTextContent('with BN before the activation this input is re-standardised on every batch');
    expect(prose).toHaveTextContent('the input to BN itself may keep moving');
    await userEvent.setup().click(within(screen.getByRole('group', { name: 'BN before or after the activation' })).getByRole('radio', { name: 'After' }));
    expect(appStore.getState().labBn).toBe('after');
    expect(prose).not.toHaveTextContent('stays centred');
    expect(prose).toHaveTextContent('here BN comes after the activation, so it normalizes the activation’s output, not this input');
  });

  test('0 hidden layers and no output BN: a note says the two networks are the same, and why; it goes with output BN', async () => {
    renderPanel();
    expect(screen.queryByTestId('lab-identical')).toBeNull();
    fireEvent.change(screen.getByLabelText('Hidden layers'), { target: { value: '0' } });
    expect(appStore.getState().labDepth).toBe(0);
    expect(await screen.findByTestId('lab-identical')).toHaveTextContent('with 0 hidden layers there are none: both networks are the same softmax regression');
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'BN on the output layer too' }));
    expect(screen.queryByTestId('lab-identical')).toBeNull();
  });
});

describe('run bar at the step limit', () => {
  test('at step 30,000 (the limit) Step and Play are disabled, and the bar says why', () => {
    runStore.setState({ ...INITIAL_RUN, phase: 'ready', step: 30_000, info: { maxSteps: 30_000, stepsPerEpoch: 14 } as RunInfo });
    render(<RunBar />);
    const reason = 'Step 30,000 is the limit of one run: Reset replays it.';
    expect(screen.getByText(reason)).toBeVisible();
    for (const name of ['Step', 'Play']) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
      expect(screen.getByRole('button', { name })).toHaveAccessibleDescription(reason);
    }
    expect(screen.getByRole('button', { name: 'Reset' })).toBeEnabled();
  });

  test('one step before it, Step is enabled and nothing is said', () => {
    runStore.setState({ ...INITIAL_RUN, phase: 'ready', step: 29_999, info: { maxSteps: 30_000, stepsPerEpoch: 14 } as RunInfo });
    render(<RunBar />);
    expect(screen.getByRole('button', { name: 'Step' })).toBeEnabled();
    expect(screen.queryByText(/limit of one run/)).toBeNull();
  });
});
