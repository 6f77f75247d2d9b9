import { cnnParams, createCnn } from './cnn';
import { cnnBackward, cnnForwardLoss, createCnnWorkspace } from './cnnPass';
import { CNN_IMAGE_SIDE } from './cnnComparison';
import { type ComparisonOptions, COMPARISON_DEFAULTS, resolveComparisonConfig } from './comparisonConfig';
import { type Dataset, type Split, checkDataset } from './datasets';
import { EngineError, checkInteger } from './errors';
import type { NetworkKind } from './experiment';
import { type Matrix, zeros } from './matrix';
import { firstNonFiniteParam } from './metrics';
import { type Param, createModel, params } from './model';
import { backward, createWorkspace, forwardLoss } from './modelPass';
import { type NormKind, checkNormKind } from './norms';
import { type Optimizer, createOptimizer, optimizerStep } from './optim';
import { createRng, shuffleInPlace } from './rng';
import { tensor4 } from './tensor4';
import { type BatchSource, type Divergence, describeNonFinite, nextBatch, streamSeed } from './train';

/**
 * The batch-size experiment of Wu & He (2018), Fig. 1: one network with normalization `norm` trained
 * at each batch size m, then its test accuracy in eval mode (running statistics: what a deployed
 * network does) and in train mode (the test set in batches of m, each normalized by its own batch
 * statistics; running statistics untouched). For BN the two differ, most at small m; a per-sample
 * norm gives the same number twice.
 *
 * Budget: the same number of EPOCHS at every m (steps = epochs·⌊n/m⌋), so every run sees the same
 * training samples (up to the last partial batch of each epoch) and does about the same arithmetic;
 * with the same number of steps, m = 64 would see 32 times the data of m = 2 and the comparison would
 * be about data, not batch statistics; with equal epochs, m = 64 takes 1/32 of the steps and the
 * linear scaling rule only partly makes up for it. The learning rate follows Goyal et al.'s linear
 * scaling rule, as Wu & He do: lr·m/m₀, with lr the optimizer's rate at the reference batch m₀
 * (`batchSize`, default 32), from the first step (no warmup). Every m starts from the
 * same weights (createRng(seed)) and shuffles with the same stream. Deterministic and resumable.
 */
export interface BatchSweepOptions extends Omit<ComparisonOptions, 'norms' | 'logEvery' | 'evalEvery' | 'probeSize' | 'probeEvery'> {
  readonly model?: NetworkKind;
  readonly norm: NormKind;
  readonly batchSizes: readonly number[];
  /** Epochs per batch size (≥ 1). */
  readonly epochs: number;
}

export interface BatchSweepPoint {
  readonly batch: number;
  readonly norm: NormKind;
  readonly lr: number;
  readonly steps: number;
  /** Mean mini-batch loss over the last epoch's steps (null after divergence). */
  readonly trainLoss: number | null;
  /** The test set in eval mode (running statistics) and in train mode (batches of m, own statistics); null after divergence. */
  readonly testAccuracy: number | null;
  readonly testAccuracyTrainMode: number | null;
  /** Test rows scored in train mode: ⌊test rows/m⌋·m (the last incomplete batch is left out). */
  readonly trainModeRows: number;
  readonly diverged: Divergence | null;
}

interface Net {
  readonly params: readonly Param[];
  /** Loss and number correct of x [rows × d] in `mode`; train mode updates running statistics only when `update`. */
  loss(x: Matrix, y: Int32Array, mode: 'train' | 'eval', update: boolean): { loss: number; correct: number };
  backward(): void;
}

function mlpNet(o: BatchSweepOptions, c: ReturnType<typeof resolveComparisonConfig>, d: number, classes: number): Net {
  const model = createModel({ inputs: d, classes, hidden: c.hidden, activation: c.activation, init: c.init, bn: o.norm === 'none' ? 'none' : c.bn, outputBn: o.norm !== 'none' && c.outputBn, norm: o.norm, groups: c.groups, bias: c.bias, eps: c.eps, momentum: c.momentum }, createRng(c.seed));
  const trainWs = createWorkspace(), evalWs = createWorkspace();
  return {
    params: params(model),
    loss: (x, y, mode, update) => forwardLoss(model, x, y, update ? trainWs : evalWs, { mode, updateRunningStats: update }),
    backward: () => backward(model, trainWs),
  };
}

