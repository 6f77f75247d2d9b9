import type { StateCreator } from 'zustand/vanilla';
import { defaultsOf, type PropsTable } from '../props';

/**
 * Where the training lab's run is: the step it has reached (section 13). Not a setting of the run but
 * its position, so a reload or an opened link continues there (the Worker replays the run, which is
 * deterministic, to that step). Kept apart from the lab's settings (slices/lab.ts): a new step never
 * starts a new run. The lab's controller writes it (while playing, about once a second), and only
 * into the current history entry: the step counter never makes an entry of its own.
 */
export interface LabStepData {
  labStep: number;
}

export type LabStepSlice = LabStepData;

/** The largest step a link may ask for: the longest run's limit (2-D data; Fashion-MNIST stops earlier, see app/lab/model/labSettings.ts). */
export const LAB_STEP_MAX = 30_000;

export const LAB_STEP_PROPS = {
  labStep: { kind: 'number', param: 'lab-step', default: 0, min: 0, max: LAB_STEP_MAX, integer: true, history: 'replace' },
} as const satisfies PropsTable<LabStepData>;

export const labStepSlice: StateCreator<LabStepSlice> = () => defaultsOf<LabStepData>(LAB_STEP_PROPS);
