/**
 * Calls `run` in a task after the browser's next frame (a requestAnimationFrame, then a task): by then the page has been
 * styled, laid out and painted, and input between has been handled. Where frames stop (a hidden tab), `framelessMs`
 * later anyway, if given; without requestAnimationFrame (Node), `framelessMs` (or 0) later. Returns what cancels it.
 */
export function afterFrame(run: () => void, framelessMs?: number): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const t = setTimeout(run, framelessMs ?? 0);
    return () => clearTimeout(t);
  }
  let task: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    clearTimeout(task);
    task = setTimeout(run, 0);
  });
  if (framelessMs !== undefined) {
    task = setTimeout(() => {
      cancelAnimationFrame(frame);
      run();
    }, framelessMs);
  }
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}
