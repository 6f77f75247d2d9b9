import { batchNorm2dForward, createBatchNorm2d } from '../../../src/batchnorm2d';
import { type Conv2d, conv2dForward, createConv2d } from '../../../src/conv2d';
import type { FashionSplit } from '../../../src/fashion';
import { initStd } from '../../../src/init';
import { createRng, permutation } from '../../../src/rng';
import { type Tensor4, tensor4 } from '../../../src/tensor4';
import type { Points } from '../../state/props';
import { type ExportTable, tableOf } from '../../ui/export/table';

/**
 * Batch norm for images, as data (no React): a batch of n Fashion-MNIST images through one
 * convolution 1 → c (k × k, zero padding ⌊k/2⌋, no bias, He-initialized weights from the seed) and
 * PyTorch's BatchNorm2d in train mode, all by the engine; and the set of values one statistic is taken
 * over, as a parameter of the drawing (BN's now; LayerNorm's, InstanceNorm's, GroupNorm's are other sets).
 */

export interface ImagesSettings {
  n: number;
  c: number;
  k: number;
  seed: number;
  gamma: Points;
  beta: Points;
}

export interface ImagesPass {
  readonly settings: ImagesSettings;
  /** Which training images (rows of the split) are in the batch, in order. */
  readonly indices: readonly number[];
  /** Their labels. */
  readonly labels: readonly number[];
  /** The batch, [n, 1, 28, 28], pixels in [0, 1]. */
  readonly x: Tensor4;
  /** The convolution's output, BN's input: [n, c, h, w]. */
  readonly z: Tensor4;
  /** BatchNorm2d's output (train mode, the batch's statistics): [n, c, h, w]. */
  readonly y: Tensor4;
  /** The batch statistics per channel, μ_c and σ²_c (biased, over n·h·w values). */
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  /** γ_c and β_c as BN used them. */
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  /** The mean and (biased) variance of each channel of y over its n·h·w values, by the engine's BatchNorm2d. */
  readonly meanAfter: Float64Array;
  readonly varianceAfter: Float64Array;
  readonly eps: number;
  /** How many values each channel's statistics are over: the rows of the engine's [n·h·w × c] pixels-by-channels matrix. */
  readonly m: number;
  /** The padding used, ⌊k/2⌋. */
  readonly padding: number;
}

/** γ_c for channel c: its entry in the URL's points, else PyTorch's 1. */
export const gammaOf = (g: Points, c: number): number => g[c] ?? 1;
/** β_c: its entry, else 0. */
export const betaOf = (b: Points, c: number): number => b[c] ?? 0;

/** The images the seed picks: the first n of a permutation of the split, so a larger n keeps the first ones. */
function pickImages(split: FashionSplit, n: number, seed: number): { indices: number[]; rng: ReturnType<typeof createRng> } {
  const rng = createRng(seed);
  const order = permutation(split.x.rows, rng);
  return { indices: Array.from(order.subarray(0, Math.min(n, split.x.rows))), rng };
}

export type ConvSettings = Pick<ImagesSettings, 'n' | 'c' | 'k' | 'seed'>;

/** The batch the seed picks and the convolution it draws, not applied yet (convImages applies it; section 20 in pieces). */
export function convSetup(split: FashionSplit, side: number, s: ConvSettings): Pick<ImagesPass, 'indices' | 'labels' | 'x' | 'padding'> & { conv: Conv2d } {
  const { indices, rng } = pickImages(split, s.n, s.seed);
  const n = indices.length, P = side * side;
  const pixels = new Float64Array(n * P);
  indices.forEach((row, i) => pixels.set(split.x.data.subarray(row * P, (row + 1) * P), i * P));
  const x = tensor4([n, 1, side, side], pixels);
  const padding = Math.floor(s.k / 2);
  const conv = createConv2d(1, s.c, s.k, { padding, bias: false });
  // As the engine's CNN draws a convolution's weights: N(0, std²) with He's std for the fan-in 1·k·k.
  const std = initStd('he', s.k * s.k, s.c * s.k * s.k);
  for (let j = 0; j < conv.W.data.length; j++) conv.W.data[j] = std * rng.gaussian();
  return { indices, labels: indices.map((r) => split.y[r]), x, conv, padding };
}

/** The first part of the pass: the batch the seed picks and its convolution (no batch norm yet). */
export function convImages(split: FashionSplit, side: number, s: ConvSettings): Pick<ImagesPass, 'indices' | 'labels' | 'x' | 'z' | 'padding'> {
  const { conv, ...rest } = convSetup(split, side, s);
  return { ...rest, z: conv2dForward(conv, rest.x).y };
}

