import { createStore, type StateCreator } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** The shared mini-batch of sections 2–9: one neuron's pre-activations over m samples. */
export interface BatchSlice {
  seed: number;
  m: number;
  shift: number;
  scale: number;
  setBatch: (patch: Partial<Pick<BatchSlice, 'seed' | 'm' | 'shift' | 'scale'>>) => void;
}

/** The batch-norm knobs of sections 6–9. */
export interface BnSlice {
  eps: number;
  gamma: number;
  beta: number;
  setBn: (patch: Partial<Pick<BnSlice, 'eps' | 'gamma' | 'beta'>>) => void;
}

/** Where the reader is. */
export interface NavSlice {
  section: string;
  setSection: (section: string) => void;
}

export type State = BatchSlice & BnSlice & NavSlice;

const batchSlice: StateCreator<State, [], [], BatchSlice> = (set) => ({
  seed: 1,
  m: 8,
  shift: 2,
  scale: 1.5,
  setBatch: (patch) => set(patch),
});

const bnSlice: StateCreator<State, [], [], BnSlice> = (set) => ({
  eps: 1e-5,
  gamma: 1,
  beta: 0,
  setBn: (patch) => set(patch),
});

const navSlice: StateCreator<State, [], [], NavSlice> = (set) => ({
  section: 'why',
  setSection: (section) => set({ section }),
});

export function createAppStore() {
  return createStore<State>()((...a) => ({ ...batchSlice(...a), ...bnSlice(...a), ...navSlice(...a) }));
}

/** The app's one store. Tests create their own with createAppStore(). */
export const appStore = createAppStore();

export function useAppState<T>(selector: (s: State) => T): T {
  return useStore(appStore, selector);
}
