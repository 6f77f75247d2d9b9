import { checkBatchNormHyperparameters } from './batchnorm';
import { type BatchNorm2d, createBatchNorm2d } from './batchnorm2d';
import { type Conv2d, conv2dOutputShape, createConv2d } from './conv2d';
import { EngineError, checkInteger } from './errors';
import { type InitName, INITS, initStd, initWeights } from './init';
import { type Linear, createLinear } from './linear';
import { type Matrix, zeros } from './matrix';
import type { Param } from './model';
import { type NormKind, checkNormKind, createSampleNorm, normCancelsBias } from './norms';
import type { SampleNorm } from './sampleNorm';
import { withDefaults } from './options';
import { type Pool2d, type PoolKind, createPool2d } from './pool2d';
import type { Rng } from './rng';
import type { Shape4 } from './tensor4';
import { CNN_DEFAULTS } from './choices';

/**
 * A small convolutional classifier as plain data (forward and backward in ./cnnPass.ts). Block l
 * (1-based) of `channels` is
 *
 *   bn false: Conv2d_l (k × k, stride 1, no padding, with bias) → ReLU → Pool 2 × 2
 *   bn true : Conv2d_l (no bias: BN cancels it)  → BatchNorm2d_l → ReLU → Pool 2 × 2
 *
 * then Flatten → Linear_L → softmax-CE, with L = channels.length + 1. `norm` chooses another
 * normalization in BatchNorm2d's place (`bn` then says nothing; absent, it is bn ? 'bn' : 'none'):
 * LayerNorm or RMSNorm over the block's whole [O, h, w] (elementwise γ, β, as nn.LayerNorm([O, h, w])),
 * GroupNorm(groups, O), InstanceNorm2d(O) (no γ, β). The convolution keeps its bias only before
 * RMSNorm or no normalization (the others subtract a mean, which cancels it). The default on Fashion-MNIST:
 * [n, 1, 28, 28] → conv 1→8 → [n, 8, 26, 26] → pool → 13 × 13 → conv 8→16 → 11 × 11 → pool → 5 × 5
 * → flatten 400 → linear → 10.
 */
export interface CnnConfig {
  /** Input channels and side (square images): 1 and 28 for Fashion-MNIST. */
  readonly inChannels: number;
  readonly imageSize: number;
  /** Output channels of each convolution block. */
  readonly channels: readonly number[];
  /** Convolution kernel side k. */
  readonly kernel: number;
  readonly pool: PoolKind;
  readonly classes: number;
  /** BatchNorm2d after every convolution. */
  readonly bn: boolean;
  readonly eps: number;
  readonly momentum: number;
  readonly init: InitName;
  /** The normalization after every convolution (bn ? 'bn' : 'none' when not given), and GroupNorm's groups (default 4). */
  readonly norm: NormKind;
  readonly groups: number;
}

export type CnnOptions = Partial<CnnConfig>;
/** Gradient buffers of a per-sample normalization (null where it has no γ or β). */
export type CnnNorm = SampleNorm & { readonly dGamma: Float64Array | null; readonly dBeta: Float64Array | null };

export { CNN_DEFAULTS };

/** Convolution block l with its gradient buffers (overwritten by each backward pass). */
export interface ConvBlock {
  readonly index: number;
  readonly conv: Conv2d;
  /** ∂L/∂W_l [O × C·k·k] and ∂L/∂b_l (null without a bias). */
  readonly dW: Matrix;
  readonly db: Float64Array | null;
  readonly bn: (BatchNorm2d & { readonly dGamma: Float64Array; readonly dBeta: Float64Array }) | null;
  /** Any other normalization (config.norm not 'bn' or 'none'), over the convolution's output [O, h, w]. */
  readonly norm: CnnNorm | null;
  readonly pool: Pool2d;
  /** The shapes for one sample ([1, …]): the block's input and its pooled output. */
  readonly inShape: Shape4;
  readonly outShape: Shape4;
}

export interface Cnn {
  readonly config: CnnConfig;
  readonly blocks: readonly ConvBlock[];
  /** The classifier on the flattened last block, with its gradient buffers. */
  readonly head: { readonly index: number; readonly linear: Linear; readonly dW: Matrix; readonly db: Float64Array };
}

/** Fills in defaults and validates, including that every block's kernel and window fit. */
export function resolveCnnConfig(options: CnnOptions = {}): CnnConfig {
  const base = withDefaults(CNN_DEFAULTS, options);
  const norm = options.norm ?? (base.bn ? 'bn' : 'none');
  const c: CnnConfig = { ...base, channels: [...(options.channels ?? CNN_DEFAULTS.channels)], norm, bn: norm === 'bn', groups: options.groups ?? 4 };
  checkNormKind(c.norm);
  checkInteger('groups', c.groups, 1);
  checkInteger('inChannels', c.inChannels, 1);
  checkInteger('imageSize', c.imageSize, 1);
  checkInteger('kernel', c.kernel, 1);
  checkInteger('classes', c.classes, 2);
  if (!Array.isArray(c.channels) || c.channels.length === 0) throw new EngineError('config', 'a CNN needs at least one convolution block');
  c.channels.forEach((w, i) => checkInteger(`channels[${i}] (output channels of block ${i + 1})`, w, 1));
  if (typeof c.bn !== 'boolean') throw new EngineError('config', 'bn must be true or false');
  if (!INITS.includes(c.init)) throw new EngineError('config', `unknown initialization "${String(c.init)}", expected one of ${INITS.join(', ')}`);
  createPool2d(c.pool);
  checkBatchNormHyperparameters(c.eps, c.momentum);
  return c;
}