function cnnNet(c: ReturnType<typeof resolveComparisonConfig>, norm: NormKind, classes: number): Net {
  const model = createCnn({ norm, groups: c.groups, classes, init: c.init, eps: c.eps, momentum: c.momentum }, createRng(c.seed));
  const trainWs = createCnnWorkspace(), evalWs = createCnnWorkspace(), side = CNN_IMAGE_SIDE;
  return {
    params: cnnParams(model),
    loss: (x, y, mode, update) => cnnForwardLoss(model, tensor4([x.rows, 1, side, side], x.data), y, update ? trainWs : evalWs, mode, update),
    backward: () => cnnBackward(model, trainWs),
  };
}

export interface BatchSweep {
  readonly options: BatchSweepOptions;
  readonly data: Split;
  /** Index of the batch size being trained, its run (null between runs), and the finished points. */
  next: number;
  run: Run | null;
  readonly points: BatchSweepPoint[];
}

interface Run extends BatchSource {
  readonly net: Net;
  readonly optimizer: Optimizer;
  readonly divergenceLoss: number;
  readonly lr: number;
  readonly total: number;
  lossSum: number;
  diverged: Divergence | null;
}

/** Checks the options and data; no training yet. */
export function createBatchSweep(options: BatchSweepOptions, data: Split): BatchSweep {
  checkDataset(data.train, 'training set');
  if (!data.test || data.test.x.rows === 0) throw new EngineError('dataset', 'the batch-size sweep scores a test set: it needs one');
  checkNormKind(options.norm);
  checkInteger('epochs', options.epochs, 1);
  if (!Array.isArray(options.batchSizes) || options.batchSizes.length === 0) throw new EngineError('config', 'the batch-size sweep needs at least one batch size');
  for (const m of options.batchSizes) {
    checkInteger('batch size', m, 2);
    if (m > data.train.x.rows) throw new EngineError('batch-size', `batch size ${m} exceeds the ${data.train.x.rows} training rows`);
  }
  if (options.model === 'cnn' && data.train.x.cols !== CNN_IMAGE_SIDE * CNN_IMAGE_SIDE) throw new EngineError('config', 'the CNN takes 28 × 28 images (Fashion-MNIST)');
  checkInteger('reference batch size (batchSize)', options.batchSize ?? COMPARISON_DEFAULTS.batchSize, 1);
  resolveComparisonConfig({ ...options, batchSize: options.batchSizes[0], norms: [options.norm, options.norm], probeSize: 0 }, data.train.x.rows);
  return { options, data, next: 0, run: null, points: [] };
}

function startRun(s: BatchSweep, m: number): Run {
  const o = s.options, train = s.data.train, n = train.x.rows;
  const c = resolveComparisonConfig({ ...o, batchSize: m, norms: [o.norm, o.norm], probeSize: 0, hidden: o.model === 'cnn' ? [] : o.hidden }, n);
  const lr = (c.optimizer.lr * m) / (o.batchSize ?? COMPARISON_DEFAULTS.batchSize);
  const net = o.model === 'cnn' ? cnnNet(c, o.norm, train.classes) : mlpNet(o, c, train.x.cols, train.classes);
  const stepsPerEpoch = Math.floor(n / m);
  return {
    net, optimizer: createOptimizer({ ...c.optimizer, lr }, net.params), divergenceLoss: c.divergenceLoss, lr, total: o.epochs * stepsPerEpoch, lossSum: 0, diverged: null,
    step: 0, stepsPerEpoch, train,
    order: Int32Array.from({ length: n }, (_, i) => i), orderRng: createRng(streamSeed(c.seed, 1)),
    xb: zeros(m, train.x.cols), yb: new Int32Array(m),
  };
}

