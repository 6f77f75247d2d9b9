import type { StateCreator } from 'zustand/vanilla';
import type { ActivationName } from '../../../src/activations';
import { ACTIVATIONS, CNN_DEFAULTS, DEFAULT_GROUPS, DEFAULT_NOISE, DEFAULT_NORMS, INITS, NETWORK_KINDS, NORM_KINDS, OPTIMIZERS } from '../../../src/choices';
import type { Dataset2DName } from '../../../src/datasets';
import type { NetworkKind } from '../../../src/experiment';
import type { InitName } from '../../../src/init';
import type { NormKind } from '../../../src/norms';
import type { OptimizerName } from '../../../src/optim';
import { defaultsOf, type PropsTable } from '../props';

export type LabDataset = Dataset2DName | 'fashion';
export const LAB_DATASETS: readonly LabDataset[] = ['spiral', 'circles', 'gaussians', 'xor', 'moons', 'fashion'];

/** Output channels a CNN block may have, and the pairs (block 1, block 2) the URL accepts, written `8,16`. */
export const CNN_CHANNEL_CHOICES: readonly number[] = [2, 4, 8, 16, 32];
export const CNN_CHANNEL_PAIRS: readonly string[] = CNN_CHANNEL_CHOICES.flatMap((a) => CNN_CHANNEL_CHOICES.map((b) => `${a},${b}`));
/**
 * Kernel sides the CNN may have: on 28 × 28 images two blocks of k × k convolution and 2 × 2 pooling
 * fit up to k = 7 (28 → 22 → 11 → 5 → 2); k = 8 leaves block 2 a 1 × 1 output, too small to pool.
 */
export const CNN_KERNELS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7'];
/** The two networks' normalizations, written `none,bn` (the first, then the second): any two different ones. */
export const NORM_PAIRS: readonly string[] = NORM_KINDS.flatMap((a) => NORM_KINDS.filter((b) => b !== a).map((b) => `${a},${b}`));
/** The two normalizations, from the URL's `bn,group`. */
export const normsOf = (pair: string): [NormKind, NormKind] => {
  const [a, b] = pair.split(',') as NormKind[];
  return [a, b];
};
/** GroupNorm's groups the URL accepts (the lab trains them only where they divide every normalized width: app/lab/model/normChoice.ts). */
export const GROUPS_MAX = 32;

/** The channels of the two blocks, from the URL's `8,16`. */
export const channelsOf = (pair: string): [number, number] => {
  const [a, b] = pair.split(',').map(Number);
  return [a, b];
};

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
  /** Hidden layer whose probed unit is charted (1-based); 0 = the last one. For the CNN: the block. */
  labLayer: number;
  /** The networks compared: the MLP above, or the small CNN (Fashion-MNIST only: 2-D data trains the MLP, and the lab says why). */
  labModel: NetworkKind;
  /** The CNN's output channels of its two blocks (`8,16`) and its kernel side. */
  labChannels: string;
  labKernel: string;
  /** The two networks' normalizations (`none,bn`: without and with BN), and GroupNorm's groups when one is GroupNorm. */
  labNorms: string;
  labGroups: number;
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
  labModel: { kind: 'enum', param: 'lab-model', default: 'mlp', values: NETWORK_KINDS },
  labChannels: {
    kind: 'enum', param: 'lab-channels', default: CNN_DEFAULTS.channels.join(','), values: CNN_CHANNEL_PAIRS,
    noun: `two channel counts for the CNN's two blocks, each ${CNN_CHANNEL_CHOICES.join(', ')}, such as 8,16 (a convolution needs at least one output channel)`,
  },
  labKernel: {
    kind: 'enum', param: 'lab-kernel', default: String(CNN_DEFAULTS.kernel), values: CNN_KERNELS,
    noun: 'a kernel side from 1 to 7 (two blocks of a larger kernel and 2 × 2 pooling do not fit 28 × 28 images)',
  },
  labNorms: {
    kind: 'enum', param: 'lab-norms', default: DEFAULT_NORMS.join(','), values: NORM_PAIRS,
    noun: `two different normalizations from ${NORM_KINDS.join(', ')}, such as bn,group (the first network's, then the second's)`,
  },
  labGroups: { kind: 'number', param: 'lab-groups', default: DEFAULT_GROUPS, min: 1, max: GROUPS_MAX, integer: true },
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
