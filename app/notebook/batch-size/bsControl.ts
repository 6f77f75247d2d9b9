import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { fashionUrl } from '../../lab/loadFashion';
import { threadDeps } from '../../lab/worker/threadDeps';
import { appStore, type State } from '../../state/store';
import { type JobState, createJobControl } from '../../worker/jobControl';
import { onePerPage } from '../../worker/onePerPage';
import { type TransportFactory, inPage, inWorker } from '../../worker/transport';
import { loadSaved, storeSaved } from './bsSaved';
import { type BsJob, type BsPoints, type BsSettings, bsJobs, bsSettingsOf } from './bsView';
import { type BsEvent, type BsPointEvent, type BsProgress, type BsRequest, type BsStart, createBsSession } from './worker/bsSession';

/** phase idle: not started for these settings; done: every point is there. */
export interface BsState extends JobState {
  /** Every point known on this page, for any settings (read from storage, or trained here). */
  readonly points: BsPoints;
  /** Keys of the points read from storage when the page opened (not trained on this visit). */
  readonly restored: ReadonlySet<string>;
  /** Steps trained and in all, over the points this sweep trains (not those already there). */
  readonly completed: number;
  readonly total: number;
  readonly current: BsJob | null;
  /** Why stored points were ignored, or storage refused: in words. */
  readonly notice: string | null;
}

function initial(): BsState {
  const saved = loadSaved();
  return { phase: 'idle', points: saved.points, restored: new Set(Object.keys(saved.points)), completed: 0, total: 0, current: null, error: null, notice: saved.notice };
}

export const bsStore = createStore<BsState>()(initial);
export const useBs = <T,>(select: (s: BsState) => T): T => useStore(bsStore, select);

export type BsTransportFactory = TransportFactory<BsRequest, BsEvent>;

/** A module Worker running worker/bs.worker.ts. */
export const bsWorkerTransport: BsTransportFactory = inWorker(() => new Worker(new URL('./worker/bs.worker.ts', import.meta.url), { type: 'module', name: 'batch-size' }), 'batch-size worker');

/** The same session on this thread (jsdom tests). */
export const bsInPageTransport: BsTransportFactory = inPage((post) => createBsSession({ post, ...threadDeps }));

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
 * The page's side of the batch-size sweep (app/worker/jobControl.ts): its own Worker (started on
 * first use), one sweep at a time. A changed setting stops the sweep and shows the new settings'
 * points; if it was running, it goes on with the new settings' missing points. Finished points are
 * kept in storage (bsSaved.ts).
 */
export function createBsControl(app: StoreApi<State> = appStore, store: StoreApi<BsState> = bsStore, factory: BsTransportFactory = bsWorkerTransport, dataUrl: () => string = () => fashionUrl()): BsControl {
  let settings = bsSettingsOf(app.getState());
  const set = (patch: Partial<BsState>) => store.setState(patch);
  const job = createJobControl<BsStart, BsProgress, BsPointEvent, BsState>(store, factory, (e) => {
    const points = { ...store.getState().points, [e.key]: e.point };
    const notice = storeSaved(points);
    set(notice ? { points, notice } : { points });
  });

  function run(): void {
    const jobs = bsJobs(settings).filter((j) => !store.getState().points[j.key]);
    if (jobs.length > 0) return job.start({ dataUrl: dataUrl(), settings, jobs }, { phase: 'loading', completed: 0, total: 0, current: jobs[0], error: null });
    job.stop();
    set({ phase: 'done', completed: 0, total: 0, current: null, error: null });
  }
  const unsubscribe = app.subscribe((state) => {
    const next = bsSettingsOf(state);
    if (sameSettings(settings, next)) return;
    const wasBusy = job.busy() && store.getState().phase !== 'paused';
    job.stop();
    settings = next;
    if (wasBusy) run();
    else set({ phase: complete(settings, store.getState().points) ? 'done' : 'idle', completed: 0, total: 0, current: null, error: null });
  });
  // Settings whose points are all stored already open as done.
  if (complete(settings, store.getState().points) && bsJobs(settings).length > 0) set({ phase: 'done' });
  return {
    run,
    pause: job.pause,
    resume: job.resume,
    reset() {
      job.stop();
      const keys = new Set(bsJobs(settings).map((j) => j.key));
      const points = Object.fromEntries(Object.entries(store.getState().points).filter(([k]) => !keys.has(k)));
      // Forgotten points are no longer 'read from storage': trained again after Reset, they are this visit's.
      const restored = new Set([...store.getState().restored].filter((k) => !keys.has(k)));
      const notice = storeSaved(points);
      set({ phase: 'idle', points, restored, completed: 0, total: 0, current: null, error: null, ...(notice ? { notice } : {}) });
    },
    dispose() {
      unsubscribe();
      job.close();
    },
  };
}

const page = onePerPage((factory: BsTransportFactory) => createBsControl(appStore, bsStore, factory), bsWorkerTransport);

/** The page's one batch-size control, created on first use. */
export const bsControl = page.get;

/** For tests: which transport the page's control uses; disposes the current one and reads storage again. */
export function resetBsControl(factory: BsTransportFactory = bsWorkerTransport): void {
  page.reset(factory);
  bsStore.setState(initial());
}
