import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
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

export type { State } from './state';

/** A fresh store: every slice at its props' defaults (see ./props.ts). */
export function createAppStore() {
  return createStore<State>()((...a) => ({ ...batchSlice(...a), ...bnSlice(...a), ...navSlice(...a), ...labSlice(...a), ...labStepSlice(...a), ...deckSlice(...a), ...beyondSlice(...a), ...imagesSlice(...a), ...exerciseSlice(...a), ...familySlice(...a), ...batchSizeSlice(...a) }));
}

/** The app's one store. */
export const appStore = createAppStore();

/** One selector per value (Zustand's advice); use `useShallow` for derived objects. */
export function useAppState<T>(selector: (s: State) => T): T {
  return useStore(appStore, selector);
}
