import { activationBackward, activationForward } from './activations';
import type { BatchNormMode } from './batchnorm';
import { type BatchNorm2dForward, type BatchNorm2dGrads, batchNorm2dBackward, batchNorm2dForward } from './batchnorm2d';
import type { Cnn } from './cnn';
import { type Conv2dForward, type Conv2dGrads, conv2dBackward, conv2dForward, conv2dOutputShape } from './conv2d';
import { EngineError } from './errors';
import { type LinearGrads, linearBackward, linearForward } from './linear';
import { type SoftmaxCrossEntropy, softmaxCrossEntropy } from './loss';
import { type Matrix, matrix, zeros } from './matrix';
import { type Pool2dForward, pool2dBackward, pool2dForward } from './pool2d';
import { type SampleNormForward, type SampleNormGrads, sampleNormBackward, sampleNormForward } from './sampleNorm';
import { type Tensor4, flatten, zeros4 } from './tensor4';

/**
 * Forward and backward passes of a `Cnn` over images x [n, C, H, W], every intermediate kept in a
 * reusable workspace: after the first pass for a given model and n, a step allocates nothing.
 */
interface BlockBuffers {
  conv: Conv2dForward | null;
  bn: BatchNorm2dForward | null;
  /** A per-sample normalization's record, its gradient buffers and ∂L/∂(conv output) through it. */
  norm: SampleNormForward | null;
  readonly normGrads: SampleNormGrads | null;
  readonly normDx: Tensor4 | null;
  pool: Pool2dForward | null;
  /** ReLU output a [n, O, h, w] and views: its input z (conv or BN output), a, ∂L/∂a, ∂L/∂z. */
  readonly a: Tensor4;
  z: Matrix | null;
  readonly aView: Matrix;
  readonly da: Tensor4;
  readonly daView: Matrix;
  readonly dz: Tensor4;
  readonly dzView: Matrix;
  /** ∂L/∂(this block's pooled output), written by the next block's conv (or the head). */
  readonly dOut: Tensor4;
  readonly convGrads: Conv2dGrads;
  readonly bnGrads: BatchNorm2dGrads | null;
}

export interface CnnWorkspace {
  model: Cnn | null;
  n: number;
  x: Tensor4 | null;
  blocks: BlockBuffers[];
  /** The last block's pooled output seen as [n × features], and the logits [n × classes]. */
  features: Matrix | null;
  logits: Matrix;
  headGrads: LinearGrads | null;
  ce: SoftmaxCrossEntropy;
  hasLoss: boolean;
}

export function createCnnWorkspace(): CnnWorkspace {
  return { model: null, n: 0, x: null, blocks: [], features: null, logits: zeros(0, 0), headGrads: null, hasLoss: false, ce: { loss: NaN, probs: zeros(0, 0), dLogits: zeros(0, 0), correct: 0 } };
}

/** Buffers for `model` and batch size n; the layer records are made by the first pass. */
function allocate(ws: CnnWorkspace, model: Cnn, n: number): void {
  ws.model = model;
  ws.n = n;
  ws.blocks = [];
  for (const b of model.blocks) {
    const [, O, oh, ow] = conv2dOutputShape(b.conv, b.inShape);
    const a = zeros4([n, O, oh, ow]), da = zeros4([n, O, oh, ow]), dz = zeros4([n, O, oh, ow]);
    const dOut = zeros4([n, b.outShape[1], b.outShape[2], b.outShape[3]]);
    // Each convolution but the first writes ∂L/∂x into the previous block's dOut.
    const previous = ws.blocks.length > 0 ? ws.blocks[ws.blocks.length - 1].dOut : null;
    const normDx = b.norm ? zeros4([n, O, oh, ow]) : null;
    ws.blocks.push({
      conv: null, bn: null, pool: null, norm: null, normDx,
      normGrads: b.norm && normDx ? { dx: normDx.data, dGamma: b.norm.dGamma, dBeta: b.norm.dBeta } : null, a, z: null, aView: flatten(a), da, daView: flatten(da), dz, dzView: flatten(dz), dOut,
      convGrads: { dW: b.dW, db: b.db, dx: previous },
      bnGrads: b.bn ? { dx: zeros4([n, O, oh, ow]), dGamma: b.bn.dGamma, dBeta: b.bn.dBeta } : null,
    });
  }
  const classes = model.config.classes, last = ws.blocks[ws.blocks.length - 1];
  ws.features = null;
  ws.logits = zeros(n, classes);
  ws.headGrads = { dW: model.head.dW, db: model.head.db, dx: flatten(last.dOut) };
  ws.ce = { loss: NaN, probs: zeros(n, classes), dLogits: zeros(n, classes), correct: 0 };
}

