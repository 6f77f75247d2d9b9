import { useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import { batchSlice } from './slices/batch';
import { bnSlice } from './slices/bn';
import { navSlice } from './slices/nav';
import { labSlice } from './slices/lab';
import { labStepSlice } from './slices/labStep';
import { deckSlice } from './slices/deck';
import { beyondSlice } from './slices/beyond';
import { imagesSlice } from './slices/images';
import { exerciseSlice } from './slices/exercise';
import { familySlice } from './slices/family';
import { batchSizeSlice } from './slices/batchSize';
import type { State } from './state';
import { ViewportGateContext } from './viewportGate';

export type { State } from './state';

/** A fresh store: every slice at its props' defaults (see ./props.ts). */
export function createAppStore() {
  return createStore<State>()((...a) => ({ ...batchSlice(...a), ...bnSlice(...a), ...navSlice(...a), ...labSlice(...a), ...labStepSlice(...a), ...deckSlice(...a), ...beyondSlice(...a), ...imagesSlice(...a), ...exerciseSlice(...a), ...familySlice(...a), ...batchSizeSlice(...a) }));
}

/** The app's one store. */
export const appStore = createAppStore();

/**
 * One selector per value (Zustand's advice); use `useShallow` for derived objects. Inside a part of the
 * page far from the viewport (a section screens away, see ./viewportGate.ts) the value waits until the
 * controls are still, or the part comes near: a drag in section 2 does not re-render section 10 on every move.
 */
export function useAppState<T>(selector: (s: State) => T): T {
  const gate = useContext(ViewportGateContext);
  const last = useRef<{ value: T; epoch: number } | null>(null);
  const subscribe = useCallback(
    (changed: () => void) => {
      const offStore = appStore.subscribe(() => (gate.near() ? changed() : gate.changed()));
      const offGate = gate.subscribe(changed);
      return () => {
        offStore();
        offGate();
      };
    },
    [gate],
  );
  const snapshot = () => {
    const kept = last.current;
    if (kept !== null && !gate.near() && kept.epoch === gate.epoch()) return kept.value;
    const value = selector(appStore.getState());
    last.current = { value, epoch: gate.epoch() };
    return value;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
