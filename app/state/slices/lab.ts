import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_NOISE, type ActivationName, type Dataset2DName, type InitName, type OptimizerName } from '../../../src';
import type { State } from '../store';

export type LabDataset = Dataset2DName | 'fashion';
export const LAB_DATASETS: readonly LabDataset[] = ['spiral', 'circles', 'gaussians', 'xor', 'moons', 'fashion'];

/**
 * The training lab's controls (section 13). Every key starts with `lab` because the store is flat and
 * other sections own `seed`, `m`, `placement`… The run itself (metrics, status) is not here: it
 * lives in the lab's own run store, outside the URL.
 */
export interface LabSlice {
  labDataset: LabDataset;
  /** Coordinate noise of a 2-D set (unused for Fashion-MNIST). */
  labNoise: number;
  /** Hidden layers, and units in each. */
  labDepth: number;
  labWidth: number;
  labActivation: ActivationName;
  labOptimizer: OptimizerName;
  labLr: number;
  labBatch: number;
  /** Where the BN network normalizes: before or after each activation; and whether the logits too. */
  labBn: 'before' | 'after';
  labOutputBn: boolean;
  labInit: InitName;
  labSeed: number;
  /** Steps per second while playing; 0 = as fast as the machine goes. */
  labSpeed: number;
  /** Hidden layer whose probed unit is charted (1-based); 0 = the last one. */
  labLayer: number;
  setLab: (patch: Partial<Omit<LabSlice, 'setLab' | 'setLabDataset'>>) => void;
  /** Changes the dataset and puts its noise back to the dataset's own default. */
  setLabDataset: (dataset: LabDataset) => void;
}

export const LAB_DEFAULTS = {
  labDataset: 'spiral',
  labNoise: DEFAULT_NOISE.spiral,
  labDepth: 2,
  labWidth: 16,
  labActivation: 'relu',
  labOptimizer: 'sgd',
  labLr: 0.1,
  labBatch: 32,
  labBn: 'before',
  labOutputBn: false,
  labInit: 'he',
  labSeed: 1,
  labSpeed: 100,
  labLayer: 0,
} as const satisfies Partial<LabSlice>;

export const labSlice: StateCreator<State, [], [], LabSlice> = (set) => ({
  ...LAB_DEFAULTS,
  setLab: (patch) => set(patch),
  setLabDataset: (dataset) => set(dataset === 'fashion' ? { labDataset: dataset } : { labDataset: dataset, labNoise: DEFAULT_NOISE[dataset] }),
});
