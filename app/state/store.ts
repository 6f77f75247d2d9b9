import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { batchSlice, type BatchSlice } from './slices/batch';
import { bnSlice, type BnSlice } from './slices/bn';
import { navSlice, type NavSlice } from './slices/nav';
import { labSlice, type LabSlice } from './slices/lab';

/** The app's state: one store, one typed slice per concern (the lab adds its own). */
export type State = BatchSlice & BnSlice & NavSlice & LabSlice;

export function createAppStore() {
  return createStore<State>()((...a) => ({ ...batchSlice(...a), ...bnSlice(...a), ...navSlice(...a), ...labSlice(...a) }));
}

/** The app's one store. */
export const appStore = createAppStore();

/** One selector per value (Zustand's advice); use `useShallow` for derived objects. */
export function useAppState<T>(selector: (s: State) => T): T {
  return useStore(appStore, selector);
}
