import type { StoreApi } from 'zustand/vanilla';
import type { RunState } from './runStore';

/** Metrics and boundaries reach the page's store at most this often (see `queue`). */
export const FLUSH_MS = 250;

/**
 * How the Worker's news reaches the run store. Frequent events (metrics, boundaries) are gathered and
 * shown together a few times a second: each store update repaints the page, and one repaint per
 * batch costs far less than one per message.
 */
export interface RunUpdates {
  /** Gathered with the rest, shown within FLUSH_MS. */
  queue(patch: Partial<RunState>): void;
  /** Shown now, after whatever was gathered (so the store never goes back in time). */
  now(patch: Partial<RunState>): void;
  /** Shows what was gathered. */
  flush(): void;
  /** The latest value of `key`: gathered, else shown. */
  latest<K extends keyof RunState>(key: K): RunState[K];
  /** Forgets the flush timer (the store is being reset). */
  dispose(): void;
}

export function createRunUpdates(run: StoreApi<RunState>): RunUpdates {
  let pending: Partial<RunState> | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    const patch = pending;
    pending = null;
    if (patch) run.setState(patch);
  };
  return {
    queue(patch) {
      pending = { ...pending, ...patch };
      flushTimer ??= setTimeout(flush, FLUSH_MS);
    },
    now(patch) {
      flush();
      run.setState(patch);
    },
    flush,
    latest: (key) => (pending && key in pending ? (pending[key] as RunState[typeof key]) : run.getState()[key]),
    dispose() {
      if (flushTimer !== undefined) clearTimeout(flushTimer);
    },
  };
}
