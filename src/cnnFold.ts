import { type Cnn, type ConvBlock, cnnParams } from './cnn';
import { cnnForward, createCnnWorkspace } from './cnnPass';
import { EngineError, checkFinite } from './errors';
import { type FoldedLayer, foldOutputChannels } from './fold';
import type { BatchMateEffect, FoldError, PredictionTiming } from './foldCheck';
import { type Matrix, zeros } from './matrix';
import { type Tensor4, tensor4 } from './tensor4';

/**
 * fold.ts for the CNN (cnn.ts): every BatchNorm2d folded, per output channel j, into the convolution
 * before it (PyTorch's fuse_conv_bn_eval). The conv has no bias before a BN (b = 0), so
 *
 *   W′[j, :, :, :] = W[j, :, :, :]·s_j        b′_j = β_j − μ_run,j·s_j        s_j = γ_j/√(σ²_run,j + ε)
 *
 * and the folded network is conv (with bias) → ReLU → pool, exactly the CNN without BN, equal to the
 * original in eval mode up to rounding. The checks (foldCheck.ts's, for images [n, C, H, W]) follow.
 */
export interface CnnFoldResult {
  /** The folded CNN: a new model with no BN (config.bn false), sharing nothing with the input. */
  readonly model: Cnn;
  /** Per folded block l: W′ [O × C·k·k] (output channels × their filter's weights), b′ and s. */
  readonly folded: readonly FoldedLayer[];
  readonly parametersBefore: number;
  readonly parametersAfter: number;
  readonly storedBefore: number;
  readonly storedAfter: number;
}

const parameters = (model: Cnn): number => cnnParams(model).reduce((s, p) => s + p.value.length, 0);
const stored = (model: Cnn): number => parameters(model) + model.blocks.reduce((s, b) => s + (b.bn ? 2 * b.bn.features : 0), 0);

function foldBlock(b: ConvBlock): { block: ConvBlock; record: FoldedLayer | null } {
  const conv = { ...b.conv, W: { ...b.conv.W, data: b.conv.W.data.slice() }, b: b.conv.b ? b.conv.b.slice() : null };
  const copy = (): ConvBlock => ({ ...b, conv, dW: zeros(b.dW.rows, b.dW.cols), db: conv.b ? new Float64Array(conv.b.length) : null, bn: null });
  if (!b.bn) return { block: copy(), record: null };
  const O = b.conv.outChannels, inner = b.conv.W.cols;
  const f = foldOutputChannels(b.conv.W.data, b.conv.b, b.bn, { outer: 1, outputs: O, inner });
  const W: Matrix = { rows: O, cols: inner, data: f.weight };
  const block: ConvBlock = { ...b, conv: { ...b.conv, W, b: f.bias }, dW: zeros(O, inner), db: new Float64Array(O), bn: null };
  return { block, record: { index: b.index, W, b: f.bias, scale: f.scale } };
}

/** Folds every BatchNorm2d into its convolution (running statistics: the eval-mode map). Does not modify `model`. */
export function foldCnn(model: Cnn): CnnFoldResult {
  const parts = model.blocks.map(foldBlock);
  const h = model.head;
  const head = { index: h.index, linear: { ...h.linear, W: { ...h.linear.W, data: h.linear.W.data.slice() }, b: h.linear.b ? h.linear.b.slice() : null }, dW: zeros(h.dW.rows, h.dW.cols), db: new Float64Array(h.db.length) };
  const folded: Cnn = { config: { ...model.config, channels: [...model.config.channels], bn: false }, blocks: parts.map((p) => p.block), head };
  return {
    model: folded,
    folded: parts.flatMap((p) => (p.record ? [p.record] : [])),
    parametersBefore: parameters(model),
    parametersAfter: parameters(folded),
    storedBefore: stored(model),
    storedAfter: stored(folded),
  };
}

/** Rows [from, to) of x [n × side²] (one grey image per row) as images [to − from, 1, side, side] (a copy). */
export function imageRows(x: Matrix, from: number, to: number, side: number): Tensor4 {
  if (x.cols !== side * side) throw new EngineError('shape', `rows of ${x.cols} values are not ${side} × ${side} images`);
  return tensor4([to - from, 1, side, side], x.data.slice(from * x.cols, to * x.cols));
}

/** fold's foldError for the CNN: eval-mode logits of `model` and `folded` on images x. Modifies neither model. */
export function cnnFoldError(model: Cnn, folded: Cnn, x: Tensor4): FoldError {
  const a = cnnForward(model, x, createCnnWorkspace(), 'eval').data;
  const b = cnnForward(folded, x, createCnnWorkspace(), 'eval').data;
  let maxAbs = 0, maxLogit = 0;
  for (let i = 0; i < a.length; i++) {
    maxAbs = Math.max(maxAbs, Math.abs(a[i] - b[i]));
    maxLogit = Math.max(maxLogit, Math.abs(a[i]));
  }
  return { maxAbs, maxLogit, relative: maxAbs / Math.max(1, maxLogit) };
}

const firstRow = (logits: Matrix): Float64Array => logits.data.slice(0, logits.cols);
function maxGap(a: Float64Array, b: Float64Array): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i] - b[i]));
  return gap;
}

/**
 * foldCheck's batchMateEffect for the CNN: images x [1 + 2k, C, H, W], image 0 in a batch with images
 * 1…k and then with k+1…2k, through the unfolded CNN in train mode (running statistics untouched)
 * and the folded one. Modifies neither model.
 */
export function cnnBatchMateEffect(model: Cnn, folded: Cnn, x: Tensor4): BatchMateEffect {
  const [n, C, H, W] = x.shape, size = C * H * W, k = (n - 1) >> 1;
  if (k < 1) throw new EngineError('batch-size', 'train mode needs at least one batch-mate for the sample');
  const batch = (from: number): Tensor4 => {
    const t = tensor4([1 + k, C, H, W], new Float64Array((1 + k) * size));
    t.data.set(x.data.subarray(0, size));
    t.data.set(x.data.subarray(from * size, (from + k) * size), size);
    return t;
  };
  const pass = (m: Cnn, t: Tensor4) => firstRow(cnnForward(m, t, createCnnWorkspace(), 'train', false));
  const a = batch(1), b = batch(1 + k);
  const trainA = pass(model, a), trainB = pass(model, b), foldedA = pass(folded, a), foldedB = pass(folded, b);
  const evalLogits = firstRow(cnnForward(model, tensor4([1, C, H, W], x.data.slice(0, size)), createCnnWorkspace(), 'eval'));
  return { trainA, trainB, trainGap: maxGap(trainA, trainB), foldedA, foldedB, foldedGap: maxGap(foldedA, foldedB), foldedVsEval: maxGap(foldedA, evalLogits) };
}

/** foldCheck's timePredictions for the CNN: eval-mode passes over images x until `minMs` on the clock `now`, after one warm-up pass. */
export function timeCnnPredictions(model: Cnn, x: Tensor4, now: () => number, minMs = 50): PredictionTiming {
  checkFinite('minimum time (ms)', minMs, 0);
  const ws = createCnnWorkspace();
  cnnForward(model, x, ws, 'eval');
  const start = now();
  let passes = 0, elapsed = 0;
  do {
    cnnForward(model, x, ws, 'eval');
    passes += 1;
    elapsed = now() - start;
  } while (elapsed < minMs);
  return { msPerSample: elapsed / (passes * x.shape[0]), passes };
}
