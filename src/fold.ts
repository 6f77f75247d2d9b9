import type { BatchNorm } from './batchnorm';
import { EngineError, checkInteger } from './errors';
import { type Matrix, zeros } from './matrix';
import { type BatchNormLayer, type Layer, type LinearLayer, type Model, cloneModel, parameterCount } from './model';

/**
 * Folding eval-mode batch norm into the linear map before it. In eval mode BN is the fixed affine map
 * y_j = s_j·(z_j − μ_j) + β_j with s_j = γ_j/√(σ²_j + ε) from the RUNNING statistics, so with
 * z = x·W + b the two layers are one linear layer:
 *
 *   W′[:, j] = W[:, j]·s_j        b′_j = (b_j − μ_j)·s_j + β_j        (b = 0 when the layer has no bias)
 *
 * per output unit j — per output channel for a conv weight [out, in, kh, kw]. In train mode there is
 * no such W′: μ and σ² are the batch's own, so one sample's output depends on its batch-mates.
 */

/**
 * Where output unit j's weights sit in a flat weight array: element (o, j, k) is at
 * (o·outputs + j)·inner + k, for o < outer and k < inner.
 *   linear W [in × out], row-major:   { outer: in, outputs: out, inner: 1 }
 *   conv weight [out, in, kh, kw]:    { outer: 1, outputs: out, inner: in·kh·kw }
 */
export interface FoldLayout {
  readonly outer: number;
  readonly outputs: number;
  readonly inner: number;
}

export interface FoldedChannels {
  /** W′, laid out like the weight given. */
  readonly weight: Float64Array;
  /** b′, one per output unit or channel. */
  readonly bias: Float64Array;
  /** s_j = γ_j/√(σ²_run,j + ε). */
  readonly scale: Float64Array;
}

/**
 * The per-output-channel core of folding: a new weight and bias (the inputs are not modified).
 * @param weight flat, [outer × outputs × inner] as `layout` says
 * @param bias [outputs], or null for a layer without bias (b = 0)
 * @param bn the eval-mode batch norm on the layer's output: `features` = outputs
 * @throws EngineError when the sizes do not match.
 */
export function foldOutputChannels(weight: Float64Array, bias: Float64Array | null, bn: BatchNorm, layout: FoldLayout): FoldedChannels {
  const { outer, outputs, inner } = layout;
  checkInteger('outer size', outer, 1);
  checkInteger('outputs', outputs, 1);
  checkInteger('inner size', inner, 1);
  if (weight.length !== outer * outputs * inner) {
    throw new EngineError('shape', `a weight of ${weight.length} values does not have the layout [${outer} × ${outputs} × ${inner}]`);
  }
  if (bn.features !== outputs) throw new EngineError('shape', `a batch norm over ${bn.features} features cannot fold into ${outputs} outputs`);
  if (bias && bias.length !== outputs) throw new EngineError('shape', `a bias of ${bias.length} values does not match ${outputs} outputs`);
  const scale = new Float64Array(outputs), folded = new Float64Array(outputs);
  for (let j = 0; j < outputs; j++) {
    scale[j] = bn.gamma[j] / Math.sqrt(bn.runningVar[j] + bn.eps);
    folded[j] = ((bias ? bias[j] : 0) - bn.runningMean[j]) * scale[j] + bn.beta[j];
  }
  const out = new Float64Array(weight.length);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < outputs; j++) {
      const s = scale[j];
      for (let k = 0, at = (o * outputs + j) * inner; k < inner; k++) out[at + k] = weight[at + k] * s;
    }
  }
  return { weight: out, bias: folded, scale };
}

/** One BN folded into the linear layer before it: layer l's W′, b′ and the scales s. */
export interface FoldedLayer {
  /** Layer number l (W_l, BN_l). */
  readonly index: number;
  /** W′ [inputs × outputs] and b′ [outputs]: the folded model's own arrays. */
  readonly W: Matrix;
  readonly b: Float64Array;
  readonly scale: Float64Array;
}

