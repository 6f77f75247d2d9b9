import { type DependencyList, useEffect, useState } from 'react';
import type { ChunkedTask } from './chunkedTask';

/** Shortest time between two redraws of a running task. */
const PUBLISH_MS = 150;

export interface ChunkedState<T> {
  readonly view: T | null;
  readonly done: boolean;
}

/**
 * Runs a task created by `create` (at once, or when its promise settles: code loaded on demand) in slices of about `budgetMs` between frames (setTimeout), so the
 * page stays responsive (and redraws at most every 150 ms); starts once `start` is true (e.g. the section is near the viewport) and
 * restarts when `deps` change. The view updates after each slice.
 */
export function useChunkedTask<T>(create: () => ChunkedTask<T> | Promise<ChunkedTask<T>>, deps: DependencyList, start = true, budgetMs = 20): ChunkedState<T> {
  const [state, setState] = useState<ChunkedState<T>>({ view: null, done: false });
  useEffect(() => {
    if (!start) return;
    let task: ChunkedTask<T>;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    let shown = -Infinity;
    const slice = () => {
      const t0 = performance.now();
      let done = false;
      do done = task.step();
      while (!done && performance.now() - t0 < budgetMs);
      if (cancelled) return;
      // Redraw after the first slice, then at most every PUBLISH_MS, and at the end: drawing costs more than computing.
      if (done || performance.now() - shown >= PUBLISH_MS) {
        shown = performance.now();
        setState({ view: task.view(), done });
      }
      if (!done) timer = setTimeout(slice, 0);
    };
    const begin = (made: ChunkedTask<T>) => {
      if (cancelled) return;
      task = made;
      timer = setTimeout(slice, 0);
    };
    const made = create();
    if (made instanceof Promise) void made.then(begin);
    else begin(made);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [start, budgetMs, ...deps]);
  return state;
}
