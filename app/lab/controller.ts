import type { StoreApi } from 'zustand/vanilla';
import { fashionUrl } from './loadFashion';
import { type LabControls, SWEEP_STEPS, labControls, labRunSettings, sameRun, sweepRates } from './model/labSettings';
import { appendLogs, createRunSeries } from './model/series';
import { appStore, type State } from '../state/store';
import type { LabEvent } from './worker/messages';
import { IDLE_SWEEP, INITIAL_RUN, type RunState, type SweepState, runStore } from './runStore';
import { type LabTransport, type TransportFactory, workerTransport } from './transport';

/**
 * The page's side of the training lab: turns the lab's settings (app store) into Worker requests and
 * the Worker's events into the run store. A change of a setting starts a new run (after a short
 * quiet time, so a slider drag is one run); it keeps playing if it was.
 */
export interface LabController {
  play(): void;
  pause(): void;
  /** One training step (while paused). */
  step(): void;
  /** Back to step 0 of the same run, paused: playing again replays it exactly. */
  reset(): void;
  /** Applies a set of settings and starts their run at once, playing or not (the presets). */
  load(patch: Partial<LabControls>, play: boolean): void;
  startSweep(): void;
  cancelSweep(): void;
  dispose(): void;
}

export const SETTLE_MS = 150;
/** Metrics and boundaries reach the page's store at most this often (see `queue`). */
export const FLUSH_MS = 250;

export function createLabController(
  app: StoreApi<State> = appStore,
  run: StoreApi<RunState> = runStore,
  factory: TransportFactory = workerTransport,
  dataUrl: () => string = () => fashionUrl(),
): LabController {
  let runId = 0;
  let sweepId = 0;
  let current = labControls(app.getState());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sweeper: LabTransport | null = null;

  // Frequent events (metrics, boundaries) are gathered and shown together a few times a second: each
  // store update repaints the page, and one repaint per batch costs far less than one per message.
  let pending: Partial<RunState> | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    const patch = pending;
    pending = null;
    if (patch) run.setState(patch);
  };
  const queue = (patch: Partial<RunState>): void => {
    pending = { ...pending, ...patch };
    flushTimer ??= setTimeout(flush, FLUSH_MS);
  };
  /** Now, after whatever was gathered (so the store never goes back in time). */
  const now = (patch: Partial<RunState>): void => {
    flush();
    run.setState(patch);
  };
  const latest = <K extends keyof RunState>(key: K): RunState[K] => (pending && key in pending ? (pending[key] as RunState[K]) : run.getState()[key]);

  const failure = (message: string) => now({ phase: 'error', error: message, playing: false });
  const onEvent = (e: LabEvent): void => {
    if (e.runId !== runId) return;
    switch (e.type) {
      case 'loading':
        return now({ phase: 'loading', loading: e.what });
      case 'ready':
        return now({ phase: 'ready', loading: null, info: e.info, series: createRunSeries(e.info.hidden.length), version: 0 });
      case 'metrics': {
        const { series } = run.getState();
        if (!series) return;
        appendLogs(series, e.logs);
        // Keep the same objects while nothing diverged anew, so views of them do not redraw.
        const before = latest('diverged');
        const same = (v: 'plain' | 'bn') => before[v]?.step === e.diverged[v]?.step;
        const diverged = same('plain') && same('bn') ? before : e.diverged;
        // A new divergence is news: show it at once.
        return (diverged === before ? queue : now)({ step: e.step, diverged, version: series.version });
      }
      case 'boundary': {
        // A network that diverged keeps the last boundary it had.
        const before = latest('boundary')?.images;
        const images = { plain: e.images.plain ?? before?.plain ?? null, bn: e.images.bn ?? before?.bn ?? null };
        return queue({ boundary: { step: e.step, resolution: e.resolution, extent: e.extent, images } });
      }
      case 'status':
        return now({ playing: e.playing, step: e.step, stepsPerSecond: e.stepsPerSecond, stopped: e.stopped });
      case 'error':
        return failure(e.message);
    }
  };
  /** Events of the sweep's own Worker. */
  const onSweepEvent = (e: LabEvent): void => {
    if (!('runId' in e) || e.runId !== sweepId) return;
    const sweep = latest('sweep');
    if (e.type === 'error') now({ sweep: { ...sweep, phase: 'error', error: e.message } });
    else if (e.type === 'loading') now({ sweep: { ...sweep, phase: 'loading' } });
    else if (e.type === 'sweep') {
      const before = latest('sweep');
      // Progress is gathered like metrics; a finished rate or the end is shown at once.
      const next: SweepState = { ...before, phase: e.done ? 'done' : 'running', completedSteps: e.completedSteps, totalSteps: e.totalSteps, points: e.points.length === before.points.length ? before.points : e.points };
      (e.done || next.points !== before.points ? now : queue)({ sweep: next });
    }
  };

  const trainer = factory(onEvent, failure);
  trainer.send({ type: 'speed', stepsPerSecond: current.labSpeed });

  function configure(play: boolean): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    runId += 1;
    flush();
    run.setState({ ...INITIAL_RUN, phase: 'loading', playing: play, sweep: run.getState().sweep });
    trainer.send({ type: 'configure', runId, run: labRunSettings(current, dataUrl()), play });
  }

  function cancelSweep(): void {
    sweeper?.send({ type: 'cancel-sweep', runId: sweepId });
    sweepId += 1;
    now({ sweep: IDLE_SWEEP });
  }

  const unsubscribe = app.subscribe((state) => {
    const next = labControls(state);
    const prev = current;
    current = next;
    if (next.labSpeed !== prev.labSpeed) trainer.send({ type: 'speed', stepsPerSecond: next.labSpeed });
    if (sameRun(prev, next)) return;
    if (run.getState().sweep.phase !== 'idle') cancelSweep();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => configure(run.getState().playing), SETTLE_MS);
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
    startSweep() {
      cancelSweep();
      sweepId += 1;
      sweeper ??= factory(onSweepEvent, (message) => run.setState({ sweep: { ...run.getState().sweep, phase: 'error', error: message } }));
      const settings = labRunSettings(current, dataUrl());
      const rates = sweepRates(current.labLr);
      const steps = SWEEP_STEPS[settings.data.kind];
      now({ sweep: { ...IDLE_SWEEP, phase: settings.data.kind === 'fashion' ? 'loading' : 'running', rates, steps, totalSteps: rates.length * steps } });
      sweeper.send({ type: 'sweep', runId: sweepId, run: settings, learningRates: rates, steps });
    },
    cancelSweep,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      unsubscribe();
      trainer.close();
      sweeper?.close();
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
