import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { fashionUrl, loadFashionCached } from './loadFashion';
import { type Transport, workerAsTransport } from './transport';
import { type LabSettings, labRunSettings, labSettingsOf, sameRun } from './model/labSettings';
import { appStore, type State } from '../state/store';
import { driveSession } from './worker/driver';
import type { SeedCurve } from './worker/seedStudy';
import { studySeeds } from './worker/seedStudy';
import { type SeedsEvent, type SeedsRequest, createSeedsSession } from './worker/seedsSession';

/** Seeds in a study, and steps per seed (2-D: where the presets' claims are checked; Fashion: a minute or two). */
export const SEED_COUNT = 5;
export const SEED_STEPS = { '2d': 2000, fashion: 500 } as const;

export interface SeedsState {
  readonly phase: 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';
  readonly seeds: readonly number[];
  readonly steps: number;
  readonly completed: number;
  readonly total: number;
  readonly testRows: number;
  readonly classes: number;
  readonly curves: readonly SeedCurve[];
  readonly error: string | null;
}

export const IDLE_SEEDS: SeedsState = { phase: 'idle', seeds: [], steps: 0, completed: 0, total: 0, testRows: 0, classes: 0, curves: [], error: null };
export const seedsStore = createStore<SeedsState>()(() => IDLE_SEEDS);
export const useSeeds = <T,>(select: (s: SeedsState) => T): T => useStore(seedsStore, select);

type SeedsTransport = Transport<SeedsRequest>;
export type SeedsTransportFactory = (onEvent: (e: SeedsEvent) => void, onFailure: (message: string) => void) => SeedsTransport;

/** A module Worker running worker/seeds.worker.ts. */
export const seedsWorkerTransport: SeedsTransportFactory = (onEvent, onFailure) =>
  workerAsTransport(new Worker(new URL('./worker/seeds.worker.ts', import.meta.url), { type: 'module', name: 'lab-seeds' }), 'seeds worker', onEvent, onFailure);

/** The same session on this thread (jsdom tests). */
export const seedsInPageTransport: SeedsTransportFactory = (onEvent) => {
  let open = true;
  const driver = driveSession<SeedsRequest>(createSeedsSession({ post: (e) => open && onEvent(e), loadFashion: (url) => loadFashionCached({ url }), now: () => performance.now() }));
  return { send: (r) => void driver.send(r), close: () => ((open = false), driver.stop()) };
};

export interface SeedsControl {
  start(): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  dispose(): void;
}

/**
 * The page's side of the seed study: its own Worker (started on first use), one study at a time.
 * A setting that changes the run cancels the study: its bands belong to the settings it ran.
 */
export function createSeedsControl(app: StoreApi<State> = appStore, store: StoreApi<SeedsState> = seedsStore, factory: SeedsTransportFactory = seedsWorkerTransport, dataUrl: () => string = () => fashionUrl()): SeedsControl {
  let id = 0;
  let transport: SeedsTransport | null = null;
  let current: LabSettings = labSettingsOf(app.getState());
  const onEvent = (e: SeedsEvent): void => {
    if (e.id !== id) return;
    if (e.type === 'loading') store.setState({ phase: 'loading' });
    else if (e.type === 'error') store.setState({ phase: 'error', error: e.message });
    else {
      const phase = e.done ? 'done' : store.getState().phase === 'paused' ? 'paused' : 'running';
      store.setState({ phase, completed: e.completed, total: e.total, testRows: e.testRows, classes: e.classes, curves: e.curves });
    }
  };
  const onFailure = (message: string): void => store.setState({ phase: 'error', error: message });
  const send = (r: SeedsRequest): void => {
    transport ??= factory(onEvent, onFailure);
    transport.send(r);
  };
  function cancel(): void {
    if (store.getState().phase !== 'idle') send({ type: 'cancel', id });
    id += 1;
    store.setState(IDLE_SEEDS);
  }
  const unsubscribe = app.subscribe((state) => {
    const next = labSettingsOf(state);
    if (!sameRun(current, next)) cancel();
    current = next;
  });
  return {
    start() {
      cancel();
      const run = labRunSettings(current, dataUrl());
      const seeds = studySeeds(current.labSeed, SEED_COUNT), steps = SEED_STEPS[run.data.kind];
      store.setState({ ...IDLE_SEEDS, phase: run.data.kind === 'fashion' ? 'loading' : 'running', seeds, steps, total: seeds.length * steps });
      send({ type: 'start', id, run, seeds, steps });
    },
    pause() {
      store.setState({ phase: 'paused' });
      send({ type: 'pause', id });
    },
    resume() {
      store.setState({ phase: 'running' });
      send({ type: 'resume', id });
    },
    cancel,
    dispose() {
      unsubscribe();
      transport?.close();
      transport = null;
      store.setState(IDLE_SEEDS);
    },
  };
}

let instance: SeedsControl | null = null;
let defaultFactory: SeedsTransportFactory = seedsWorkerTransport;

/** The page's one seeds control, created on first use. */
export function seedsControl(): SeedsControl {
  instance ??= createSeedsControl(appStore, seedsStore, defaultFactory);
  return instance;
}

/** For tests: which transport the page's control uses; disposes the current one. */
export function resetSeedsControl(factory: SeedsTransportFactory = seedsWorkerTransport): void {
  instance?.dispose();
  instance = null;
  defaultFactory = factory;
}
