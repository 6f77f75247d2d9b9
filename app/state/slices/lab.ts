import type { StateCreator } from 'zustand/vanilla';
import { ACTIVATIONS, DEFAULT_NOISE, INITS, OPTIMIZERS, type ActivationName, type Dataset2DName, type InitName, type OptimizerName } from '../../../src';
import { defaultsOf, type PropsTable } from '../props';

export type LabDataset = Dataset2DName | 'fashion';
export const LAB_DATASETS: readonly LabDataset[] = ['spiral', 'circles', 'gaussians', 'xor', 'moons', 'fashion'];

/**
 * The training lab's controls (section 13). Every key starts with `lab` because the store is flat and
 * other sections own `seed`, `m`, `placement`… The run itself (metrics, status) is not here: it
 * lives in the lab's own run store, outside the URL.
 */
export interface LabData {
  labDataset: LabDataset;
  /** Coordinate noise of a 2-D set (unused for Fashion-MNIST). */
  labNoise: number;
  /** Hidden layers, and units in each. */
  labDepth: number;
  labWidth: number;
  labActivation: ActivationName;
  labOptimizer: OptimizerName;
  labLr: number;
  /** PyTorch's weight_decay λ; 0 = the optimizer's own default (0, or 0.01 for AdamW: AdamW at 0 is Adam). */
  labWd: number;
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
}

export interface LabSlice extends LabData {
  setLab: (patch: Partial<LabData>) => void;
  /** Changes the dataset and puts its noise back to the dataset's own default. */
  setLabDataset: (dataset: LabDataset) => void;
}

const DEPTH_MAX = 6;

/**
 * The lab's props (see ../props.ts), all named lab-… in the URL. The URL clamps to the ranges the
 * controls offer (the width, batch and learning-rate sliders step through app/lab/model/labScales.ts).
 */
export const LAB_PROPS = {
  labDataset: { kind: 'enum', param: 'lab-data', default: 'spiral', values: LAB_DATASETS },
  labNoise: { kind: 'number', param: 'lab-noise', default: DEFAULT_NOISE.spiral, min: 0, max: 1, step: 0.01, label: 'Noise' },
  labDepth: { kind: 'number', param: 'lab-depth', default: 3, min: 0, max: DEPTH_MAX, integer: true, step: 1, label: 'Hidden layers' },
  labWidth: { kind: 'number', param: 'lab-width', default: 16, min: 2, max: 128, integer: true },
  labActivation: { kind: 'enum', param: 'lab-act', default: 'sigmoid', values: ACTIVATIONS },
  labOptimizer: { kind: 'enum', param: 'lab-opt', default: 'sgd', values: OPTIMIZERS },
  labLr: { kind: 'number', param: 'lab-lr', default: 1, min: 1e-4, max: 10 },
  labWd: { kind: 'number', param: 'lab-wd', default: 0, min: 0, max: 0.1, label: 'Weight decay λ' },
  labBatch: { kind: 'number', param: 'lab-batch', default: 32, min: 2, max: 256, integer: true },
  labBn: { kind: 'enum', param: 'lab-bn', default: 'before', values: ['before', 'after'] },
  labOutputBn: { kind: 'boolean', param: 'lab-out-bn', default: false },
  labInit: { kind: 'enum', param: 'lab-init', default: 'xavier', values: INITS },
  labSeed: { kind: 'number', param: 'lab-seed', default: 1, min: 0, max: 999_999, integer: true, step: 1, label: 'Seed' },
  labSpeed: { kind: 'number', param: 'lab-speed', default: 100, min: 0, max: 1000, integer: true },
  labLayer: { kind: 'number', param: 'lab-layer', default: 0, min: 0, max: DEPTH_MAX, integer: true },
} as const satisfies PropsTable<LabData>;

/**
 * The lab's settings at their defaults (its presets start from these): three sigmoid layers at
 * learning rate 1, a setup where BN's effect shows within seconds (app/lab/model/presets.ts).
 */
export const LAB_DEFAULTS: LabData = defaultsOf<LabData>(LAB_PROPS);

export const labSlice: StateCreator<LabSlice> = (set) => ({
  ...LAB_DEFAULTS,
  setLab: (patch) => set(patch),
  setLabDataset: (dataset) => set(dataset === 'fashion' ? { labDataset: dataset } : { labDataset: dataset, labNoise: DEFAULT_NOISE[dataset] }),
});