/** `cache` if it views `data`, else a new [rows × cols] view of it (only when a record was remade). */
const viewOf = (cache: Matrix | null, data: Float64Array, rows: number): Matrix =>
  cache && cache.data === data ? cache : matrix(rows, data.length / rows, data);

/**
 * Runs x [n, C, H, W] through every block and the head; returns the logits [n × classes] (a
 * workspace buffer). Train mode uses batch statistics in every BatchNorm2d and, unless
 * `updateRunningStats` is false, updates the running ones (mutates the model).
 */
export function cnnForward(model: Cnn, x: Tensor4, ws: CnnWorkspace, mode: BatchNormMode = 'train', updateRunningStats = true): Matrix {
  const c = model.config, n = x.shape[0];
  if (x.shape[1] !== c.inChannels || x.shape[2] !== c.imageSize || x.shape[3] !== c.imageSize || n < 1) {
    throw new EngineError('shape', `the CNN expects images [n ≥ 1, ${c.inChannels}, ${c.imageSize}, ${c.imageSize}], got [${x.shape.join(', ')}]`);
  }
  if (ws.model !== model || ws.n !== n) allocate(ws, model, n);
  ws.x = x;
  ws.hasLoss = false;
  let input = x;
  for (let i = 0; i < model.blocks.length; i++) {
    const b = model.blocks[i], bb = ws.blocks[i];
    bb.conv = conv2dForward(b.conv, input, bb.conv ?? undefined);
    let z = bb.conv.y.data;
    if (b.bn) {
      bb.bn = batchNorm2dForward(b.bn, bb.conv.y, mode, updateRunningStats, bb.bn ?? undefined);
      z = bb.bn.y.data;
    } else if (b.norm) {
      // GroupNorm and InstanceNorm: one γ per channel of h·w pixels; LayerNorm and RMSNorm: elementwise over [O, h, w].
      const s = bb.conv.y.shape, pixels = b.norm.norm === 'group' || b.norm.norm === 'instance' ? s[2] * s[3] : 1;
      bb.norm = sampleNormForward(b.norm, z, n, pixels, bb.norm ?? undefined);
      z = bb.norm.y;
    }
    bb.z = viewOf(bb.z, z, n);
    activationForward('relu', bb.z, bb.aView);
    bb.pool = pool2dForward(b.pool, bb.a, bb.pool ?? undefined);
    input = bb.pool.y;
  }
  ws.features = viewOf(ws.features, input.data, n);
  return linearForward(model.head.linear, ws.features, ws.logits);
}

/** Forward pass and the mean softmax cross-entropy against `labels`; returns `ws.ce` (overwritten next call). */
export function cnnForwardLoss(
  model: Cnn, x: Tensor4, labels: ArrayLike<number>, ws: CnnWorkspace, mode: BatchNormMode = 'train', updateRunningStats = true,
): SoftmaxCrossEntropy {
  const logits = cnnForward(model, x, ws, mode, updateRunningStats);
  softmaxCrossEntropy(logits, labels, ws.ce);
  ws.hasLoss = true;
  return ws.ce;
}

/**
 * Backpropagates the last `cnnForwardLoss` through the head and every block (exact: BatchNorm2d in
 * the forward pass's mode). OVERWRITES every gradient buffer of the model (see `cnnParams`).
 */
export function cnnBackward(model: Cnn, ws: CnnWorkspace): void {
  if (ws.model !== model || !ws.hasLoss || !ws.features || !ws.headGrads) {
    throw new EngineError('config', 'cnnBackward needs a cnnForwardLoss of the same model on this workspace first');
  }
  linearBackward(model.head.linear, ws.features, ws.ce.dLogits, true, ws.headGrads);
  for (let i = model.blocks.length - 1; i >= 0; i--) {
    const b = model.blocks[i], bb = ws.blocks[i];
    if (!bb.conv || !bb.pool || !bb.z) throw new EngineError('config', 'cnnBackward found no forward record; run cnnForwardLoss first');
    pool2dBackward(b.pool, bb.pool, bb.dOut, bb.da);
    activationBackward('relu', bb.z, bb.aView, bb.daView, bb.dzView);
    let dConvOut = bb.dz;
    if (b.bn && bb.bn && bb.bnGrads) dConvOut = batchNorm2dBackward(b.bn, bb.bn, bb.dz, bb.bnGrads).dx;
    else if (b.norm && bb.norm && bb.normGrads && bb.normDx) {
      sampleNormBackward(b.norm, bb.norm, bb.dz.data, bb.normGrads);
      dConvOut = bb.normDx;
    }
    conv2dBackward(b.conv, bb.conv, dConvOut, i > 0, bb.convGrads);
  }
}
