import { type BatchNorm2d, batchNorm2dForward, createBatchNorm2d } from '../../../src/batchnorm2d';
import { conv2dForward } from '../../../src/conv2d';
import type { FashionSplit } from '../../../src/fashion';
import { createGroupNorm, createInstanceNorm2d, createLayerNorm, groupNormForward, trailingNormForward } from '../../../src/norms';
import type { SampleNorm, SampleNormForward } from '../../../src/sampleNorm';
import { type Tensor4, tensor4, zeros4 } from '../../../src/tensor4';
import type { ExportTable } from '../../ui/export/table';
import { type StatSet, convSetup } from '../images/imagesView';

/**
 * One idea, four axes, as data (no React): a Fashion-MNIST batch through one convolution (the images
 * section's, ../images/imagesView.ts), then BatchNorm2d, LayerNorm, InstanceNorm2d or GroupNorm, all by
 * the engine. Wu & He (2018, §3) write all four as one formula whose statistics are taken over a set:
 * BN over (N, H, W) per channel, LN over (C, H, W) per sample, IN over (H, W) per sample and channel,
 * GN over (C/G, H, W) per sample and group of channels.
 */
export type FamilyNorm = 'bn' | 'layer' | 'instance' | 'group';
export const FAMILY_NORMS: readonly FamilyNorm[] = ['bn', 'layer', 'instance', 'group'];
export const FAMILY_NAMES: Readonly<Record<FamilyNorm, string>> = { bn: 'BatchNorm', layer: 'LayerNorm', instance: 'InstanceNorm', group: 'GroupNorm' };

/** The batch: n images, c channels, 3 × 3 kernels; the running statistics see `TRAIN_BATCHES` other batches of n first. */
export const FAMILY_N = 4;
export const FAMILY_C = 8;
const KERNEL = 3;
export const TRAIN_BATCHES = 40;
/** Images convolved per step of familyBaseSteps. */
export const CONV_PIECE = 20;

export interface FamilySettings {
  norm: FamilyNorm;
  groups: number;
  /** The channel whose set is shown (0-based), and the other sample replaced (1 … n − 1, 0-based). */
  channel: number;
  swap: number;
  seed: number;
}

/** One normalization's output on a block, or the engine's refusal (GroupNorm with G not dividing c). */
type Output = { y: Float64Array; mean: number; variance: number } | { refused: string };

export interface FamilyPass {
  readonly settings: FamilySettings;
  /** The block z [n, c, h, w] (conv output), and the same batch with sample `swap` replaced by another image. */
  readonly z: Tensor4;
  readonly swapped: Tensor4;
  readonly labels: readonly number[];
  readonly swapLabel: number;
  /** The chosen norm's set (sample 1, the chosen channel) and its μ, σ² — or PyTorch's message. */
  readonly set: StatSet;
  readonly stats: { mean: number; variance: number; count: number } | { refused: string };
  /** Per norm: the largest |Δ| in sample 1's output when another sample of the batch is replaced. */
  readonly swapDelta: Readonly<Record<FamilyNorm, number | string>>;
  /** Per norm: the largest |Δ| between sample 1's output in train mode in the batch and in eval mode, alone. */
  readonly modeDelta: Readonly<Record<FamilyNorm, number | string>>;
  /** BN's channel statistic in the batch and its running estimate after TRAIN_BATCHES steps. */
  readonly running: { batchMean: number; batchVar: number; runMean: number; runVar: number };
}

const sampleLen = (t: Tensor4): number => t.shape[1] * t.shape[2] * t.shape[3];

/** Samples [from, from + count) of t, with one replaced by another block's sample if asked. */
function slice(t: Tensor4, from: number, count: number, replace?: { at: number; by: number }): Tensor4 {
  const S = sampleLen(t), out = new Float64Array(count * S);
  for (let i = 0; i < count; i++) {
    const src = replace && replace.at === i ? replace.by : from + i;
    out.set(t.data.subarray(src * S, (src + 1) * S), i * S);
  }
  return tensor4([count, t.shape[1], t.shape[2], t.shape[3]], out);
}

/** The layer of a per-sample kind (GroupNorm: may throw PyTorch's message). */
function perSample(norm: Exclude<FamilyNorm, 'bn'>, c: number, h: number, w: number, groups: number): SampleNorm {
  if (norm === 'layer') return createLayerNorm([c, h, w]);
  if (norm === 'instance') return createInstanceNorm2d(c);
  return createGroupNorm(groups, c);
}

function forward(layer: SampleNorm, z: Tensor4): SampleNormForward {
  return layer.norm === 'layer' ? trailingNormForward(layer as Parameters<typeof trailingNormForward>[0], z) : groupNormForward(layer, z);
}