/** The pooled output side of a block whose input side is `size`, or an error naming the block. */
function blockOutput(conv: Conv2d, pool: Pool2d, inShape: Shape4, l: number): Shape4 {
  const [, O, h, w] = conv2dOutputShape(conv, inShape);
  if (h < pool.kernel || w < pool.kernel) {
    throw new EngineError('config', `block ${l}'s convolution output is ${h} × ${w}, too small for its ${pool.kernel} × ${pool.kernel} pooling: use fewer blocks or larger images`);
  }
  return [1, O, Math.floor((h - pool.kernel) / pool.stride) + 1, Math.floor((w - pool.kernel) / pool.stride) + 1];
}

/** The per-sample normalization of block l over its convolution's output [1, O, h, w]; errors name the block. */
function blockNorm(c: CnnConfig, [, O, h, w]: Shape4, l: number): CnnNorm {
  try {
    const norm = createSampleNorm(c.norm, [O, h, w], c.groups, c.eps);
    return { ...norm, dGamma: norm.gamma && new Float64Array(norm.gamma.length), dBeta: norm.beta && new Float64Array(norm.beta.length) };
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.code, `block ${l} (${O} channels): ${e.message}`);
    throw e;
  }
}

/**
 * Builds a CNN. The weights W_1 … W_L are drawn from `rng` in that order (a convolution's as
 * N(0, std²) with the fan-in C·k·k, see init.ts) and nothing else draws from it, so the same seed
 * gives the same weights with and without BN. Biases start at 0. Advances `rng`.
 */
export function createCnn(options: CnnOptions, rng: Rng): Cnn {
  const c = resolveCnnConfig(options);
  const k = c.kernel;
  let inShape: Shape4 = [1, c.inChannels, c.imageSize, c.imageSize];
  const blocks = c.channels.map((O, i): ConvBlock => {
    const index = i + 1, C = inShape[1];
    const conv = createConv2d(C, O, k, { bias: !normCancelsBias(c.norm) });
    const std = initStd(c.init, C * k * k, O * k * k);
    for (let j = 0; j < conv.W.data.length; j++) conv.W.data[j] = std * rng.gaussian();
    const pool = createPool2d(c.pool);
    const outShape = blockOutput(conv, pool, inShape, index);
    const bn = c.bn ? { ...createBatchNorm2d(O, { eps: c.eps, momentum: c.momentum }), dGamma: new Float64Array(O), dBeta: new Float64Array(O) } : null;
    const norm = c.norm === 'bn' || c.norm === 'none' ? null : blockNorm(c, conv2dOutputShape(conv, inShape), index);
    const block: ConvBlock = { index, conv, dW: zeros(O, C * k * k), db: conv.b ? new Float64Array(O) : null, bn, norm, pool, inShape, outShape };
    inShape = outShape;
    return block;
  });
  const features = inShape[1] * inShape[2] * inShape[3];
  const linear = createLinear(features, c.classes);
  initWeights(linear.W, c.init, rng);
  return { config: c, blocks, head: { index: blocks.length + 1, linear, dW: zeros(features, c.classes), db: new Float64Array(c.classes) } };
}

/** The parameters in layer order (W_l, b_l, γ_l, β_l; then W_L, b_L), as optimizers see them. */
export function cnnParams(model: Cnn): Param[] {
  const out: Param[] = [];
  for (const b of model.blocks) {
    out.push({ name: `W${b.index}`, value: b.conv.W.data, grad: b.dW.data });
    if (b.conv.b && b.db) out.push({ name: `b${b.index}`, value: b.conv.b, grad: b.db });
    if (b.bn) {
      out.push({ name: `gamma${b.index}`, value: b.bn.gamma, grad: b.bn.dGamma });
      out.push({ name: `beta${b.index}`, value: b.bn.beta, grad: b.bn.dBeta });
    }
    if (b.norm?.gamma && b.norm.dGamma) out.push({ name: `gamma${b.index}`, value: b.norm.gamma, grad: b.norm.dGamma });
    if (b.norm?.beta && b.norm.dBeta) out.push({ name: `beta${b.index}`, value: b.norm.beta, grad: b.norm.dBeta });
  }
  const h = model.head;
  out.push({ name: `W${h.index}`, value: h.linear.W.data, grad: h.dW.data });
  if (h.linear.b) out.push({ name: `b${h.index}`, value: h.linear.b, grad: h.db });
  return out;
}