/** One step at the run's batch size; divergence as in train.ts (the loss checked before the update). */
function trainStep(r: Run): void {
  nextBatch(r);
  r.step += 1;
  const { loss } = r.net.loss(r.xb, r.yb, 'train', true);
  if (!Number.isFinite(loss) || loss > r.divergenceLoss) {
    r.diverged = { step: r.step, reason: Number.isFinite(loss) ? `the training loss ${loss.toPrecision(3)} exceeded ${r.divergenceLoss}` : `the training loss became ${describeNonFinite(loss)}` };
    return;
  }
  if (r.step > r.total - r.stepsPerEpoch) r.lossSum += loss;
  r.net.backward();
  optimizerStep(r.optimizer);
  const bad = firstNonFiniteParam(r.net.params);
  if (bad) r.diverged = { step: r.step, reason: `parameter ${bad} is no longer a finite number` };
}

/** Accuracy on `test` in chunks of `chunk` rows taken in `order`, in `mode` (running statistics never updated). */
function accuracy(net: Net, test: Dataset, order: Int32Array, chunk: number, mode: 'train' | 'eval'): { accuracy: number; rows: number } {
  const d = test.x.cols, rows = mode === 'train' ? Math.floor(order.length / chunk) * chunk : order.length;
  let correct = 0;
  const buf = zeros(chunk, d), yb = new Int32Array(chunk);
  for (let start = 0; start < rows; start += chunk) {
    const k = Math.min(chunk, rows - start), x = k === chunk ? buf : zeros(k, d), y = k === chunk ? yb : new Int32Array(k);
    for (let i = 0; i < k; i++) {
      const r = order[start + i];
      x.data.set(test.x.data.subarray(r * d, (r + 1) * d), i * d);
      y[i] = test.y[r];
    }
    correct += net.loss(x, y, mode, false).correct;
  }
  return { accuracy: rows > 0 ? correct / rows : NaN, rows };
}

function finish(s: BatchSweep, r: Run, m: number): BatchSweepPoint {
  const test = s.data.test as Dataset;
  const shuffled = shuffleInPlace(Int32Array.from({ length: test.x.rows }, (_, i) => i), createRng(streamSeed(s.options.seed ?? 1, 3)));
  const inOrder = Int32Array.from({ length: test.x.rows }, (_, i) => i);
  const ok = r.diverged === null;
  const evalMode = ok ? accuracy(r.net, test, inOrder, 100, 'eval').accuracy : null;
  const trainMode = ok ? accuracy(r.net, test, shuffled, m, 'train') : null;
  return {
    batch: m, norm: s.options.norm, lr: r.lr, steps: r.step,
    trainLoss: ok ? r.lossSum / r.stepsPerEpoch : null,
    testAccuracy: evalMode, testAccuracyTrainMode: trainMode?.accuracy ?? null, trainModeRows: Math.floor(test.x.rows / m) * m,
    diverged: r.diverged,
  };
}

/** Trains up to `steps` steps (across batch sizes); returns the points finished in this call. */
export function stepBatchSweep(s: BatchSweep, steps: number): BatchSweepPoint[] {
  checkInteger('number of steps', steps, 0);
  const done: BatchSweepPoint[] = [];
  for (let budget = steps; budget > 0 && s.next < s.options.batchSizes.length;) {
    const m = s.options.batchSizes[s.next];
    const r = (s.run ??= startRun(s, m));
    while (budget > 0 && r.step < r.total && !r.diverged) {
      trainStep(r);
      budget -= 1;
    }
    if (r.step >= r.total || r.diverged) {
      const p = finish(s, r, m);
      s.points.push(p);
      done.push(p);
      s.run = null;
      s.next += 1;
    }
  }
  return done;
}

/** The whole sweep at once. */
export function runBatchSweep(options: BatchSweepOptions, data: Split): BatchSweepPoint[] {
  const s = createBatchSweep(options, data);
  while (s.next < options.batchSizes.length) stepBatchSweep(s, 1_000_000);
  return s.points;
}