/** Everything the section shows, computed by the engine. @throws EngineError for settings the engine refuses. */
export function imagesPass(split: FashionSplit, side: number, s: ImagesSettings): ImagesPass {
  const { indices, labels, x, z, padding } = convImages(split, side, s);
  const bn = createBatchNorm2d(s.c);
  for (let c = 0; c < s.c; c++) {
    bn.gamma[c] = gammaOf(s.gamma, c);
    bn.beta[c] = betaOf(s.beta, c);
  }
  const fwd = batchNorm2dForward(bn, z, 'train', false);
  // The output's own per-channel statistics: the same engine pass on y (a fresh BN, γ = 1, β = 0).
  const after = batchNorm2dForward(createBatchNorm2d(s.c), fwd.y, 'train', false).bn;
  return {
    settings: s,
    indices,
    labels,
    x,
    z,
    y: fwd.y,
    mean: Float64Array.from(fwd.bn.mean),
    variance: Float64Array.from(fwd.bn.variance),
    gamma: Float64Array.from(bn.gamma),
    beta: Float64Array.from(bn.beta),
    meanAfter: Float64Array.from(after.mean),
    varianceAfter: Float64Array.from(after.variance),
    eps: bn.eps,
    m: fwd.rows.rows,
    padding,
  };
}

/**
 * The values one statistic is taken over in an [n, c, h, w] block: cells[i][ch] says whether the
 * feature map of sample i, channel ch belongs to the set; every position (h·w of them) of a cell in the
 * set does. BatchNorm2d's set for channel ch is column ch: all samples, all positions. (LayerNorm's
 * would be a row, InstanceNorm's one cell, GroupNorm's part of a row.)
 */
export interface StatSet {
  /** Says what the set is, e.g. "BatchNorm2d, channel 2: all 4 samples × all 28·28 positions". */
  readonly label: string;
  readonly cells: readonly (readonly boolean[])[];
}

/** BatchNorm2d's set for one channel. */
export function batchNormSet(n: number, c: number, channel: number, h: number, w: number): StatSet {
  const cells = Array.from({ length: n }, () => Array.from({ length: c }, (_, ch) => ch === channel));
  return { label: `BatchNorm2d, channel ${channel + 1}: all ${n} ${n === 1 ? 'sample' : 'samples'} × all ${h}·${w} positions`, cells };
}

/** How many values the set holds: cells in it × h·w. */
export function setSize(set: StatSet, h: number, w: number): number {
  return set.cells.reduce((sum, row) => sum + row.filter(Boolean).length, 0) * h * w;
}

/** The m of a channel's statistic written out, "m = n · h · w = 4 · 28 · 28 = 3,136" (m: the engine's count). */
export function mFormula(n: number, h: number, w: number, m: number): string {
  return `m = n · h · w = ${n} · ${h} · ${w} = ${m.toLocaleString('en')}`;
}

/** The shape as the page prints it, n × c × h × w with the numbers. */
export const blockShape = (t: Tensor4): string => t.shape.join(' × ');

/** The largest |value| of a tensor, or of the feature maps given: a symmetric colour scale's end. */
export function absMax(values: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < values.length; i++) r = Math.max(r, Math.abs(values[i]));
  return r;
}

/** One feature map (sample i, channel ch) as a view of the tensor's data. */
export function featureMap(t: Tensor4, i: number, ch: number): Float64Array {
  const [, c, h, w] = t.shape;
  const P = h * w;
  return t.data.subarray((i * c + ch) * P, (i * c + ch + 1) * P);
}

/**
 * A diverging colour for v on the scale [−r, r]: blue below 0, white at 0, orange-red above
 * (colour-blind safe: the two ends differ in lightness and hue). RGB bytes.
 */
export function divergingRgb(v: number, r: number): [number, number, number] {
  const t = r > 0 ? Math.max(-1, Math.min(1, v / r)) : 0;
  const lo: [number, number, number] = [33, 102, 172];
  const hi: [number, number, number] = [178, 24, 43];
  const end = t < 0 ? lo : hi;
  const a = Math.abs(t);
  return [0, 1, 2].map((j) => Math.round(247 + (end[j] - 247) * a)) as [number, number, number];
}

/** Per channel: m, μ_c, σ²_c, γ_c, β_c and the output's mean and variance (the block's export). */
export function channelTable(p: ImagesPass): ExportTable {
  const c = p.z.shape[1];
  const rows = Array.from({ length: c }, (_, ch) => ({
    channel: ch + 1,
    m: p.m,
    mean: p.mean[ch],
    variance: p.variance[ch],
    gamma: p.gamma[ch],
    beta: p.beta[ch],
    meanAfter: p.meanAfter[ch],
    varianceAfter: p.varianceAfter[ch],
  }));
  return tableOf(rows, {
    channel: 'channel c', m: 'm = n·h·w', mean: 'μ_c', variance: 'σ²_c', gamma: 'γ_c', beta: 'β_c', meanAfter: 'mean after BN', varianceAfter: 'variance after BN',
  });
}

/** One feature map before and after BN, position by position (the pair's export). */
export function mapTable(p: ImagesPass, sample: number, channel: number): ExportTable {
  const [, , h, w] = p.z.shape;
  const before = featureMap(p.z, sample, channel);
  const after = featureMap(p.y, sample, channel);
  const rows = Array.from({ length: h * w }, (_, q) => ({ row: Math.floor(q / w) + 1, col: (q % w) + 1, before: before[q], after: after[q] }));
  return tableOf(rows, { row: 'row', col: 'column', before: 'before BN (conv output)', after: 'after BN' });
}

/** A chosen index past the last (a link's channel 8 when c = 4): the last. */
export const within = (i: number, count: number): number => Math.max(0, Math.min(count - 1, i));
