import type { Cnn } from '../../../src/cnn';
import { type CnnComparison, createCnnExperiment, stepCnnComparison } from '../../../src/cnnComparison';
import type { Dataset, Split } from '../../../src/datasets';
import { type ExperimentSettings, createExperiment } from '../../../src/experiment';
import { cloneModel } from '../../../src/model';
import { type Comparison, type ComparisonChunk, type Divergence, type VariantName, stepComparison } from '../../../src/train';
import type { LabSnapshot } from './messages';
import { bnVariantOf } from '../model/pair';

/**
 * What the lab's run needs of its two networks, MLP (train.ts) or CNN (cnnComparison.ts): one shared
 * step at a time, where they stand, and a copy of the BN network for the fold section. The settings
 * say which (`model: 'cnn'`); both are built from the same flat settings as `npm run train`.
 */
export interface LabTrainer {
  readonly settings: ExperimentSettings;
  readonly data: Split;
  readonly train: Dataset;
  readonly test: Dataset | null;
  readonly stepsPerEpoch: number;
  readonly logEvery: number;
  readonly evalEvery: number;
  /** The MLP's probed unit; the CNN's probed channel (0-based). */
  readonly probeUnit: number;
  /** Widths of the hidden layers (MLP) or output channels of the convolution blocks (CNN). */
  readonly hidden: readonly number[];
  /** The MLP comparison (it has a 2-D boundary to draw), or null for the CNN. */
  readonly mlp: Comparison | null;
  readonly step: number;
  diverged(v: VariantName): Divergence | null;
  /** One shared step of both networks (see stepComparison). */
  stepOnce(): ComparisonChunk;
  /** The network with BN (the second, unless only the first has BN; the second when neither has: the fold section then says why it folds nothing). */
  snapshot(): LabSnapshot;
}

function mlpTrainer(settings: Partial<ExperimentSettings>, data: Split | undefined): LabTrainer {
  const e = createExperiment(settings, data), c = e.comparison;
  const folded = bnVariantOf(c.config.norms) ?? 'bn';
  return {
    settings: e.settings, data: e.data, train: c.train, test: c.test, stepsPerEpoch: c.stepsPerEpoch,
    logEvery: c.config.logEvery, evalEvery: c.config.evalEvery, probeUnit: c.config.probeUnit, hidden: c.config.hidden, mlp: c,
    get step() {
      return c.step;
    },
    diverged: (v) => c.variants[v].diverged,
    stepOnce: () => stepComparison(c, 1),
    snapshot: () => ({ kind: 'mlp', step: c.step, model: cloneModel(c.variants[folded].model), test: c.test, diverged: c.variants[folded].diverged !== null, settings: e.settings }),
  };
}

/** A copy of a CNN (plain data: typed arrays and numbers), sharing nothing with it. */
const cloneCnn = (model: Cnn): Cnn => structuredClone(model);

function cnnTrainer(settings: Partial<ExperimentSettings>, data: Split | undefined): LabTrainer {
  if (!data) throw new Error('The CNN trains on 28 × 28 images: choose the Fashion-MNIST subset.');
  const e = createCnnExperiment(settings, data), c: CnnComparison = e.comparison;
  const config = c.variants.bn.model.config;
  const folded = bnVariantOf(c.config.norms) ?? 'bn';
  // The settings as used: the CNN's shape filled in from its defaults.
  const used: ExperimentSettings = { ...e.settings, channels: [...config.channels], kernel: config.kernel };
  return {
    settings: used, data, train: c.train, test: c.test, stepsPerEpoch: c.stepsPerEpoch,
    logEvery: c.config.logEvery, evalEvery: c.config.evalEvery, probeUnit: 0, hidden: config.channels, mlp: null,
    get step() {
      return c.step;
    },
    diverged: (v) => c.variants[v].diverged,
    stepOnce: () => stepCnnComparison(c, 1),
    snapshot: () => ({ kind: 'cnn', step: c.step, model: cloneCnn(c.variants[folded].model), test: c.test, diverged: c.variants[folded].diverged !== null, settings: used }),
  };
}

/** The two networks of `settings` on `data` (none: the 2-D set the settings generate), at step 0. @throws EngineError on bad settings or data. */
export function createTrainer(settings: Partial<ExperimentSettings>, data?: Split): LabTrainer {
  return settings.model === 'cnn' ? cnnTrainer(settings, data) : mlpTrainer(settings, data);
}
