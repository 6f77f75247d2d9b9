import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

/** The exercises' seed (app/exercises/): which entry, sample or neuron each exercise asks about. */
export interface ExerciseData {
  /**
   * Picks what each section's exercises ask (an entry of the batch, a neuron); the numbers they ask
   * for come from the batch on screen. "New batch" sets it and the batch's seed to the same fresh value,
   * so a link with both gives a class the same exercises.
   */
  exSeed: number;
}

export interface ExerciseSlice extends ExerciseData {
  setExercise: (patch: Partial<ExerciseData>) => void;
}

/** Its prop (see ../props.ts): `ex` in the address. */
export const EXERCISE_PROPS = {
  exSeed: { kind: 'number', param: 'ex', default: 1, min: 0, max: 2 ** 32 - 1, integer: true, coalesce: false, label: 'Exercise seed' },
} as const satisfies PropsTable<ExerciseData>;

export const exerciseSlice: StateCreator<ExerciseSlice> = (set) => ({
  ...defaultsOf<ExerciseData>(EXERCISE_PROPS),
  setExercise: (patch) => set(patch),
});
