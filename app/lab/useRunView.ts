import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { type RunState, runStore } from './runStore';

/**
 * `compute(run state)`, recomputed when the run's data change (the controller batches them a few
 * times a second), at most once per `ms`. Each view renders alone — flushSync in its own timer
 * task — so redrawing seven charts is seven short tasks, never one long one, and they all land in
 * the same frame. `compute` must be stable (wrap it in useCallback); a new one recomputes at once.
 */
export function useRunView<T>(compute: (s: RunState) => T, ms = 0): T {
  const [view, setView] = useState(() => ({ compute, value: compute(runStore.getState()) }));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const update = (): void => {
      timer = undefined;
      last = performance.now();
      const value = compute(runStore.getState());
      flushSync(() => setView({ compute, value }));
    };
    const unsubscribe = runStore.subscribe((s, prev) => {
      if (s.version === prev.version && s.series === prev.series && s.boundary === prev.boundary && s.sweep === prev.sweep && s.ghost === prev.ghost) return;
      timer ??= setTimeout(update, Math.max(0, last + ms - performance.now()));
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
