import { type Cnn, cnnParams, createCnn } from './cnn';
import { type CnnWorkspace, cnnBackward, cnnForwardLoss, createCnnWorkspace } from './cnnPass';
import { CNN_PROBE_SIZE, type ChannelScratch, cnnChannelQuantiles, cnnProbeBatch, createChannelScratch } from './cnnProbe';
import { type ComparisonConfig, type ComparisonOptions, resolveComparisonConfig } from './comparisonConfig';
import { type Dataset, type Split, checkDataset } from './datasets';
import { EngineError, checkInteger } from './errors';
import { type ExperimentSettings, experimentComparisonOptions, resolveExperimentSettings } from './experiment';
import { zeros } from './matrix';
import { firstNonFiniteParam, l2Norm } from './metrics';
import type { Param } from './model';
import { type Optimizer, createOptimizer, optimizerStep } from './optim';
import { createRng } from './rng';
import { type Tensor4, tensor4 } from './tensor4';
import {
  type BatchSource,
  type ComparisonChunk,
  type Divergence,
  type StepMetrics,
  type VariantName,
  describeNonFinite,
  nextBatch,
  streamSeed,
} from './train';

/**
 * The with/without-BN comparison of train.ts for the small CNN (cnn.ts) on 28 × 28 grey images:
 * 'plain' has no BN (its convolutions have biases), 'bn' a BatchNorm2d after every convolution. Both
 * start from the SAME weights (createRng(seed)) and see the SAME mini-batches in the same order
 * (train.ts's nextBatch and seed streams), so a chunked run equals an unchunked one. Metrics are
 * train.ts's StepMetrics, with ‖∂L/∂W_l‖ for every layer and, as probe quantiles, channel 1 of every
 * block on cnnProbe.ts's fixed probe batch (one entry per block; [] with probeSize 0).
 * With `norms` (comparisonConfig.ts) any two normalizations are compared instead: 'plain' has norms[0],
 * 'bn' norms[1], e.g. BatchNorm2d against GroupNorm(groups).
 */
export const CNN_IMAGE_SIDE = 28;
const PIXELS = CNN_IMAGE_SIDE * CNN_IMAGE_SIDE;
/** Test images per evaluation pass (eval mode treats each image alone, so chunking changes nothing). */
const EVAL_CHUNK = 100;

export interface CnnVariant {
  readonly name: VariantName;
  readonly model: Cnn;
  readonly params: readonly Param[];
  readonly optimizer: Optimizer;
  diverged: Divergence | null;
  lastLoss: number;
  lastCorrect: number;
  readonly trainWs: CnnWorkspace;
  readonly evalWs: CnnWorkspace;
  readonly probeWs: CnnWorkspace;
}

export interface CnnComparison extends BatchSource {
  readonly config: ComparisonConfig;
  readonly test: Dataset | null;
  readonly variants: Readonly<Record<VariantName, CnnVariant>>;
  step: number;
  /** The mini-batch xb [m × 784] seen as images [m, 1, 28, 28] (the same memory). */
  readonly images: Tensor4;
  /** The test set as image chunks of EVAL_CHUNK (views of its rows) with their labels. */
  readonly testChunks: readonly { readonly x: Tensor4; readonly y: Int32Array }[];
  /** The per-channel probe's fixed batch of training images (cnnProbe.ts), or null with probeSize 0. */
  readonly probe: Tensor4 | null;
  readonly probeScratch: ChannelScratch;
}

function checkImages(data: Dataset, name: string): void {
  checkDataset(data, name);
  if (data.x.cols !== PIXELS) {
    throw new EngineError('config', `the CNN takes ${CNN_IMAGE_SIDE} × ${CNN_IMAGE_SIDE} images (Fashion-MNIST, ${PIXELS} pixels per row); the ${name} has ${data.x.cols} features per sample: use the MLP for it`);
  }
}

/** The CNN's shape: output channels per block and kernel side (cnn.ts's CNN_DEFAULTS where absent). */
export interface CnnShape {
  readonly channels?: readonly number[];
  readonly kernel?: number;
}

function createVariant(name: VariantName, c: ComparisonConfig, classes: number, shape: CnnShape): CnnVariant {
  const model = createCnn({ ...shape, norm: c.norms[name === 'plain' ? 0 : 1], groups: c.groups, classes, init: c.init, eps: c.eps, momentum: c.momentum }, createRng(c.seed));
  const params = cnnParams(model);
  return {
    name, model, params, optimizer: createOptimizer(c.optimizer, params), diverged: null, lastLoss: NaN, lastCorrect: 0,
    trainWs: createCnnWorkspace(), evalWs: createCnnWorkspace(), probeWs: createCnnWorkspace(),
  };
}

