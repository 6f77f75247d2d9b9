import { DEFAULT_EPS } from './batchnorm';
import { EngineError, checkFinite, checkInteger } from './errors';
import type { Matrix } from './matrix';
import { type SampleNorm, type SampleNormForward, sampleNormForward } from './sampleNorm';
import { type Tensor4, formatShape } from './tensor4';
import { NORM_KINDS, type NormKind } from './choices';

/**
 * PyTorch's per-sample normalization layers, built on ./sampleNorm.ts (whose exact backward,
 * `sampleNormBackward`, serves all four). Defaults are PyTorch's:
 *   nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True, bias=True)
 *   nn.GroupNorm(num_groups, num_channels, eps=1e-5, affine=True)
 *   nn.InstanceNorm2d(num_features, eps=1e-5, affine=False, track_running_stats=False)
 *   nn.RMSNorm(normalized_shape, eps=None, elementwise_affine=True): eps None is torch.finfo(dtype).eps,
 *     for float64 (this engine's only type) 2⁻⁵² = Number.EPSILON = 2.220446049250313e-16.
 * γ starts at 1 and β at 0.
 */
export const RMS_NORM_DEFAULT_EPS = Number.EPSILON;

/** A LayerNorm or RMSNorm: normalizes over the trailing `normalizedShape` dimensions, elementwise γ (and β). */
export interface TrailingNorm extends SampleNorm {
  readonly normalizedShape: readonly number[];
}

export interface LayerNormOptions {
  eps?: number;
  /** γ and β, one per normalized element (default true). */
  elementwiseAffine?: boolean;
  /** β (default true; PyTorch's `bias`, used only with elementwiseAffine). */
  bias?: boolean;
}

function checkShape(what: string, shape: readonly number[]): number {
  if (shape.length === 0) throw new EngineError('config', `${what} needs a non-empty normalized_shape`);
  shape.forEach((s, i) => checkInteger(`normalized_shape[${i}]`, s, 1));
  return shape.reduce((a, b) => a * b, 1);
}

const shapeOf = (s: number | readonly number[]): readonly number[] => (typeof s === 'number' ? [s] : [...s]);

/** nn.LayerNorm over the trailing `normalizedShape` (e.g. n for a matrix [m × n], or [c, h, w] for images). */
export function createLayerNorm(normalizedShape: number | readonly number[], options: LayerNormOptions = {}): TrailingNorm {
  const shape = shapeOf(normalizedShape), size = checkShape('LayerNorm', shape);
  const eps = options.eps ?? DEFAULT_EPS, affine = options.elementwiseAffine ?? true;
  checkFinite('ε (eps)', eps, 0);
  return {
    norm: 'layer', normalizedShape: shape, channels: size, groups: 1, eps,
    gamma: affine ? new Float64Array(size).fill(1) : null,
    beta: affine && (options.bias ?? true) ? new Float64Array(size) : null,
  };
}

/** nn.RMSNorm: y = x/√(mean(x²) + ε)·γ over the trailing `normalizedShape`; no β, no centring. */
export function createRmsNorm(normalizedShape: number | readonly number[], options: { eps?: number; elementwiseAffine?: boolean } = {}): TrailingNorm {
  const shape = shapeOf(normalizedShape), size = checkShape('RMSNorm', shape);
  const eps = options.eps ?? RMS_NORM_DEFAULT_EPS;
  checkFinite('ε (eps)', eps, 0);
  return { norm: 'rms', normalizedShape: shape, channels: size, groups: 1, eps, gamma: (options.elementwiseAffine ?? true) ? new Float64Array(size).fill(1) : null, beta: null };
}

/** nn.GroupNorm. @throws EngineError with PyTorch's "num_channels must be divisible by num_groups". */
export function createGroupNorm(numGroups: number, numChannels: number, options: { eps?: number; affine?: boolean } = {}): SampleNorm {
  checkInteger('num_groups', numGroups, 1);
  checkInteger('num_channels', numChannels, 1);
  if (numChannels % numGroups !== 0) {
    throw new EngineError('config', `num_channels must be divisible by num_groups (num_channels=${numChannels}, num_groups=${numGroups})`);
  }
  const eps = options.eps ?? DEFAULT_EPS, affine = options.affine ?? true;
  checkFinite('ε (eps)', eps, 0);
  return { norm: 'group', channels: numChannels, groups: numGroups, eps, gamma: affine ? new Float64Array(numChannels).fill(1) : null, beta: affine ? new Float64Array(numChannels) : null };
}

