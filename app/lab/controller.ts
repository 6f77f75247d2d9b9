import type { StoreApi } from 'zustand/vanilla';
import { fashionUrl } from './loadFashion';
import { type LabSettings, labRunSettings, labSettingsOf, sameRun } from './model/labSettings';
import { appStore, type State } from '../state/store';
import { applyRunEvent } from './runEvents';
import { createRunUpdates } from './runUpdates';
import { INITIAL_RUN, type RunState, runStore } from './runStore';
import { createSweepControl } from './sweepControl';
import { type TransportFactory, workerTransport } from './transport';

/**
 * The page's side of the training lab: turns the lab's settings (app store) into Worker requests and
 * the Worker's events into the run store (runEvents.ts, gathered by runUpdates.ts). A change of a
 * setting starts a new run (after a short quiet time, so a slider drag is one run); it keeps playing
 * if it was. The sweep has its own Worker (sweepControl.ts).
 */
export interface LabController {
  play(): void;
  pause(): void;
  /** One training step (while paused). */
  step(): void;
  /** Back to step 0 of the same run, paused: playing again replays it exactly. */
  reset(): void;
  /** Applies a set of settings and starts their run at once, playing or not (the presets). */
  load(patch: Partial<LabSettings>, play: boolean): void;
  startSweep(): void;
  cancelSweep(): void;
  dispose(): void;
}

export const SETTLE_MS = 150;

export function createLabController(
  app: StoreApi<State> = appStore,
  run: StoreApi<RunState> = runStore,
  factory: TransportFactory = workerTransport,
  dataUrl: () => string = () => fashionUrl(),
): LabController {
  let runId = 0;
  let current = labSettingsOf(app.getState());
  let settle: ReturnType<typeof setTimeout> | undefined;
  const updates = createRunUpdates(run);
  const sweep = createSweepControl(run, updates, factory);
  const trainer = factory(
    (e) => {
      if (e.runId === runId) applyRunEvent(e, updates, run);
    },
    (message) => updates.now({ phase: 'error', error: message, playing: false }),
  );
  trainer.send({ type: 'speed', stepsPerSecond: current.labSpeed });

  /** A new run of the current settings, at step 0, playing or not. */
  function configure(play: boolean): void {
    if (settle !== undefined) clearTimeout(settle);
    settle = undefined;
    runId += 1;
    updates.flush();
    run.setState({ ...INITIAL_RUN, phase: 'loading', playing: play, sweep: run.getState().sweep });
    trainer.send({ type: 'configure', runId, run: labRunSettings(current, dataUrl()), play });
  }

  const unsubscribe = app.subscribe((state) => {
    const next = labSettingsOf(state);
    const prev = current;
    current = next;
    if (next.labSpeed !== prev.labSpeed) trainer.send({ type: 'speed', stepsPerSecond: next.labSpeed });
    if (sameRun(prev, next)) return;
    if (run.getState().sweep.phase !== 'idle') sweep.cancel();
    if (settle !== undefined) clearTimeout(settle);
    settle = setTimeout(() => configure(run.getState().playing), SETTLE_MS);
  });

  configure(false);

  return {
    play: () => {
      run.setState({ playing: true, stepsPerSecond: { plain: 0, bn: 0 } });
      trainer.send({ type: 'play', runId });
    },
    pause: () => {
      run.setState({ playing: false });
      trainer.send({ type: 'pause', runId });
    },
    step: () => trainer.send({ type: 'step', runId, steps: 1 }),
    reset: () => configure(false),
    load(patch, play) {
      app.setState(patch);
      configure(play);
    },
    startSweep: () => sweep.start(current, dataUrl()),
    cancelSweep: () => sweep.cancel(),
    dispose() {
      if (settle !== undefined) clearTimeout(settle);
      updates.dispose();
      unsubscribe();
      trainer.close();
      sweep.close();
      run.setState(INITIAL_RUN);
    },
  };
}

let instance: LabController | null = null;
let defaultFactory: TransportFactory = workerTransport;

/** The page's one lab controller, created (and its Worker started) on first use. */
export function labController(): LabController {
  instance ??= createLabController(appStore, runStore, defaultFactory);
  return instance;
}

/** For tests: which transport the page's controller uses; disposes the current one. */
export function resetLabController(factory: TransportFactory = workerTransport): void {
  instance?.dispose();
  instance = null;
  defaultFactory = factory;
}
