import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { SETTLE_MS, createLabController, type LabController } from '../../../app/lab/controller';
import { GHOST_MIN_MS } from '../../../app/lab/model/ghost';
import { INITIAL_RUN, type RunState, layoutInfo } from '../../../app/lab/runStore';
import { STEP_URL_MS } from '../../../app/lab/stepUrl';
import type { TransportFactory } from '../../../app/lab/transport';
import type { LabEvent, LabRequest, RunInfo } from '../../../app/lab/worker/messages';
import { createAppStore } from '../../../app/state/store';
import { noticeStore } from '../../../app/state/url/notices';
import { startUrlSync } from '../../../app/state/url/sync';

/**
 * The controller against a fake Worker: the test reads what the page asked for and answers with the
 * events a Worker would post. Timers and the clock are fake, so SETTLE_MS and the step writes' pace are exact.
 */
function harness(initial: Partial<ReturnType<ReturnType<typeof createAppStore>['getState']>> = {}) {
  const sent: LabRequest[] = [];
  let answer: (e: LabEvent) => void = () => {};
  const factory: TransportFactory = (onEvent) => {
    answer = onEvent;
    return { send: (r) => sent.push(r), close: () => {} };
  };
  const app = createAppStore();
  app.setState(initial);
  const run = createStore<RunState>()(() => INITIAL_RUN);
  let t = 0;
  const clock = { advance: (ms: number) => ((t += ms), vi.advanceTimersByTime(ms)) };
  const controller: LabController = createLabController(app, run, factory, () => 'data.bin', () => t);
  const configures = () => sent.filter((r): r is Extract<LabRequest, { type: 'configure' }> => r.type === 'configure');
  const runId = () => configures().at(-1)!.runId;
  const info = { hidden: [16, 16], maxSteps: 30_000, stepsPerEpoch: 14, settings: {} } as unknown as RunInfo;
  const ready = () => answer({ type: 'ready', runId: runId(), info });
  const metrics = (step: number) => answer({ type: 'metrics', runId: runId(), step, logs: { plain: [], bn: [] }, diverged: { plain: null, bn: null } });
  const status = (step: number, playing = false) => answer({ type: 'status', runId: runId(), playing, step, stepsPerSecond: { plain: 0, bn: 0 }, stopped: null });
  return { app, run, controller, sent, configures, ready, metrics, status, clock };
}

let h: ReturnType<typeof harness> | undefined;
const open = (initial: Parameters<typeof harness>[0] = {}) => (h = harness(initial));
beforeEach(() => {
  vi.useFakeTimers();
  noticeStore.getState().dismiss();
});
afterEach(() => {
  h?.controller.dispose();
  h = undefined;
  vi.useRealTimers();
});

describe('lab controller: a changed setting keeps the previous run as a ghost', () => {
  test('after 50 steps the learning rate changes: a new run from step 0, the old one the ghost, named by what differs; Clear removes it', () => {
    const { app, run, controller, configures, ready, metrics, status, clock } = open({ labLr: 0.1 });
    ready();
    metrics(50);
    status(50);
    clock.advance(5000);
    app.getState().setLab({ labLr: 0.3 });
    clock.advance(SETTLE_MS);
    expect(configures().map((c) => [c.runId, c.resumeAt, c.run.experiment.lr])).toEqual([[1, 0, 0.1], [2, 0, 0.3]]);
    const ghost = run.getState().ghost!;
    expect(ghost).toMatchObject({ step: 50, differs: ['lr 0.1'] });
    expect(ghost.settings.labLr).toBe(0.1);
    expect(ghost.notice).toMatch(/^The learning rate changed \(0\.1 → 0\.3\), so the run restarted from step 0\./);
    expect(run.getState()).toMatchObject({ step: 0, replay: null });
    expect(app.getState().labStep).toBe(0);
    controller.clearGhost();
    expect(run.getState().ghost).toBeNull();
  });

  test('a run that never stepped leaves no ghost; Reset keeps the ghost there is and puts the address at step 0', () => {
    const { app, run, controller, ready, metrics, status, clock } = open();
    ready();
    app.getState().setLab({ labSeed: 2 });
    clock.advance(SETTLE_MS);
    expect(run.getState().ghost).toBeNull();
    ready();
    metrics(30);
    status(30);
    expect(app.getState().labStep).toBe(30);
    clock.advance(GHOST_MIN_MS);
    app.getState().setLab({ labSeed: 3 });
    clock.advance(SETTLE_MS);
    const ghost = run.getState().ghost;
    expect(ghost).toMatchObject({ step: 30, differs: ['seed 2'] });
    ready();
    metrics(10);
    status(10);
    controller.reset();
    expect(run.getState().ghost).toBe(ghost);
    expect(run.getState().step).toBe(0);
    expect(app.getState().labStep).toBe(0);
  });
});