/** nn.InstanceNorm2d: GroupNorm with one group per channel, by default without γ, β and without running statistics. */
export function createInstanceNorm2d(numFeatures: number, options: { eps?: number; affine?: boolean } = {}): SampleNorm {
  const g = createGroupNorm(numFeatures, numFeatures, { eps: options.eps, affine: options.affine ?? false });
  return { ...g, norm: 'instance' };
}

const dims = (x: Matrix | Tensor4): readonly number[] => ('shape' in x ? x.shape : [x.rows, x.cols]);

/**
 * LayerNorm or RMSNorm forward of a matrix [m × n] or images [N, c, h, w] whose trailing dimensions are
 * the layer's normalizedShape; every leading index is one sample. Returns the record (its y laid out as x).
 * @throws EngineError with PyTorch's message when the trailing dimensions differ.
 */
export function trailingNormForward(norm: TrailingNorm, x: Matrix | Tensor4, out?: SampleNormForward): SampleNormForward {
  const d = dims(x), k = norm.normalizedShape.length, tail = d.slice(d.length - k);
  if (k > d.length || tail.some((s, i) => s !== norm.normalizedShape[i])) {
    const star = formatShape(['*', ...norm.normalizedShape]);
    throw new EngineError('shape', `Given normalized_shape=${formatShape(norm.normalizedShape)}, expected input with shape ${star}, but got input of size${formatShape(d)}`);
  }
  return sampleNormForward(norm, x.data, x.data.length / norm.channels, 1, out);
}

/**
 * GroupNorm or InstanceNorm forward of images [n, C, H, W] (or, GroupNorm only, a matrix [n × C]: one pixel).
 * @throws EngineError on a channel mismatch; for InstanceNorm, with PyTorch's message when H·W = 1.
 */
export function groupNormForward(norm: SampleNorm, x: Matrix | Tensor4, out?: SampleNormForward): SampleNormForward {
  const d = dims(x), n = d[0], C = d[1], P = d.length === 4 ? d[2] * d[3] : 1;
  if (C !== norm.channels) {
    throw new EngineError('shape', `${norm.norm === 'instance' ? 'InstanceNorm2d' : 'GroupNorm'} has ${norm.channels} channels but the input ${formatShape(d)} has ${C}`);
  }
  if (norm.norm === 'instance' && P <= 1) {
    throw new EngineError('batch-size', `Expected more than 1 spatial element when training, got input size ${formatShape(d)}`);
  }
  return sampleNormForward(norm, x.data, n, P, out);
}

/**
 * A network's normalization choice (the model builder, the comparison, the CLI's --norm): none,
 * BatchNorm (1d in an MLP, 2d in a CNN), LayerNorm, GroupNorm (with a number of groups), InstanceNorm
 * (CNN only: an MLP's feature has one value per sample, nothing to normalize over) or RMSNorm.
 */
export type { NormKind };
export { NORM_KINDS };

/** @throws EngineError unless `norm` is one of NORM_KINDS. */
export function checkNormKind(norm: unknown, what = 'norm'): asserts norm is NormKind {
  if (!(NORM_KINDS as readonly unknown[]).includes(norm)) {
    throw new EngineError('config', `unknown ${what} "${String(norm)}", expected one of ${NORM_KINDS.join(', ')}`);
  }
}

/** Whether a norm subtracts a mean, which cancels the bias of a linear map or convolution right before it (RMSNorm does not). */
export const normCancelsBias = (norm: NormKind): boolean => norm !== 'none' && norm !== 'rms';

/**
 * The per-sample layer of `kind` for samples of `shape` ([features] in an MLP, [c, h, w] in a CNN):
 * LayerNorm and RMSNorm over the whole shape, elementwise; GroupNorm with `groups`;
 * InstanceNorm2d without affine. `eps` applies to LayerNorm, GroupNorm and InstanceNorm (RMSNorm keeps
 * PyTorch's eps=None). @throws EngineError for 'none' and 'bn' (not per-sample) or groups not dividing channels.
 */
export function createSampleNorm(kind: NormKind, shape: readonly number[], groups: number, eps: number): SampleNorm {
  switch (kind) {
    case 'layer': return createLayerNorm(shape, { eps });
    case 'rms': return createRmsNorm(shape);
    case 'group': return createGroupNorm(groups, shape[0], { eps });
    case 'instance': return createInstanceNorm2d(shape[0], { eps });
    default: throw new EngineError('config', `"${kind}" is not a per-sample normalization`);
  }
}
