import type { ActivationName } from './activations';
import { type Dataset2DName, type Split, DATASETS_2D, DEFAULT_NOISE, makeDataset2D, splitDataset } from './datasets';
import { EngineError, checkFinite, checkInteger } from './errors';
import { type InitName, INITS } from './init';
import { type OptimizerName, OPTIMIZERS, checkWeightDecay } from './optim';
import { withDefaults } from './options';
import type { ComparisonOptions } from './comparisonConfig';
import { type NormKind, checkNormKind } from './norms';
import { type Comparison, createComparison } from './train';
import { NETWORK_KINDS, type NetworkKind } from './choices';

/**
 * The training lab's settings, flat and serializable (URL, Worker message, CLI flags), and the one
 * function that turns them into data and a comparison. The lab's Worker and `npm run train` both
 * go through `createExperiment`, so the same settings give the same numbers, bit for bit.
 */
export interface ExperimentSettings {
  readonly dataset: Dataset2DName;
  /** Samples generated before the split. */
  readonly samples: number;
  /** Coordinate noise; null = the dataset's DEFAULT_NOISE. */
  readonly noise: number | null;
  /** Classes (spiral only; the other sets have 2). */
  readonly classes: number;
  /** Fraction of samples held out as the test set (stratified). */
  readonly testFraction: number;
  /** Hidden layers and their common width. */
  readonly depth: number;
  readonly width: number;
  readonly activation: ActivationName;
  /** BN placement in the 'bn' variant, and whether it also normalizes the logits. */
  readonly bn: 'before' | 'after';
  readonly outputBn: boolean;
  readonly init: InitName;
  readonly optimizer: OptimizerName;
  readonly lr: number;
  /** PyTorch's weight_decay (≥ 0); null = the optimizer's default (0.01 for AdamW, else 0). */
  readonly weightDecay: number | null;
  readonly batch: number;
  /** One seed for data, split, weights, batch order and probe. */
  readonly seed: number;
  readonly logEvery: number;
  readonly evalEvery: number;
  /**
   * The networks compared: 'mlp' (absent means 'mlp'), or 'cnn', the small CNN of cnn.ts, which takes
   * 28 × 28 images only and is built by createCnnExperiment (cnnComparison.ts); depth, width,
   * activation and BN placement do not apply to it.
   */
  readonly model?: NetworkKind;
  /**
   * The two networks' normalizations ('plain' first, 'bn' second); absent: ['none', 'bn'], the
   * with/without-BN comparison. `bn` and `outputBn` say where it goes in the MLP.
   */
  readonly norms?: readonly [NormKind, NormKind];
  /** GroupNorm's groups (absent: 4). */
  readonly groups?: number;
  /** Probe quantiles every `probeEvery` steps, a multiple of logEvery (absent: every logged step). */
  readonly probeEvery?: number;
  /** The CNN's output channels per convolution block and its kernel side (cnn.ts's CNN_DEFAULTS when absent); unused by the MLP. */
  readonly channels?: readonly number[];
  readonly kernel?: number;
}

export type { NetworkKind };
export { NETWORK_KINDS };

export const EXPERIMENT_DEFAULTS: ExperimentSettings = {
  dataset: 'spiral',
  samples: 600,
  noise: null,
  classes: 3,
  testFraction: 0.25,
  depth: 2,
  width: 16,
  activation: 'relu',
  bn: 'before',
  outputBn: false,
  init: 'he',
  optimizer: 'sgd',
  lr: 0.1,
  weightDecay: null,
  batch: 32,
  seed: 1,
  logEvery: 10,
  evalEvery: 10,
};

/** Fills in defaults and checks each field. @throws EngineError naming the bad setting. */
export function resolveExperimentSettings(settings: Partial<ExperimentSettings>): ExperimentSettings {
  const s: ExperimentSettings = withDefaults(EXPERIMENT_DEFAULTS, settings);
  if (!DATASETS_2D.includes(s.dataset)) throw new EngineError('dataset', `unknown dataset "${String(s.dataset)}", expected one of ${DATASETS_2D.join(', ')}`);
  if (!OPTIMIZERS.includes(s.optimizer)) throw new EngineError('config', `unknown optimizer "${String(s.optimizer)}", expected one of ${OPTIMIZERS.join(', ')}`);
  if (!INITS.includes(s.init)) throw new EngineError('config', `unknown initialization "${String(s.init)}", expected one of ${INITS.join(', ')}`);
  checkInteger('samples', s.samples, 4);
  if (s.noise !== null) checkFinite('noise', s.noise, 0);
  checkInteger('classes', s.classes, 2);
  checkFinite('test fraction', s.testFraction, 0, 0.9);
  checkInteger('depth', s.depth, 0);
  checkInteger('width', s.width, 1);
  checkInteger('seed', s.seed, 0);
  if (s.weightDecay !== null) checkWeightDecay(s.weightDecay);
  if (s.model !== undefined && !NETWORK_KINDS.includes(s.model)) {
    throw new EngineError('config', `unknown model "${String(s.model)}", expected one of ${NETWORK_KINDS.join(', ')}`);
  }
  if (s.norms !== undefined) {
    if (!Array.isArray(s.norms) || s.norms.length !== 2) throw new EngineError('config', 'norms must name the two networks compared, e.g. ["none", "bn"]');
    s.norms.forEach((n, i) => checkNormKind(n, `norm of network ${i + 1}`));
  }
  if (s.groups !== undefined) checkInteger('groups', s.groups, 1);
  if (s.probeEvery !== undefined) checkInteger('probeEvery', s.probeEvery, 1);
  return s;
}

/** The data of an experiment: the 2-D set from `seed`, split with a stream derived from it. */
export function experimentData(settings: Partial<ExperimentSettings>): Split {
  const s = resolveExperimentSettings(settings);
  const data = makeDataset2D({
    name: s.dataset,
    n: s.samples,
    seed: s.seed,
    noise: s.noise ?? DEFAULT_NOISE[s.dataset],
    classes: s.dataset === 'spiral' ? s.classes : 2,
  });
  return splitDataset(data, s.testFraction, s.seed + 0x5eed);
}

/** The comparison options an experiment's settings stand for. */
export function experimentComparisonOptions(settings: Partial<ExperimentSettings>): ComparisonOptions {
  const s = resolveExperimentSettings(settings);
  return {
    hidden: Array.from({ length: s.depth }, () => s.width),
    activation: s.activation,
    init: s.init,
    bn: s.bn,
    outputBn: s.outputBn,
    optimizer: { name: s.optimizer, lr: s.lr, weightDecay: s.weightDecay ?? undefined },
    batchSize: s.batch,
    seed: s.seed,
    logEvery: s.logEvery,
    evalEvery: s.evalEvery,
    norms: s.norms,
    groups: s.groups,
    probeEvery: s.probeEvery,
  };
}

export interface Experiment {
  readonly settings: ExperimentSettings;
  readonly data: Split;
  readonly comparison: Comparison;
}

/**
 * Data + comparison for `settings`, at step 0. Pass `data` to train on another labelled set (e.g.
 * the Fashion-MNIST subset); the dataset fields of the settings are then ignored.
 */
export function createExperiment(settings: Partial<ExperimentSettings>, data?: Split): Experiment {
  const s = resolveExperimentSettings(settings);
  if (s.model === 'cnn') throw new EngineError('config', 'a CNN comparison is built by createCnnExperiment, on 28 × 28 images');
  const split = data ?? experimentData(s);
  return { settings: s, data: split, comparison: createComparison(experimentComparisonOptions(s), split) };
}
