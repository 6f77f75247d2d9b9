import type { StoreApi } from 'zustand/vanilla';
import { fashionUrl } from './loadFashion';
import { type LabSettings, labRunSettings, labSettingsOf, sameRun } from './model/labSettings';
import { nextRun } from './model/resume';
import { appStore, type State } from '../state/store';
import { noticeStore } from '../state/url/notices';
import { applyRunEvent } from './runEvents';
import { createRunUpdates } from './runUpdates';
import { INITIAL_RUN, type RunState, runStore } from './runStore';
import { createStepWriter, runPosition } from './stepUrl';
import { createSweepControl } from './sweepControl';
import { type TransportFactory, workerTransport } from './transport';
import type { LabSnapshot } from './worker/messages';
import { createSnapshotRequests } from './snapshots';
import { onePerPage } from '../worker/onePerPage';

/**
 * The page's side of the training lab: turns the lab's settings (app store) into Worker requests and
 * the Worker's events into the run store (runEvents.ts, gathered by runUpdates.ts). A change of a
 * setting starts a new run (after a short quiet time, so a slider drag is one run); it keeps playing
 * if it was, and the run it replaces stays on the charts as a ghost (model/ghost.ts). The step the
 * run is at goes to the address (stepUrl.ts); a step the address asks for (a link, a reload, Back)
 * is replayed to in the Worker. The sweep has its own Worker (sweepControl.ts).
 */
export interface LabController {
  play(): void;
  pause(): void;
  /** One training step (while paused), or `steps` of them (at most 1,000; paused after them: the fold section's “train the lab”). */
  step(steps?: number): void;
  /** A copy of the BN network as it is now, with the run's test set; null while the run is loading. */
  snapshot(): Promise<LabSnapshot | null>;
  /** Back to step 0 of the same run, paused: playing again replays it exactly. */
  reset(): void;
  /** Applies a set of settings and starts their run in the next task, playing or not (the presets). */
  load(patch: Partial<LabSettings>, play: boolean): void;
  /** Takes the previous run's ghost off the charts. */
  clearGhost(): void;
  startSweep(): void;
  cancelSweep(): void;
  dispose(): void;
}

export const SETTLE_MS = 150;

/** Adds a message to the page's notice about the address. */
function addNotice(message: string): void {
  const { messages, show } = noticeStore.getState();
  show([...messages, message]);
}

export function createLabController(
  app: StoreApi<State> = appStore,
  run: StoreApi<RunState> = runStore,
  factory: TransportFactory = workerTransport,
  dataUrl: () => string = () => fashionUrl(),
  now: () => number = () => performance.now(),
): LabController {
  let runId = 0;
  let current = labSettingsOf(app.getState());
  /** The settings of the run in the Worker, and when it started. */
  let running = { settings: current, at: now() };
  let settle: ReturnType<typeof setTimeout> | undefined;
  /** A step the address asked for (a link, Back or Forward): the next run is replayed to it. */
  let resume: number | null = app.getState().labStep > 0 ? app.getState().labStep : null;
  const updates = createRunUpdates(run);
  const steps = createStepWriter(app, run);
  const sweep = createSweepControl(run, updates, factory);
  const snapshots = createSnapshotRequests();
  const trainer = factory(
    (e) => {
      if (e.type === 'snapshot') snapshots.answer(e.requestId, e.snapshot);
      else if (e.runId === runId) applyRunEvent(e, updates, run);
    },
    (message) => updates.now({ phase: 'error', error: message, playing: false }),
  );
  trainer.send({ type: 'speed', stepsPerSecond: current.labSpeed });

  /**
   * A new run of the current settings, at step 0, playing or not; or replayed to the step the address
   * asked for, then paused. A reset keeps the ghost; any other new run makes the replaced one the ghost.
   */
  function configure(play: boolean, reset = false): void {
    if (settle !== undefined) clearTimeout(settle);
    settle = undefined;
    runId += 1;
    updates.flush();
    const before = run.getState();
    const settings = labRunSettings(current, dataUrl());
    const replaced = { series: before.series, settings: running.settings, step: before.step, ranMs: now() - running.at };
    const { resumeAt, ghost, notice } = nextRun({ reset, asked: resume, ghost: before.ghost, replaced, next: current, maxSteps: settings.maxSteps });
    if (notice) addNotice(notice);
    resume = null;
    running = { settings: current, at: now() };
    run.setState({ ...INITIAL_RUN, phase: 'loading', playing: play && resumeAt === 0, sweep: before.sweep, ghost, replay: resumeAt > 0 ? { target: resumeAt, done: false } : null, replaced: before.info ?? before.replaced });
    steps.write(resumeAt);
    trainer.send({ type: 'configure', runId, run: settings, play, resumeAt });
  }

  const unsubscribe = app.subscribe((state) => {
    const next = labSettingsOf(state);
    const prev = current;
    current = next;
    if (next.labSpeed !== prev.labSpeed) trainer.send({ type: 'speed', stepsPerSecond: next.labSpeed });
    const asked = state.labStep !== steps.written ? state.labStep : null;
    const same = sameRun(prev, next);
    // A step the controller did not write came from the address (Back, Forward): the next run replays to it…
    if (asked !== null && (!same || settle !== undefined)) resume = asked;
    // …or, when the same run goes on, the address goes back to saying where it is.
    else if (asked !== null) steps.write(runPosition(run.getState()));
    if (same) return;
    if (run.getState().sweep.phase !== 'idle') sweep.cancel();
    if (settle !== undefined) clearTimeout(settle);
    settle = setTimeout(() => configure(run.getState().playing), SETTLE_MS);
  });

  configure(false);

  return {
    play: () => {
      // Play during a replay plays on from where it is.
      run.setState({ playing: true, stepsPerSecond: { plain: 0, bn: 0 }, replay: null });
      trainer.send({ type: 'play', runId });
    },
    pause: () => {
      run.setState({ playing: false });
      trainer.send({ type: 'pause', runId });
    },
    step: (steps = 1) => trainer.send({ type: 'step', runId, steps }),
    snapshot: () => snapshots.ask((requestId) => trainer.send({ type: 'snapshot', runId, requestId })),
    reset: () => configure(false, true),
    load(patch, play) {
      app.setState(patch);
      // The controls show the new settings now, the new run starts in the next task: two short tasks, not one long one.
      settle = (clearTimeout(settle), setTimeout(() => configure(play), 0));
    },
    clearGhost: () => run.setState({ ghost: null }),
    startSweep: () => sweep.start(current, dataUrl()),
    cancelSweep: () => sweep.cancel(),
    dispose() {
      for (const stop of [snapshots.dispose, () => clearTimeout(settle), steps.dispose, updates.dispose, unsubscribe, trainer.close, sweep.close]) stop();
      run.setState(INITIAL_RUN);
    },
  };
}

const page = onePerPage((factory: TransportFactory) => createLabController(appStore, runStore, factory), workerTransport);

/** The page's one lab controller, created (and its Worker started) on first use. */
export const labController = page.get;

/** For tests: which transport the page's controller uses; disposes the current one. */
export const resetLabController = page.reset;
