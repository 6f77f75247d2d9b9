import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

/** The shared mini-batch of sections 2–9: one neuron's pre-activations over m samples. */
export interface BatchData {
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
}

export interface BatchSlice extends BatchData {
  setBatch: (patch: Partial<Pick<BatchSlice, 'seed' | 'm' | 'shift' | 'scale' | 'offset'>>) => void;
  /** Sets (or, with null, clears) a dragged point. */
  setPoint: (index: number, value: number | null) => void;
  clearPoints: () => void;
}

/** Largest batch size m the notebook offers; also bounds the dragged points' indices. */
export const M_MAX = 64;

/** The mini-batch's props (see ../props.ts): the sliders offer the URL's whole range. */
export const BATCH_PROPS = {
  seed: { kind: 'number', default: 1, min: 0, max: 2 ** 32 - 1, integer: true, step: 1, label: 'Seed' },
  m: { kind: 'number', default: 8, min: 2, max: M_MAX, integer: true, step: 1, label: 'Batch size m' },
  shift: { kind: 'number', default: 2, min: -10, max: 10, step: 0.1, label: 'Shift' },
  scale: { kind: 'number', default: 1.5, min: 0, max: 5, step: 0.05, label: 'Scale' },
  // Section 5's offset: 1 … 10¹⁰ by decades, with 0 at the bottom.
  offset: {
    kind: 'number',
    default: 1e4,
    min: 0,
    max: 1e10,
    label: 'Offset added to every zᵢ',
    log: { minExp: 0, maxExp: 10, step: 1, zeroBelow: true },
  },
  // The range a dragged point may take (app/ui/points.ts, POINT_MIN/POINT_MAX).
  overrides: { kind: 'points', param: 'points', default: Object.freeze({}), maxIndex: M_MAX - 1, min: -50, max: 50 },
} as const satisfies PropsTable<BatchData>;

export const batchSlice: StateCreator<BatchSlice> = (set) => ({
  ...defaultsOf<BatchData>(BATCH_PROPS),
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
