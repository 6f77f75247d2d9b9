import { activationBackward, activationForward } from './activations';
import {
  type BatchNormForward,
  type BatchNormForwardOptions,
  type BatchNormGrads,
  type BatchNormMode,
  batchNormBackward,
  batchNormForward,
} from './batchnorm';
import { EngineError } from './errors';
import { type LinearGrads, linearBackward, linearForward } from './linear';
import { type SoftmaxCrossEntropy, softmax, softmaxCrossEntropy } from './loss';
import { type Matrix, matrix, zeros } from './matrix';
import { type Layer, type Model, layerWidth } from './model';
import { type SampleNormForward, type SampleNormGrads, sampleNormBackward, sampleNormForward } from './sampleNorm';

/**
 * Forward and backward passes of a `Model` over a batch x [m × inputs] (rows are samples), with
 * every intermediate kept in a reusable `Workspace`: after the first call for a given model and
 * batch size, a step allocates no buffers.
 */
export interface Workspace {
  /** The model the buffers are bound to, and the batch size m they fit. */
  model: Model | null;
  m: number;
  /** The input of the last forward pass (a reference, not a copy). */
  x: Matrix | null;
  /** outputs[k] = output of model.layers[k], [m × width_k]. The last one is the logits. */
  outputs: Matrix[];
  /** inputGrads[k] = ∂L/∂(input of layers[k]), [m × width_(k−1)]; inputGrads[0] stays empty. */
  inputGrads: Matrix[];
  /** bn[k]: the batch-norm forward record (ẑ, μ, σ², 1/√(σ²+ε)) of layers[k], else null. */
  bn: (BatchNormForward | null)[];
  /** Softmax probabilities, loss and ∂L/∂logits of the last `forwardLoss`. */
  ce: SoftmaxCrossEntropy;
  /** Whether `ce` belongs to the current forward pass (so `backward` may run). */
  hasLoss: boolean;
  /** Whether `inputGrads` belong to the current forward pass (`backward` ran after it). */
  hasGrads: boolean;
  linearGrads: (LinearGrads | null)[];
  bnGrads: (BatchNormGrads | null)[];
  /** norm[k]: the record of a per-sample normalization (LayerNorm, GroupNorm, RMSNorm) at layers[k], and its gradient buffers. */
  norm: (SampleNormForward | null)[];
  normGrads: (SampleNormGrads | null)[];
}

/** An empty workspace; buffers are allocated on first use and whenever the model or m changes. */
export function createWorkspace(): Workspace {
  return {
    model: null, m: 0, x: null, outputs: [], inputGrads: [], bn: [], linearGrads: [], bnGrads: [], norm: [], normGrads: [], hasLoss: false, hasGrads: false,
    ce: { loss: NaN, probs: zeros(0, 0), dLogits: zeros(0, 0), correct: 0 },
  };
}

function bind(ws: Workspace, model: Model, m: number): void {
  if (ws.model !== model || ws.m !== m) allocate(ws, model, m);
}

/**
 * New buffers for `model` and batch size m. Kept out of `bind`, which runs on every pass: its
 * closures capture m, ws and layers, so V8 would allocate their context on every call.
 */
function allocate(ws: Workspace, model: Model, m: number): void {
  const layers = model.layers;
  ws.model = model;
  ws.m = m;
  ws.outputs = layers.map((l) => zeros(m, layerWidth(l)));
  ws.inputGrads = layers.map((_l, k) => (k === 0 ? zeros(0, 0) : zeros(m, layerWidth(layers[k - 1]))));
  ws.bn = layers.map(() => null);
  ws.linearGrads = layers.map((l, k) => (l.kind === 'linear' ? { dW: l.dW, db: l.db, dx: k > 0 ? ws.inputGrads[k] : null } : null));
  ws.bnGrads = layers.map((l, k) => (l.kind === 'batchnorm' ? { dz: ws.inputGrads[k], dGamma: l.dGamma, dBeta: l.dBeta } : null));
  ws.norm = layers.map(() => null);
  ws.normGrads = layers.map((l, k) => (l.kind === 'norm' ? { dx: ws.inputGrads[k].data, dGamma: l.dGamma, dBeta: l.dBeta } : null));
  const classes = model.config.classes;
  ws.ce = { loss: NaN, probs: zeros(m, classes), dLogits: zeros(m, classes), correct: 0 };
}

/** The default options, shared (a `= {}` default would allocate an object on every call). */
const NO_OPTIONS: ForwardOptions = Object.freeze({});

/** Reused for every BN call (batchNormForward keeps no reference to it): no allocation per pass. */
const bnScratch: BatchNormForwardOptions = {};

export interface ForwardOptions {
  /** 'train' uses batch statistics in every BN (and needs m ≥ 2); 'eval' the running ones. Default 'train'. */
  mode?: BatchNormMode;
  /** In train mode, update BN running statistics (mutates the model). Default true, like PyTorch. */
  updateRunningStats?: boolean;
}

/**
 * Runs x [m × inputs] through every layer; returns the logits [m × classes] (a workspace buffer,
 * overwritten by the next pass). Mutates `ws`, and the model's running statistics in train mode
 * unless `updateRunningStats` is false.
 * @throws EngineError on a shape mismatch, or m = 1 in train mode with any BN layer.
 */
