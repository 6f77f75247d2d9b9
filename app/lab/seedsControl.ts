import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { type JobState, createJobControl } from '../worker/jobControl';
import { onePerPage } from '../worker/onePerPage';
import { type TransportFactory, inPage, inWorker } from '../worker/transport';
import { fashionUrl } from './loadFashion';
import { type LabSettings, labRunSettings, labSettingsOf, sameRun } from './model/labSettings';
import { appStore, type State } from '../state/store';
import type { SeedCurve } from './worker/seedStudy';
import { studySeeds } from './worker/seedStudy';
import { type SeedsEvent, type SeedsProgress, type SeedsRequest, type SeedsStart, createSeedsSession } from './worker/seedsSession';
import { threadDeps } from './worker/threadDeps';

/** Seeds in a study, and steps per seed (2-D: where the presets' claims are checked; Fashion: a minute or two). */
export const SEED_COUNT = 5;
export const SEED_STEPS = { '2d': 2000, fashion: 500 } as const;

export interface SeedsState extends JobState {
  readonly seeds: readonly number[];
  readonly steps: number;
  readonly completed: number;
  readonly total: number;
  readonly testRows: number;
  readonly classes: number;
  readonly curves: readonly SeedCurve[];
}

export const IDLE_SEEDS: SeedsState = { phase: 'idle', seeds: [], steps: 0, completed: 0, total: 0, testRows: 0, classes: 0, curves: [], error: null };
export const seedsStore = createStore<SeedsState>()(() => IDLE_SEEDS);
export const useSeeds = <T,>(select: (s: SeedsState) => T): T => useStore(seedsStore, select);

export type SeedsTransportFactory = TransportFactory<SeedsRequest, SeedsEvent>;

/** A module Worker running worker/seeds.worker.ts. */
export const seedsWorkerTransport: SeedsTransportFactory = inWorker(() => new Worker(new URL('./worker/seeds.worker.ts', import.meta.url), { type: 'module', name: 'lab-seeds' }), 'seeds worker');

/** The same session on this thread (jsdom tests). */
export const seedsInPageTransport: SeedsTransportFactory = inPage((post) => createSeedsSession({ post, ...threadDeps }));

export interface SeedsControl {
  start(): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  dispose(): void;
}

/**
 * The page's side of the seed study (app/worker/jobControl.ts): its own Worker (started on first
 * use), one study at a time. A setting that changes the run cancels the study: its bands belong to
 * the settings it ran.
 */
export function createSeedsControl(app: StoreApi<State> = appStore, store: StoreApi<SeedsState> = seedsStore, factory: SeedsTransportFactory = seedsWorkerTransport, dataUrl: () => string = () => fashionUrl()): SeedsControl {
  const job = createJobControl<SeedsStart, SeedsProgress, never, SeedsState>(store, factory);
  let current: LabSettings = labSettingsOf(app.getState());
  function cancel(): void {
    job.stop();
    store.setState(IDLE_SEEDS);
  }
  const unsubscribe = app.subscribe((state) => {
    const next = labSettingsOf(state);
    if (!sameRun(current, next)) cancel();
    current = next;
  });
  return {
    start() {
      const run = labRunSettings(current, dataUrl());
      const seeds = studySeeds(current.labSeed, SEED_COUNT), steps = SEED_STEPS[run.data.kind];
      job.start({ run, seeds, steps }, { ...IDLE_SEEDS, phase: run.data.kind === 'fashion' ? 'loading' : 'running', seeds, steps, total: seeds.length * steps });
    },
    pause: job.pause,
    resume: job.resume,
    cancel,
    dispose() {
      unsubscribe();
      job.close();
      store.setState(IDLE_SEEDS);
    },
  };
}

const page = onePerPage((factory: SeedsTransportFactory) => createSeedsControl(appStore, seedsStore, factory), seedsWorkerTransport);

/** The page's one seeds control, created on first use. */
export const seedsControl = page.get;

/** For tests: which transport the page's control uses; disposes the current one. */
export const resetSeedsControl = page.reset;