/** Sample 1's output and the statistic of the set holding (sample 1, channel) under `norm` (train mode for BN). */
function outputOf(norm: FamilyNorm, z: Tensor4, channel: number, groups: number): Output {
  const [, c, h, w] = z.shape;
  const S = c * h * w;
  if (norm === 'bn') {
    const f = batchNorm2dForward(createBatchNorm2d(c), z, 'train', false);
    return { y: f.y.data.slice(0, S), mean: f.bn.mean[channel], variance: f.bn.variance[channel] };
  }
  let layer: SampleNorm;
  try {
    layer = perSample(norm, c, h, w, groups);
  } catch (e) {
    return { refused: e instanceof Error ? e.message : String(e) };
  }
  const f = forward(layer, z);
  const g = Math.floor(channel / (layer.channels / layer.groups));
  const s = norm === 'layer' ? 0 : g;
  return { y: f.y.slice(0, S), mean: f.mean[s], variance: 1 / f.invStd[s] ** 2 - layer.eps };
}

/** The largest |a_k − b_k|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k] - b[k]));
  return d;
}

/** The cells (sample 1 row, channel column) whose values one statistic of `norm` is taken over. */
export function familySet(norm: FamilyNorm, n: number, c: number, channel: number, groups: number): StatSet {
  const per = c % groups === 0 ? c / groups : 0;
  const g = per ? Math.floor(channel / per) : -1;
  const inSet = (i: number, ch: number): boolean => {
    if (norm === 'bn') return ch === channel;
    if (i !== 0) return false;
    if (norm === 'layer') return true;
    if (norm === 'instance') return ch === channel;
    return per > 0 && Math.floor(ch / per) === g;
  };
  const labels: Record<FamilyNorm, string> = {
    bn: `BatchNorm, channel ${channel + 1}: all ${n} samples × all positions (N, H, W)`,
    layer: 'LayerNorm, sample 1: all channels × all positions (C, H, W)',
    instance: `InstanceNorm, sample 1, channel ${channel + 1}: all positions (H, W)`,
    group: !per
      ? `GroupNorm with G = ${groups}: no set (G does not divide c = ${c})`
      : per === 1
        ? `GroupNorm, sample 1, group ${g + 1} of ${groups} (channel ${g + 1}): C/G = 1 channel × all positions`
        : `GroupNorm, sample 1, group ${g + 1} of ${groups} (channels ${g * per + 1}–${(g + 1) * per}): C/G = ${per} channels × all positions`,
  };
  return { label: labels[norm], cells: Array.from({ length: n }, (_, i) => Array.from({ length: c }, (_, ch) => inSet(i, ch))) };
}

/** How many values the chosen set holds. */
export function familyCount(norm: FamilyNorm, n: number, c: number, h: number, w: number, groups: number): number {
  const per = { bn: n, layer: c, instance: 1, group: c / groups }[norm];
  return per * h * w;
}

/**
 * What the section computes once per seed, whatever the settings: the convolution of every image it uses (the
 * batch, the image swapped in, TRAIN_BATCHES other batches) and BN's running statistics after TRAIN_BATCHES
 * train-mode steps on those other batches. The bulk of the engine's work (issue 15: computed with the rest in one
 * render, the section's first pass was a task of 178 ms); `familyPass` adds what the settings choose.
 */
export interface FamilyBase {
  readonly seed: number;
  /** All the images' convolution outputs [FAMILY_N + 1 + TRAIN_BATCHES·FAMILY_N, c, h, w], and their labels. */
  readonly all: Tensor4;
  readonly labels: readonly number[];
  /** BatchNorm2d after its TRAIN_BATCHES steps (its running statistics; only read from here on). */
  readonly bn: BatchNorm2d;
}

/**
 * familyBase one piece at a time: the convolution, then each of BN's training steps (issue 15: in one task it was
 * 45–75 ms while the reader scrolled past). @throws EngineError only for what convImages refuses.
 */
export function* familyBaseSteps(split: FashionSplit, side: number, seed: number): Generator<void, FamilyBase> {
  const images = FAMILY_N + 1 + TRAIN_BATCHES * FAMILY_N;
  const { x, conv, labels } = convSetup(split, side, { n: images, c: FAMILY_C, k: KERNEL, seed });
  // The convolution CONV_PIECE images at a time (all at once it was a task of 26–45 ms by itself): each output sample
  // depends on its own image only, so the pieces put together are the whole batch's output.
  const n = x.shape[0];
  const piece = (from: number): Tensor4 => conv2dForward(conv, slice(x, from, Math.min(CONV_PIECE, n - from))).y;
  const first = piece(0);
  const all = zeros4([n, first.shape[1], first.shape[2], first.shape[3]]);
  all.data.set(first.data, 0);
  for (let from = CONV_PIECE; from < n; from += CONV_PIECE) {
    yield;
    all.data.set(piece(from).data, from * sampleLen(first));
  }
  const bn = createBatchNorm2d(FAMILY_C);
  for (let t = 0; t < TRAIN_BATCHES; t++) {
    yield;
    batchNorm2dForward(bn, slice(all, FAMILY_N + 1 + t * FAMILY_N, FAMILY_N), 'train', true);
  }
  return { seed, all, labels, bn };
}

