import type { StateCreator } from 'zustand/vanilla';
import type { State } from '../store';

/** The shared mini-batch of sections 2–9: one neuron's pre-activations over m samples. */
export interface BatchSlice {
  /** Seed of the engine's generator that draws the batch. */
  seed: number;
  /** Batch size m. */
  m: number;
  /** Added to every draw (moves μ). */
  shift: number;
  /** Multiplies every draw (moves σ). */
  scale: number;
  /**
   * A large constant added to the batch in section 5's demo of why σ² is computed in two passes
   * (E[z²] − μ² cancels catastrophically far from 0). Does not move the batch of the other sections.
   */
  offset: number;
  /** Points the reader dragged: sample index → value, replacing the drawn value. */
  overrides: Readonly<Record<number, number>>;
  setBatch: (patch: Partial<Pick<BatchSlice, 'seed' | 'm' | 'shift' | 'scale' | 'offset'>>) => void;
  /** Sets (or, with null, clears) a dragged point. */
  setPoint: (index: number, value: number | null) => void;
  clearPoints: () => void;
}

export const batchSlice: StateCreator<State, [], [], BatchSlice> = (set) => ({
  seed: 1,
  m: 8,
  shift: 2,
  scale: 1.5,
  offset: 1e4,
  overrides: {},
  setBatch: (patch) => set(patch),
  setPoint: (index, value) =>
    set((s) => {
      const overrides = { ...s.overrides };
      if (value === null) delete overrides[index];
      else overrides[index] = value;
      return { overrides };
    }),
  clearPoints: () => set({ overrides: {} }),
});