describe('lab controller: the step in the address', () => {
  test('opened at lab-step=300: the Worker replays to it; the address keeps 300 throughout; the replay ends paused there', () => {
    const { app, run, configures, ready, metrics, status } = open({ labStep: 300 });
    expect(configures()[0]).toMatchObject({ resumeAt: 300, play: false });
    expect(run.getState().replay).toEqual({ target: 300, done: false });
    ready();
    metrics(120);
    expect(run.getState().step).toBe(120);
    expect(app.getState().labStep).toBe(300);
    metrics(300);
    status(300);
    expect(run.getState()).toMatchObject({ step: 300, playing: false, replay: { target: 300, done: true } });
    expect(app.getState().labStep).toBe(300);
  });

  test('past the run’s limit (Fashion-MNIST stops at 6,000): it resumes at the limit, and the notice says so', () => {
    const { configures } = open({ labStep: 9000, labDataset: 'fashion' });
    expect(configures()[0].resumeAt).toBe(6000);
    expect(noticeStore.getState().messages).toEqual(['lab-step=9000 is past step 6,000, the limit of one run on this data; the run resumes at step 6,000.']);
  });

  test('while playing the step reaches the address at most once a second; at once on pause, and when the page is left', () => {
    const { app, controller, ready, metrics, status, clock } = open();
    window.history.replaceState(null, '', '/lab/');
    const sync = startUrlSync({ store: app });
    ready();
    controller.play();
    status(0, true);
    const writes: number[] = [];
    app.subscribe((s, prev) => s.labStep !== prev.labStep && writes.push(s.labStep));
    for (let step = 10; step <= 250; step += 10) {
      metrics(step);
      clock.advance(100);
    }
    expect(writes.length).toBeLessThanOrEqual(3);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    metrics(260);
    // The page is left: the step is written just before the address is, and is in it.
    expect(app.getState().labStep).toBeLessThan(260);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(app.getState().labStep).toBe(260);
    expect(new URLSearchParams(window.location.search).get('lab-step')).toBe('260');
    sync.stop();
    metrics(270);
    controller.pause();
    status(275);
    expect(app.getState().labStep).toBe(275);
    clock.advance(STEP_URL_MS);
    expect(app.getState().labStep).toBe(275);
  });

  test('Back to a setting with its step: the next run replays to it; the ghost’s own step when it is that run', () => {
    const { app, run, configures, ready, metrics, status, clock } = open({ labLr: 0.1 });
    ready();
    metrics(400);
    status(400);
    clock.advance(5000);
    app.getState().setLab({ labLr: 0.3 });
    clock.advance(SETTLE_MS);
    ready();
    metrics(80);
    status(80);
    // Back, as the URL sync applies it: the entry's settings and its step (written a little before the change).
    app.setState({ labLr: 0.1, labStep: 380 });
    clock.advance(SETTLE_MS);
    expect(configures().at(-1)).toMatchObject({ resumeAt: 400, run: { experiment: { lr: 0.1 } } });
    // The run undone (80 steps) would be passed at once by the replay: it is no ghost, the old ghost (this very run) neither.
    expect(run.getState().ghost).toBeNull();
    // Forward: the other run, at the step its entry holds.
    ready();
    metrics(400);
    status(400);
    app.setState({ labLr: 0.3, labStep: 78 });
    clock.advance(SETTLE_MS);
    expect(configures().at(-1)).toMatchObject({ resumeAt: 78, run: { experiment: { lr: 0.3 } } });
  });

  test('Back across another section’s setting (the same run goes on): the address says where the run is again, nothing restarts', () => {
    const { app, configures, ready, metrics, status } = open();
    ready();
    metrics(500);
    status(500);
    app.setState({ gamma: 2, labStep: 120 });
    expect(app.getState().labStep).toBe(500);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(configures()).toHaveLength(1);
  });
});

describe('lab controller: a preset in two tasks, the replaced run’s layout kept while the new one loads', () => {
  test('load applies the settings at once and starts the run in the next task; until the new run is ready, layoutInfo is the replaced run’s', () => {
    const { app, run, controller, configures, ready, clock } = open({ labLr: 0.1 });
    ready();
    const first = run.getState().info;
    expect(layoutInfo(run.getState())).toBe(first);
    controller.load({ labLr: 0.3 }, true);
    // The settings show now; the Worker has not been asked yet.
    expect(app.getState().labLr).toBe(0.3);
    expect(configures()).toHaveLength(1);
    clock.advance(0);
    expect(configures().map((c) => [c.run.experiment.lr, c.play])).toEqual([[0.1, false], [0.3, true]]);
    // Loading: no info of its own yet, the replaced run's layout.
    expect(run.getState()).toMatchObject({ phase: 'loading', info: null, replaced: first });
    expect(layoutInfo(run.getState())).toBe(first);
    ready();
    expect(run.getState().replaced).toBeNull();
    expect(layoutInfo(run.getState())).toBe(run.getState().info);
    // Not loading (an error, say): no layout from a replaced run.
    expect(layoutInfo({ ...run.getState(), info: null, phase: 'error', replaced: first })).toBeNull();
  });
});
