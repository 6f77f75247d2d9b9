import type { ChunkedTask } from '../shared/chunkedTask';

/** Shortest time between two views sent while the run trains (drawing costs more than computing). */
const PUBLISH_MS = 150;
/** A slice of training between two turns of the event loop (a new depth can cancel the run between slices). */
const SLICE_MS = 40;

/**
 * Runs `task` to its end in slices, calling `publish` after the first slice, then at most every PUBLISH_MS,
 * and at the end; returns a function that stops it. Used by section 1's Worker (covariate.worker.ts).
 */
export function runCovariate<T>(task: ChunkedTask<T>, publish: (view: T, done: boolean) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown = -Infinity;
  const slice = () => {
    const t0 = performance.now();
    let done = false;
    do done = task.step();
    while (!done && performance.now() - t0 < SLICE_MS);
    if (done || performance.now() - shown >= PUBLISH_MS) {
      shown = performance.now();
      publish(task.view(), done);
    }
    if (!done) timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => clearTimeout(timer);
}
