import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type RunState, runStore } from './runStore';

/** How often each chart redraws while training: a few frames per second keeps the main thread free. */
export const REDRAW_MS = 300;
/** Each view redraws in its own slot of the period, so no two charts share one main-thread task. */
const SLOT_MS = 41;
let views = 0;

/**
 * `compute(run state)`, recomputed when the run's data change, at most once per REDRAW_MS. Every
 * view (chart) gets its own phase in that period and renders alone (flushSync in its own timer), so
 * redrawing seven charts is seven short tasks, never one long one. `compute` must be stable (wrap
 * it in useCallback); a new one recomputes at once.
 */
export function useRunView<T>(compute: (s: RunState) => T, ms = REDRAW_MS): T {
  const [view, setView] = useState(() => ({ compute, value: compute(runStore.getState()) }));
  const phase = useRef(-1);
  useEffect(() => {
    if (phase.current < 0) phase.current = (views++ * SLOT_MS) % ms;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (): void => {
      timer = undefined;
      const value = compute(runStore.getState());
      flushSync(() => setView({ compute, value }));
    };
    const unsubscribe = runStore.subscribe((s, prev) => {
      if (s.version === prev.version && s.series === prev.series && s.boundary === prev.boundary && s.sweep === prev.sweep) return;
      if (timer !== undefined) return;
      // The next moment of this view's slot: now rounded up to phase + k·ms.
      const now = performance.now();
      const wait = (((phase.current - now) % ms) + ms) % ms;
      timer = setTimeout(update, wait);
    });
    // Catch up with anything that changed before this subscription (and with a new `compute`).
    timer = setTimeout(update, 0);
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [compute, ms]);
  return view.compute === compute ? view.value : compute(runStore.getState());
}