export function forward(model: Model, x: Matrix, ws: Workspace, options: ForwardOptions = NO_OPTIONS): Matrix {
  if (x.cols !== model.config.inputs) {
    throw new EngineError('shape', `the model expects ${model.config.inputs} input columns, got [${x.rows} × ${x.cols}]`);
  }
  if (x.rows < 1) throw new EngineError('batch-size', 'a forward pass needs at least one sample');
  const bnOptions = bnScratch;
  bnOptions.mode = options.mode ?? 'train';
  bnOptions.updateRunningStats = options.updateRunningStats ?? true;
  bind(ws, model, x.rows);
  ws.x = x;
  ws.hasLoss = false;
  ws.hasGrads = false;
  const layers = model.layers;
  let input = x;
  for (let k = 0; k < layers.length; k++) {
    const layer = layers[k];
    const out = ws.outputs[k];
    if (layer.kind === 'linear') linearForward(layer, input, out);
    else if (layer.kind === 'activation') activationForward(layer.fn, input, out);
    else if (layer.kind === 'norm') {
      const rec = sampleNormForward(layer, input.data, input.rows, 1, ws.norm[k] ?? undefined);
      // As for BN: the record's y becomes the layer's output (a view made once, on the first pass).
      if (rec.y !== out.data) ws.outputs[k] = matrix(out.rows, out.cols, rec.y);
      ws.norm[k] = rec;
    } else {
      bnOptions.out = ws.bn[k] ?? undefined;
      const rec = batchNormForward(layer, input, bnOptions);
      // The record's buffers are reused; its y must be our output buffer so later layers read it.
      if (rec.y !== out) ws.outputs[k] = rec.y;
      ws.bn[k] = rec;
    }
    input = ws.outputs[k];
  }
  bnOptions.out = undefined;
  return input;
}

/**
 * Forward pass plus the mean softmax cross-entropy against `labels` (m integers in [0, classes)).
 * Returns `ws.ce` (loss, probabilities, ∂L/∂logits, number correct), overwritten by the next call.
 */
export function forwardLoss(
  model: Model,
  x: Matrix,
  labels: ArrayLike<number>,
  ws: Workspace,
  options: ForwardOptions = NO_OPTIONS,
): SoftmaxCrossEntropy {
  const logits = forward(model, x, ws, options);
  softmaxCrossEntropy(logits, labels, ws.ce);
  ws.hasLoss = true;
  return ws.ce;
}

/**
 * Backpropagates ∂L/∂logits from the last `forwardLoss` on `ws` through every layer, by hand:
 * linearBackward, batchNormBackward (exact, in the mode of the forward pass), activationBackward.
 * OVERWRITES (does not accumulate) every gradient buffer of the model (see `params`).
 */
export function backward(model: Model, ws: Workspace): void {
  if (ws.model !== model || !ws.hasLoss || !ws.x) {
    throw new EngineError('config', 'backward needs a forwardLoss of the same model on this workspace first');
  }
  const layers = model.layers;
  let dOut = ws.ce.dLogits;
  for (let k = layers.length - 1; k >= 0; k--) {
    const layer = layers[k];
    const input = k === 0 ? ws.x : ws.outputs[k - 1];
    if (layer.kind === 'linear') {
      linearBackward(layer, input, dOut, k > 0, ws.linearGrads[k] ?? undefined);
    } else if (layer.kind === 'activation') {
      activationBackward(layer.fn, input, ws.outputs[k], dOut, ws.inputGrads[k]);
    } else if (layer.kind === 'norm') {
      const rec = ws.norm[k];
      if (!rec) throw new EngineError('config', 'backward found no normalization record; run forwardLoss first');
      sampleNormBackward(layer, rec, dOut.data, ws.normGrads[k] ?? undefined);
    } else {
      const rec = ws.bn[k];
      if (!rec) throw new EngineError('config', 'backward found no batch-norm record; run forwardLoss first');
      batchNormBackward(layer, rec, dOut, ws.bnGrads[k] ?? undefined);
    }
    dOut = ws.inputGrads[k];
  }
  ws.hasGrads = true;
}

/**
 * Class probabilities [m × classes] in eval mode (running statistics; one sample's output does not
 * depend on the rest of the batch), e.g. for a decision-boundary grid. The result is a workspace
 * buffer, overwritten by the next call on `ws`. Does not modify the model.
 */
export function predict(model: Model, x: Matrix, ws: Workspace = createWorkspace()): Matrix {
  const logits = forward(model, x, ws, { mode: 'eval' });
  ws.hasLoss = false;
  return softmax(logits, ws.ce.probs);
}

/** One named intermediate of the last pass, for showing the real matrices of the notes. */
export interface Intermediate {
  /** 'Z1' (linear output), 'BN1' (batch-norm output), 'N1' (LayerNorm, GroupNorm or RMSNorm output), 'A1' (activation output); layer number l. */
  readonly name: string;
  readonly layer: Layer;
  /** Position in model.layers. */
  readonly position: number;
  /** The layer's output [m × width]. */
  readonly value: Matrix;
  /** ∂L/∂value once `backward` ran on this pass, else null. */
  readonly grad: Matrix | null;
  /** For BN layers: ẑ (the notes' Z_norm), μ, σ² and 1/√(σ²+ε) of this pass. */
  readonly bn: BatchNormForward | null;
}

const PREFIX = { linear: 'Z', batchnorm: 'BN', activation: 'A', norm: 'N' } as const;

/** Every layer's output of the last pass on `ws`, named, with its gradient when backward ran. */
export function intermediates(model: Model, ws: Workspace): Intermediate[] {
  if (ws.model !== model) throw new EngineError('config', 'this workspace holds a pass of a different model');
  const n = model.layers.length;
  return model.layers.map((layer, k) => ({
    name: `${PREFIX[layer.kind]}${layer.index}`,
    layer,
    position: k,
    value: ws.outputs[k],
    grad: !ws.hasGrads ? null : k + 1 < n ? ws.inputGrads[k + 1] : ws.ce.dLogits,
    bn: ws.bn[k],
  }));
}
