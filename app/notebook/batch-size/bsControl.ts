import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { fashionUrl, loadFashionCached } from '../../lab/loadFashion';
import { type Transport, workerAsTransport } from '../../lab/transport';
import { driveSession } from '../../lab/worker/driver';
import { appStore, type State } from '../../state/store';
import { loadSaved, storeSaved } from './bsSaved';
import { type BsJob, type BsPoints, type BsSettings, bsJobs, bsSettingsOf } from './bsView';
import { type BsEvent, type BsRequest, createBsSession } from './worker/bsSession';

export interface BsState {
  /** idle: not started for these settings; done: every point is there. */
  readonly phase: 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';
  /** Every point known on this page, for any settings (read from storage, or trained here). */
  readonly points: BsPoints;
  /** Keys of the points read from storage when the page opened (not trained on this visit). */
  readonly restored: ReadonlySet<string>;
  /** Steps trained and in all, over the points this sweep trains (not those already there). */
  readonly completed: number;
  readonly total: number;
  readonly current: BsJob | null;
  readonly error: string | null;
  /** Why stored points were ignored, or storage refused: in words. */
  readonly notice: string | null;
}

function initial(): BsState {
  const saved = loadSaved();
  return { phase: 'idle', points: saved.points, restored: new Set(Object.keys(saved.points)), completed: 0, total: 0, current: null, error: null, notice: saved.notice };
}

export const bsStore = createStore<BsState>()(initial);
export const useBs = <T,>(select: (s: BsState) => T): T => useStore(bsStore, select);

type BsTransport = Transport<BsRequest>;
export type BsTransportFactory = (onEvent: (e: BsEvent) => void, onFailure: (message: string) => void) => BsTransport;

/** A module Worker running worker/bs.worker.ts. */
export const bsWorkerTransport: BsTransportFactory = (onEvent, onFailure) =>
  workerAsTransport(new Worker(new URL('./worker/bs.worker.ts', import.meta.url), { type: 'module', name: 'batch-size' }), 'batch-size worker', onEvent, onFailure);

/** The same session on this thread (jsdom tests). */
export const bsInPageTransport: BsTransportFactory = (onEvent) => {
  let open = true;
  const driver = driveSession<BsRequest>(createBsSession({ post: (e) => open && onEvent(e), loadFashion: (url) => loadFashionCached({ url }), now: () => performance.now() }));
  return { send: (r) => void driver.send(r), close: () => ((open = false), driver.stop()) };
};

export interface BsControl {
  /** Trains the points of the current settings that are not there yet. */
  run(): void;
  pause(): void;
  resume(): void;
  /** Stops, and forgets the current settings' points (here and in storage). */
  reset(): void;
  dispose(): void;
}

const sameSettings = (a: BsSettings, b: BsSettings) => JSON.stringify(a) === JSON.stringify(b);
const complete = (s: BsSettings, points: BsPoints) => bsJobs(s).every((j) => points[j.key]);

/**
 * The page's side of the batch-size sweep: its own Worker (started on first use), one sweep at a
 * time. A changed setting stops the sweep and shows the new settings' points; if it was running, it
 * goes on with the new settings' missing points. Finished points are kept in storage (bsSaved.ts).
 */
export function createBsControl(app: StoreApi<State> = appStore, store: StoreApi<BsState> = bsStore, factory: BsTransportFactory = bsWorkerTransport, dataUrl: () => string = () => fashionUrl()): BsControl {
  let id = 0;
  let transport: BsTransport | null = null;
  let settings = bsSettingsOf(app.getState());
  const set = (patch: Partial<BsState>) => store.setState(patch);
  const busy = () => ['loading', 'running', 'paused'].includes(store.getState().phase);

  const onEvent = (e: BsEvent): void => {
    if (e.id !== id) return;
    if (e.type === 'loading') set({ phase: 'loading' });
    else if (e.type === 'error') set({ phase: 'error', error: e.message });
    else if (e.type === 'point') {
      const points = { ...store.getState().points, [e.key]: e.point };
      const notice = storeSaved(points);
      set(notice ? { points, notice } : { points });
    } else {
      const phase = e.done ? 'done' : store.getState().phase === 'paused' ? 'paused' : 'running';
      set({ phase, completed: e.completed, total: e.total, current: e.current });
    }
  };
  const onFailure = (message: string): void => set({ phase: 'error', error: message });
  const send = (r: BsRequest): void => {
    transport ??= factory(onEvent, onFailure);
    transport.send(r);
  };
  function stop(): void {
    if (busy()) send({ type: 'cancel', id });
    id += 1;
  }
  function run(): void {
    stop();
    const jobs = bsJobs(settings).filter((j) => !store.getState().points[j.key]);
    if (jobs.length === 0) return set({ phase: 'done', completed: 0, total: 0, current: null, error: null });
    set({ phase: 'loading', completed: 0, total: 0, current: jobs[0], error: null });
    send({ type: 'start', id, dataUrl: dataUrl(), settings, jobs });
  }
  const unsubscribe = app.subscribe((state) => {
    const next = bsSettingsOf(state);
    if (sameSettings(settings, next)) return;
    const wasBusy = busy() && store.getState().phase !== 'paused';
    stop();
    settings = next;
    if (wasBusy) run();
    else set({ phase: complete(settings, store.getState().points) ? 'done' : 'idle', completed: 0, total: 0, current: null, error: null });
  });
  // Settings whose points are all stored already open as done.
  if (complete(settings, store.getState().points) && bsJobs(settings).length > 0) set({ phase: 'done' });
  return {
    run,
    pause() {
      if (store.getState().phase !== 'running' && store.getState().phase !== 'loading') return;
      set({ phase: 'paused' });
      send({ type: 'pause', id });
    },
    resume() {
      if (store.getState().phase !== 'paused') return;
      set({ phase: 'running' });
      send({ type: 'resume', id });
    },
    reset() {
      stop();
      const keys = new Set(bsJobs(settings).map((j) => j.key));
      const points = Object.fromEntries(Object.entries(store.getState().points).filter(([k]) => !keys.has(k)));
      // Forgotten points are no longer 'read from storage': trained again after Reset, they are this visit's.
      const restored = new Set([...store.getState().restored].filter((k) => !keys.has(k)));
      const notice = storeSaved(points);
      set({ phase: 'idle', points, restored, completed: 0, total: 0, current: null, error: null, ...(notice ? { notice } : {}) });
    },
    dispose() {
      stop();
      unsubscribe();
      transport?.close();
      transport = null;
    },
  };
}

let instance: BsControl | null = null;
let defaultFactory: BsTransportFactory = bsWorkerTransport;

/** The page's one batch-size control, created on first use. */
export function bsControl(): BsControl {
  instance ??= createBsControl(appStore, bsStore, defaultFactory);
  return instance;
}

/** For tests: which transport the page's control uses; disposes the current one and reads storage again. */
export function resetBsControl(factory: BsTransportFactory = bsWorkerTransport): void {
  instance?.dispose();
  instance = null;
  defaultFactory = factory;
  bsStore.setState(initial());
}