/** Both CNN variants at step 0. @throws EngineError when the data are not 28 × 28 images, or on a bad config. */
export function createCnnComparison(options: ComparisonOptions, data: { train: Dataset; test?: Dataset | null }, shape: CnnShape = {}): CnnComparison {
  checkImages(data.train, 'training set');
  const test = data.test && data.test.x.rows > 0 ? data.test : null;
  if (test) checkImages(test, 'test set');
  const train = data.train, n = train.x.rows;
  const c = resolveComparisonConfig({ ...options, hidden: [], probeSize: 0 }, n);
  const probeSize = Math.min(options.probeSize ?? CNN_PROBE_SIZE, n);
  const xb = zeros(c.batchSize, PIXELS);
  const testChunks = [];
  for (let r = 0; test && r < test.x.rows; r += EVAL_CHUNK) {
    const rows = Math.min(EVAL_CHUNK, test.x.rows - r);
    testChunks.push({ x: tensor4([rows, 1, CNN_IMAGE_SIDE, CNN_IMAGE_SIDE], test.x.data.subarray(r * PIXELS, (r + rows) * PIXELS)), y: Int32Array.from(test.y.subarray(r, r + rows)) });
  }
  return {
    config: c, train, test,
    stepsPerEpoch: Math.floor(n / c.batchSize),
    variants: { plain: createVariant('plain', c, train.classes, shape), bn: createVariant('bn', c, train.classes, shape) },
    step: 0,
    order: Int32Array.from({ length: n }, (_, i) => i),
    orderRng: createRng(streamSeed(c.seed, 1)),
    xb,
    yb: new Int32Array(c.batchSize),
    images: tensor4([c.batchSize, 1, CNN_IMAGE_SIDE, CNN_IMAGE_SIDE], xb.data),
    testChunks,
    probe: probeSize >= 2 ? cnnProbeBatch(train, CNN_IMAGE_SIDE, c.seed, probeSize) : null,
    probeScratch: createChannelScratch(),
  };
}

/** One optimizer step of one variant; divergence as in train.ts (non-finite or too large loss, non-finite parameter). */
function trainVariant(v: CnnVariant, c: CnnComparison): void {
  const ce = cnnForwardLoss(v.model, c.images, c.yb, v.trainWs);
  v.lastLoss = ce.loss;
  v.lastCorrect = ce.correct;
  if (!Number.isFinite(ce.loss)) {
    v.diverged = { step: c.step, reason: `the training loss became ${describeNonFinite(ce.loss)}` };
    return;
  }
  if (ce.loss > c.config.divergenceLoss) {
    v.diverged = { step: c.step, reason: `the training loss ${ce.loss.toPrecision(3)} exceeded ${c.config.divergenceLoss}` };
    return;
  }
  cnnBackward(v.model, v.trainWs);
  optimizerStep(v.optimizer);
  const bad = firstNonFiniteParam(v.params);
  if (bad) v.diverged = { step: c.step, reason: `parameter ${bad} is no longer a finite number` };
}

/** Mean loss and accuracy on the whole test set in eval mode (running statistics). */
function evaluateCnn(v: CnnVariant, c: CnnComparison): { loss: number; accuracy: number } {
  let loss = 0, correct = 0, rows = 0;
  for (const chunk of c.testChunks) {
    const ce = cnnForwardLoss(v.model, chunk.x, chunk.y, v.evalWs, 'eval');
    loss += ce.loss * chunk.y.length;
    correct += ce.correct;
    rows += chunk.y.length;
  }
  return { loss: loss / rows, accuracy: correct / rows };
}

function logVariant(v: CnnVariant, c: CnnComparison): StepMetrics | null {
  const { step } = c;
  let testLoss: number | null = null, testAccuracy: number | null = null;
  if (c.test && step % c.config.evalEvery === 0) {
    const e = evaluateCnn(v, c);
    if (!Number.isFinite(e.loss)) {
      v.diverged = { step, reason: `the test loss (eval mode) became ${describeNonFinite(e.loss)}` };
      return null;
    }
    testLoss = e.loss;
    testAccuracy = e.accuracy;
  }
  return {
    step,
    epoch: Math.floor((step - 1) / c.stepsPerEpoch),
    trainLoss: v.lastLoss,
    trainAccuracy: v.lastCorrect / c.xb.rows,
    testLoss,
    testAccuracy,
    quantiles: c.probe ? cnnChannelQuantiles(v.model, c.probe, v.probeWs, 0, c.probeScratch) : [],
    gradNorms: v.params.filter((p) => p.name.startsWith('W')).map((p) => l2Norm(p.grad)),
  };
}

/** Advances by up to `steps` shared steps, as train.ts's stepComparison (mutates `c` and both models). */
export function stepCnnComparison(c: CnnComparison, steps: number): ComparisonChunk {
  checkInteger('number of steps', steps, 0);
  const fromStep = c.step;
  const logs: Record<VariantName, StepMetrics[]> = { plain: [], bn: [] };
  const { plain, bn } = c.variants;
  for (let s = 0; s < steps && !(plain.diverged && bn.diverged); s++) {
    nextBatch(c);
    c.step += 1;
    for (const v of [plain, bn]) {
      if (v.diverged) continue;
      trainVariant(v, c);
      if (!v.diverged && c.step % c.config.logEvery === 0) {
        const metrics = logVariant(v, c);
        if (metrics) logs[v.name].push(metrics);
      }
    }
  }
  return { fromStep, step: c.step, logs, diverged: { plain: plain.diverged, bn: bn.diverged }, done: plain.diverged !== null && bn.diverged !== null };
}

/**
 * createExperiment for model 'cnn': the same settings (seed, optimizer, learning rate, batch size,
 * init, cadence) as a CNN comparison on `data`, which must be 28 × 28 images (Fashion-MNIST).
 * @throws EngineError for any other data, e.g. a 2-D set, or a bad setting.
 */
export function createCnnExperiment(settings: Partial<ExperimentSettings>, data: Split): { settings: ExperimentSettings; data: Split; comparison: CnnComparison } {
  const s = resolveExperimentSettings({ ...settings, model: 'cnn' });
  return { settings: s, data, comparison: createCnnComparison(experimentComparisonOptions(s), data, { channels: s.channels, kernel: s.kernel }) };
}