/** A generator's pieces all at once: its result. */
function allAtOnce<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** familyBaseSteps all at once. @throws EngineError only for what convImages refuses. */
export function familyBase(split: FashionSplit, side: number, seed: number): FamilyBase {
  return allAtOnce(familyBaseSteps(split, side, seed));
}

/** Sample 1's output in train mode (in the batch) and in eval mode (alone, with the running statistics). */
function bnModes(bn: BatchNorm2d, zA: Tensor4, channel: number): { delta: number; running: FamilyPass['running'] } {
  const S = sampleLen(zA);
  const train = batchNorm2dForward(bn, zA, 'train', false);
  const trainY = train.y.data.slice(0, S);
  const batchMean = train.bn.mean[channel], batchVar = train.bn.variance[channel];
  const evalY = batchNorm2dForward(bn, slice(zA, 0, 1), 'eval').y.data;
  return { delta: maxAbsDiff(trainY, evalY), running: { batchMean, batchVar, runMean: bn.runningMean[channel], runVar: bn.runningVar[channel] } };
}

/**
 * Everything the section shows for its settings, by the engine, from the seed's `base` (familyBase), one piece at a
 * time: BN's two modes, then each normalization's outputs (issue 15: in one render it was a task of 58 ms while the
 * reader scrolled past, 38 of them in the forward passes).
 */
export function* familyPassSteps(base: FamilyBase, s: Omit<FamilySettings, 'seed'>): Generator<void, FamilyPass> {
  const { all } = base;
  const z = slice(all, 0, FAMILY_N);
  const swapped = slice(all, 0, FAMILY_N, { at: s.swap, by: FAMILY_N });
  const [, c, h, w] = z.shape;
  const swapDelta = {} as Record<FamilyNorm, number | string>;
  const modeDelta = {} as Record<FamilyNorm, number | string>;
  const modes = bnModes(base.bn, z, s.channel);
  let chosen: Output | undefined;
  for (const norm of FAMILY_NORMS) {
    yield;
    const a = outputOf(norm, z, s.channel, s.groups), b = outputOf(norm, swapped, s.channel, s.groups);
    if (norm === s.norm) chosen = a;
    swapDelta[norm] = 'refused' in a || 'refused' in b ? ('refused' in a ? a.refused : '') : maxAbsDiff(a.y, b.y);
    if (norm === 'bn') modeDelta.bn = modes.delta;
    else {
      const alone = outputOf(norm, slice(z, 0, 1), s.channel, s.groups);
      modeDelta[norm] = 'refused' in a || 'refused' in alone ? swapDelta[norm] : maxAbsDiff(a.y, alone.y);
    }
  }
  chosen ??= outputOf(s.norm, z, s.channel, s.groups);
  return {
    settings: { ...s, seed: base.seed }, z, swapped,
    labels: base.labels.slice(0, FAMILY_N),
    swapLabel: base.labels[FAMILY_N],
    set: familySet(s.norm, FAMILY_N, c, s.channel, s.groups),
    stats: 'refused' in chosen ? chosen : { mean: chosen.mean, variance: chosen.variance, count: familyCount(s.norm, FAMILY_N, c, h, w, s.groups) },
    swapDelta, modeDelta, running: modes.running,
  };
}

/** familyPassSteps all at once. */
export function familyPass(base: FamilyBase, s: Omit<FamilySettings, 'seed'>): FamilyPass {
  return allAtOnce(familyPassSteps(base, s));
}

/** The consequences as a table (the export): per norm, the two largest differences. */
export function consequenceTable(p: FamilyPass): ExportTable {
  const rows = FAMILY_NORMS.map((norm) => ({ norm: FAMILY_NAMES[norm], swap: p.swapDelta[norm], mode: p.modeDelta[norm] }));
  return {
    columns: [
      { key: 'norm', label: 'normalization' },
      { key: 'swap', label: `max |Δ| of sample 1's output, sample ${p.settings.swap + 1} replaced` },
      { key: 'mode', label: "max |Δ| of sample 1's output, train (in the batch) vs eval (alone)" },
    ],
    rows,
  };
}
