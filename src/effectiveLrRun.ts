import type { ActivationName } from './activations';
import { DEFAULT_EPS } from './batchnorm';
import { type Dataset, type Dataset2DName, makeDataset2D } from './datasets';
import { EngineError, checkFinite, checkInteger } from './errors';
import { type Matrix, zeros } from './matrix';
import { type LinearLayer, type Model, type Param, createModel, params } from './model';
import { type Workspace, backward, createWorkspace, forwardLoss } from './modelPass';
import { type Optimizer, checkWeightDecay, createOptimizer, optimizerStep } from './optim';
import { withDefaults } from './options';
import { type Rng, createRng, shuffleInPlace } from './rng';

/**
 * The effective learning rate of a scale-invariant layer (see effectiveLr.ts): the same BN network
 * trained with plain SGD at several weight decays λ — same initial weights, same mini-batches — and,
 * per step, ‖W‖ of every linear layer that BN directly follows and its effective step η/‖W‖².
 * With λ = 0, ‖W‖ grows every step and η/‖W‖² shrinks; with λ > 0 the decay W ← (1 − ηλ)·W pulls
 * back and ‖W‖ levels off where the two balance. Resumable in chunks, deterministic.
 *
 * Per step the run keeps what the one-step identity of plain SGD with L2 needs,
 *   ‖W_{t+1}‖² = (1 − ηλ)²‖W_t‖² − 2η(1 − ηλ)·W_t·g_t + η²‖g_t‖²     (g_t: ∂L/∂W, without the decay)
 * where W_t·g_t is only BN's ε part (≈ 1e-5 of the terms), so for λ = 0, ‖W‖² grows by η²‖g‖².
 */
export interface EffectiveLrOptions {
  readonly dataset: Dataset2DName;
  readonly samples: number;
  readonly hidden: readonly number[];
  readonly activation: ActivationName;
  /** BN's ε in every layer. */
  readonly eps: number;
  readonly lr: number;
  readonly weightDecays: readonly number[];
  readonly batchSize: number;
  /** Steps the run holds (its records are allocated once). */
  readonly steps: number;
  readonly seed: number;
}

export const EFFECTIVE_LR_DEFAULTS: EffectiveLrOptions = {
  dataset: 'spiral', samples: 600, hidden: [16, 16], activation: 'relu', eps: DEFAULT_EPS,
  lr: 1, weightDecays: [0, 5e-4], batchSize: 32, steps: 3000, seed: 1,
};

/** The records of one watched layer W_l, indexed by step t = 0 … steps (t = 0: before training). */
export interface LayerTrace {
  readonly index: number;
  /** The layer itself (the trace's model's own). */
  readonly layer: LinearLayer;
  /** ‖W_t‖ (Frobenius) and η/‖W_t‖², for t = 0 … steps. */
  readonly norm: Float64Array;
  readonly effectiveStep: Float64Array;
  /** ‖g_t‖² and W_t·g_t of the gradient taken at step t + 1 (entries 0 … steps − 1). */
  readonly gradNormSq: Float64Array;
  readonly weightGradDot: Float64Array;
}

/** One weight decay's network, optimizer and records. */
export interface DecayTrace {
  readonly weightDecay: number;
  readonly model: Model;
  readonly optimizer: Optimizer;
  readonly params: readonly Param[];
  readonly ws: Workspace;
  readonly layers: readonly LayerTrace[];
  /** Mini-batch loss of step t + 1 (train mode, before the update), entries 0 … steps − 1. */
  readonly loss: Float64Array;
}

export interface EffectiveLrRun {
  readonly options: EffectiveLrOptions;
  readonly train: Dataset;
  readonly traces: readonly DecayTrace[];
  /** Steps taken so far. */
  step: number;
  readonly order: Int32Array;
  readonly orderRng: Rng;
  readonly xb: Matrix;
  readonly yb: Int32Array;
}

function checkOptions(o: EffectiveLrOptions): void {
  checkInteger('samples', o.samples, 4);
  o.hidden.forEach((w, i) => checkInteger(`hidden[${i}]`, w, 1));
  if (o.hidden.length === 0) throw new EngineError('config', 'the effective-step run needs at least one hidden layer with BN after it');
  checkFinite('learning rate', o.lr);
  if (!(o.lr > 0)) throw new EngineError('hyperparameter', `learning rate must be positive, got ${o.lr}`);
  if (o.weightDecays.length === 0) throw new EngineError('config', 'give at least one weight decay');
  o.weightDecays.forEach(checkWeightDecay);
  checkInteger('batch size', o.batchSize, 2);
  if (o.batchSize > o.samples) throw new EngineError('batch-size', `batch size ${o.batchSize} exceeds the ${o.samples} samples`);
  checkInteger('steps', o.steps, 1);
  checkInteger('seed', o.seed, 0);
}