/** A BN left in place, and why. */
export interface KeptBatchNorm {
  readonly index: number;
  /** Its position in the original model's layers. */
  readonly position: number;
  readonly reason: string;
}

export interface FoldResult {
  /** The folded model: a new model, sharing nothing with the input; its config describes its layers. */
  readonly model: Model;
  readonly folded: readonly FoldedLayer[];
  readonly kept: readonly KeptBatchNorm[];
  /** Learnable numbers (W, b, γ, β) before and after. */
  readonly parametersBefore: number;
  readonly parametersAfter: number;
  /** Numbers stored for inference: the parameters plus BN's running mean and variance. */
  readonly storedBefore: number;
  readonly storedAfter: number;
}

/** Learnable numbers plus the running statistics of every BN. */
export function storedNumbers(model: Model): number {
  return parameterCount(model) + model.layers.reduce((s, l) => s + (l.kind === 'batchnorm' ? 2 * l.features : 0), 0);
}

function keptReason(layer: BatchNormLayer, before: Layer | undefined): string {
  const l = layer.index;
  if (before?.kind === 'activation' && before.fn === 'identity') {
    return `BN${l} follows an identity activation, so it could fold into W${l} exactly; this fold only merges a BN placed directly after a linear layer, so it is kept.`;
  }
  if (before?.kind === 'activation') {
    return `BN${l} comes after the activation (${before.fn}), not right after the linear map W${l}: the nonlinearity sits between them, so BN's affine map cannot be moved into W${l}. (It could fold forward into the next layer's weights; that is not done here.)`;
  }
  return `BN${l} does not follow a linear layer, so there is no W to fold it into.`;
}

function foldedLinear(linear: LinearLayer, bn: BatchNormLayer): { layer: LinearLayer; record: FoldedLayer } {
  const { inputs, outputs } = linear;
  const f = foldOutputChannels(linear.W.data, linear.b, bn, { outer: inputs, outputs, inner: 1 });
  const W: Matrix = { rows: inputs, cols: outputs, data: f.weight };
  const layer: LinearLayer = { kind: 'linear', index: linear.index, inputs, outputs, W, b: f.bias, dW: zeros(inputs, outputs), db: new Float64Array(outputs) };
  return { layer, record: { index: linear.index, W, b: f.bias, scale: f.scale } };
}

/**
 * Folds every BN that directly follows a linear layer into it, using the running statistics (the
 * eval-mode map). Returns a new model whose eval-mode AND train-mode outputs equal the input model's
 * eval-mode outputs, up to rounding; BNs after an activation stay, listed in `kept` with the reason.
 * Does not modify `model`.
 */
export function foldBatchNorm(model: Model): FoldResult {
  const copy = cloneModel(model);
  const layers: Layer[] = [];
  const folded: FoldedLayer[] = [];
  const kept: KeptBatchNorm[] = [];
  let outputFolded = false;
  copy.layers.forEach((layer, k) => {
    if (layer.kind !== 'batchnorm') {
      layers.push(layer);
      return;
    }
    const before = layers.at(-1);
    if (before?.kind === 'linear' && copy.layers[k - 1] === before) {
      const { layer: merged, record } = foldedLinear(before, layer);
      layers[layers.length - 1] = merged;
      folded.push(record);
      if (k === copy.layers.length - 1) outputFolded = true;
    } else {
      layers.push(layer);
      kept.push({ index: layer.index, position: k, reason: keptReason(layer, before) });
    }
  });
  const c = copy.config;
  const allBiased = layers.every((l) => l.kind !== 'linear' || l.b !== null);
  const config = {
    ...c,
    bn: c.bn === 'before' ? 'none' : c.bn,
    outputBn: c.outputBn && !outputFolded,
    bias: allBiased ? true : c.bias,
  } as const;
  const result: Model = { config, layers };
  return {
    model: result, folded, kept,
    parametersBefore: parameterCount(model), parametersAfter: parameterCount(result),
    storedBefore: storedNumbers(model), storedAfter: storedNumbers(result),
  };
}
