import type { StateCreator } from 'zustand/vanilla';
import type { State } from '../store';

/** Where the reader is: the section, the equation step in sections 11–12, presentation mode. */
export interface NavSlice {
  /** Id of the current section (see sections/registry.ts). */
  section: string;
  /** Step of the forward pass walk-through (section 11), 0-based. */
  forwardStep: number;
  /** Step of the backward pass walk-through (section 12), 0-based. */
  backwardStep: number;
  /** Presentation mode on/off, and its step (0-based over all steps). */
  presenting: boolean;
  step: number;
  setNav: (patch: Partial<Pick<NavSlice, 'section' | 'forwardStep' | 'backwardStep' | 'presenting' | 'step'>>) => void;
}

export const navSlice: StateCreator<State, [], [], NavSlice> = (set) => ({
  section: 'why',
  forwardStep: 0,
  backwardStep: 0,
  presenting: false,
  step: 0,
  setNav: (patch) => set(patch),
});
