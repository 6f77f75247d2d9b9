import { DEFAULT_EPS, DEFAULT_MOMENTUM } from './batchnorm';

/**
 * The engine's named choices and default values that the notebook's settings offer (lists of names, default
 * numbers), in a module without the code that uses them: the page's state and URL codec read them, and the
 * training engine (train.ts, cnn.ts, …), which a first visit does not download, re-exports them from here.
 */
export type ActivationName = 'relu' | 'sigmoid' | 'tanh' | 'identity';
export type Dataset2DName = 'spiral' | 'circles' | 'gaussians' | 'xor' | 'moons';
export type NetworkKind = 'mlp' | 'cnn';
export type InitName = 'he' | 'xavier' | 'small';
export type NormKind = 'none' | 'bn' | 'layer' | 'group' | 'instance' | 'rms';
export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'adamw';

export const ACTIVATIONS: readonly ActivationName[] = ['relu', 'sigmoid', 'tanh', 'identity'];

export const INITS: readonly InitName[] = ['he', 'xavier', 'small'];

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam', 'adamw'];

export const NORM_KINDS: readonly NormKind[] = ['none', 'bn', 'layer', 'group', 'instance', 'rms'];

export const NETWORK_KINDS: readonly NetworkKind[] = ['mlp', 'cnn'];

/** Noise (std of the Gaussian added to each coordinate) that makes each set look like its name. */
export const DEFAULT_NOISE: Readonly<Record<Dataset2DName, number>> = {
  spiral: 0.05,
  circles: 0.08,
  gaussians: 0.5,
  xor: 0.05,
  moons: 0.1,
};

/** The with/without-BN comparison's networks. */
export const DEFAULT_NORMS: readonly [NormKind, NormKind] = ['none', 'bn'];

/** GroupNorm's default groups: 4 divides the lab's widths (16, 100) and the CNN's channels (8, 16). */
export const DEFAULT_GROUPS = 4;

export const CNN_DEFAULTS = {
  inChannels: 1,
  imageSize: 28,
  channels: [8, 16],
  kernel: 3,
  pool: 'max',
  classes: 10,
  bn: true,
  eps: DEFAULT_EPS,
  momentum: DEFAULT_MOMENTUM,
  init: 'he',
} as const;