/** The linear layers that a BN directly follows (scale-invariant in their W). */
export function bnFollowedLayers(model: Model): LinearLayer[] {
  return model.layers.filter((l, k): l is LinearLayer => l.kind === 'linear' && model.layers[k + 1]?.kind === 'batchnorm');
}

function createTrace(o: EffectiveLrOptions, weightDecay: number, classes: number): DecayTrace {
  const model = createModel({ inputs: 2, classes, hidden: o.hidden, activation: o.activation, bn: 'before', eps: o.eps }, createRng(o.seed));
  const ps = params(model);
  const n = o.steps;
  const layers = bnFollowedLayers(model).map((l) => ({
    index: l.index, layer: l, norm: new Float64Array(n + 1), effectiveStep: new Float64Array(n + 1), gradNormSq: new Float64Array(n), weightGradDot: new Float64Array(n),
  }));
  const trace = { weightDecay, model, params: ps, optimizer: createOptimizer({ name: 'sgd', lr: o.lr, weightDecay }, ps), ws: createWorkspace(), layers, loss: new Float64Array(n) };
  recordNorms(trace, 0, o.lr);
  return trace;
}

/** The run at step 0: one network per weight decay, all from createRng(seed)'s weights. */
export function createEffectiveLrRun(options: Partial<EffectiveLrOptions> = {}): EffectiveLrRun {
  const o: EffectiveLrOptions = withDefaults(EFFECTIVE_LR_DEFAULTS, options);
  checkOptions(o);
  const train = makeDataset2D({ name: o.dataset, n: o.samples, seed: o.seed });
  return {
    options: o, train,
    traces: o.weightDecays.map((wd) => createTrace(o, wd, train.classes)),
    step: 0,
    order: Int32Array.from({ length: o.samples }, (_, i) => i),
    orderRng: createRng(o.seed + 0xb17),
    xb: zeros(o.batchSize, 2),
    yb: new Int32Array(o.batchSize),
  };
}

function sumSquares(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/** ‖W‖ and η/‖W‖² of every watched layer at step t. */
function recordNorms(trace: DecayTrace, t: number, lr: number): void {
  for (const rec of trace.layers) {
    const normSq = sumSquares(rec.layer.W.data);
    rec.norm[t] = Math.sqrt(normSq);
    rec.effectiveStep[t] = lr / normSq;
  }
}

/** ‖g‖² and W·g of every watched layer, for the step from t to t + 1. */
function recordGradients(trace: DecayTrace, t: number): void {
  for (const rec of trace.layers) {
    const W = rec.layer.W.data, G = rec.layer.dW.data;
    let dot = 0;
    for (let k = 0; k < W.length; k++) dot += W[k] * G[k];
    rec.gradNormSq[t] = sumSquares(G);
    rec.weightGradDot[t] = dot;
  }
}

/** The next mini-batch into run.xb, run.yb (a new shuffle at each epoch's start; the last partial batch is dropped). */
function nextBatch(run: EffectiveLrRun): void {
  const m = run.xb.rows, perEpoch = Math.floor(run.train.x.rows / m);
  const pos = run.step % perEpoch;
  if (pos === 0) shuffleInPlace(run.order, run.orderRng);
  for (let i = 0; i < m; i++) {
    const r = run.order[pos * m + i];
    run.xb.data[2 * i] = run.train.x.data[2 * r];
    run.xb.data[2 * i + 1] = run.train.x.data[2 * r + 1];
    run.yb[i] = run.train.y[r];
  }
}

/**
 * Advances every network by up to k steps on the same batches (mutates `run`); stops at
 * `options.steps`. Returns the number of steps taken. Chunking does not change the result.
 */
export function stepEffectiveLrRun(run: EffectiveLrRun, k: number): number {
  checkInteger('number of steps', k, 0);
  const todo = Math.min(k, run.options.steps - run.step);
  for (let s = 0; s < todo; s++) {
    nextBatch(run);
    const t = run.step;
    for (const trace of run.traces) {
      trace.loss[t] = forwardLoss(trace.model, run.xb, run.yb, trace.ws).loss;
      backward(trace.model, trace.ws);
      recordGradients(trace, t);
      optimizerStep(trace.optimizer);
      recordNorms(trace, t + 1, run.options.lr);
    }
    run.step += 1;
  }
  return todo;
}

/**
 * ‖W_{t+1}‖² as the one-step identity of SGD with L2 predicts it from step t's records (see above),
 * for watched layer i of `trace`.
 */
export function predictedNormSq(trace: DecayTrace, i: number, t: number, lr: number): number {
  const rec = trace.layers[i];
  const keep = 1 - lr * trace.weightDecay;
  const n = rec.norm[t];
  return keep * keep * n * n - 2 * lr * keep * rec.weightGradDot[t] + lr * lr * rec.gradNormSq[t];
}
