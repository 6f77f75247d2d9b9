import { EngineError, checkInteger } from './errors';
import { gunzip, hex, isGzip } from './idx';
import { type Matrix, zeros } from './matrix';
import { type Rng, permutation } from './rng';

/**
 * The notebook's compact, stratified Fashion-MNIST subset (© Zalando Research, MIT licence; built
 * from Debian's `dataset-fashion-mnist` by scripts/build-fashion.ts) and its own small binary format.
 *
 * File layout (big-endian, like IDX; the file is served gzip-compressed):
 *   0  "FMNS"            magic (Fashion-MNIST Subset)
 *   4  u8  version       1
 *   5  u8  classes       10
 *   6  u8  image rows    28
 *   7  u8  image cols    28
 *   8  u32 train count   n
 *  12  u32 test count    t
 *  16  u32 seed          the seed that chose the subset (provenance)
 *  20  u32 checksum      FNV-1a (32-bit) of every other byte: 0–19, then 24 to the end
 *  24  n train labels (u8), t test labels (u8), n·rows·cols train pixels (u8), t·rows·cols test pixels
 */
export const FASHION_MAGIC = 'FMNS';
export const FASHION_VERSION = 1;
export const FASHION_HEADER_BYTES = 24;
export const FASHION_CLASSES = 10;

/** Label i's name, from the Fashion-MNIST README. */
export const FASHION_CLASS_NAMES: readonly string[] = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

/** One split: pixel values scaled to [0, 1] (byte / 255, zero stays zero), one image per row. */
export interface FashionSplit {
  /** [n × rows·cols], rows are images, pixels row-major; values in [0, 1]. */
  readonly x: Matrix;
  /** Labels in 0..classes−1, one per row of x. */
  readonly y: Int32Array;
  /** The original bytes, [n × rows·cols], for drawing thumbnails. */
  readonly pixels: Uint8Array;
  /** How many images of each class, length = classes. */
  readonly classCounts: Int32Array;
  /** 10: with x and y this makes a split a Dataset the trainer accepts. */
  readonly classes: number;
}

export interface FashionSubset {
  readonly train: FashionSplit;
  readonly test: FashionSplit;
  readonly classes: number;
  readonly classNames: readonly string[];
  readonly imageRows: number;
  readonly imageCols: number;
  readonly seed: number;
}

/** The raw content of a subset file, before scaling: what the build script writes. */
export interface FashionSubsetBytes {
  readonly imageRows: number;
  readonly imageCols: number;
  readonly seed: number;
  readonly train: { readonly labels: Uint8Array; readonly pixels: Uint8Array };
  readonly test: { readonly labels: Uint8Array; readonly pixels: Uint8Array };
}

/**
 * FNV-1a, 32-bit, over bytes[from..to), continuing from `h` (the offset basis by default). Each
 * step is a bijection of the running hash, so changing any single byte always changes the result.
 */
export function fnv1a32(bytes: Uint8Array, from = 0, to = bytes.length, h = 0x811c9dc5): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** The checksum a subset file stores at offset 20: FNV-1a of every byte but its own four. */
export function fashionChecksum(bytes: Uint8Array): number {
  return fnv1a32(bytes, FASHION_HEADER_BYTES, bytes.length, fnv1a32(bytes, 0, 20));
}

/** Writes a subset file (uncompressed). Throws if counts, sizes or labels are inconsistent. */
export function encodeFashionSubset(s: FashionSubsetBytes): Uint8Array {
  checkInteger('image rows', s.imageRows, 1);
  checkInteger('image cols', s.imageCols, 1);
  if (s.imageRows > 255 || s.imageCols > 255) throw new EngineError('dataset', `images larger than 255 pixels a side do not fit the format`);
  const d = s.imageRows * s.imageCols;
  for (const [name, split] of [['train', s.train], ['test', s.test]] as const) {
    if (split.pixels.length !== split.labels.length * d) {
      throw new EngineError('dataset', `${name}: ${split.labels.length} labels need ${split.labels.length * d} pixels, got ${split.pixels.length}`);
    }
    checkLabels(name, split.labels);
  }
  const n = s.train.labels.length, t = s.test.labels.length;
  const out = new Uint8Array(FASHION_HEADER_BYTES + (n + t) * (1 + d));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = FASHION_MAGIC.charCodeAt(i);
  out[4] = FASHION_VERSION;
  out[5] = FASHION_CLASSES;
  out[6] = s.imageRows;
  out[7] = s.imageCols;
  view.setUint32(8, n, false);
  view.setUint32(12, t, false);
  view.setUint32(16, s.seed >>> 0, false);
  let at = FASHION_HEADER_BYTES;
  for (const part of [s.train.labels, s.test.labels, s.train.pixels, s.test.pixels]) {
    out.set(part, at);
    at += part.length;
  }
  view.setUint32(20, fashionChecksum(out), false);
  return out;
}

/**
 * Parses and validates an uncompressed subset file. Every problem — wrong magic, unknown version,
 * truncation, trailing bytes, a checksum mismatch, a label out of range — throws an EngineError
 * ('dataset') that says which. Pixels become [n × rows·cols] matrices scaled to [0, 1].
 */
export function parseFashionSubset(bytes: Uint8Array): FashionSubset {
  const name = 'the Fashion-MNIST subset';
  if (bytes.length < FASHION_HEADER_BYTES) {
    throw new EngineError('dataset', `${name} is truncated: ${bytes.length} bytes, shorter than its ${FASHION_HEADER_BYTES}-byte header`);
  }
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== FASHION_MAGIC) {
    if (isGzip(bytes)) throw new EngineError('dataset', `${name} is still gzip-compressed: use decodeFashionSubset`);
    const html = bytes[0] === 0x3c ? ' (it looks like an HTML page: was the file missing on the server?)' : '';
    throw new EngineError('dataset', `${name} has the wrong magic: it starts ${hex(bytes, 0, 4)}, expected "${FASHION_MAGIC}"${html}`);
  }
  if (bytes[4] !== FASHION_VERSION) throw new EngineError('dataset', `${name} has format version ${bytes[4]}; this engine reads version ${FASHION_VERSION}`);
  if (bytes[5] !== FASHION_CLASSES) throw new EngineError('dataset', `${name} declares ${bytes[5]} classes; Fashion-MNIST has ${FASHION_CLASSES}`);
  const rows = bytes[6], cols = bytes[7];
  if (rows < 1 || cols < 1) throw new EngineError('dataset', `${name} declares ${rows} × ${cols} images`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(8, false), t = view.getUint32(12, false);
  const d = rows * cols;
  const expected = FASHION_HEADER_BYTES + (n + t) * (1 + d);
  if (bytes.length < expected) {
    throw new EngineError('dataset', `${name} is truncated: ${n} train + ${t} test images of ${rows} × ${cols} need ${expected} bytes, the file has ${bytes.length}`);
  }
  if (bytes.length > expected) {
    throw new EngineError('dataset', `${name} has ${bytes.length - expected} bytes more than its header's ${n} train + ${t} test images account for`);
  }
  const want = view.getUint32(20, false), got = fashionChecksum(bytes);
  if (want !== got) {
    throw new EngineError('dataset', `${name} is corrupt: its checksum is ${got.toString(16).padStart(8, '0')}, the header says ${want.toString(16).padStart(8, '0')}`);
  }
  const trainLabels = bytes.subarray(FASHION_HEADER_BYTES, FASHION_HEADER_BYTES + n);
  const testLabels = bytes.subarray(FASHION_HEADER_BYTES + n, FASHION_HEADER_BYTES + n + t);
  checkLabels('train', trainLabels);
  checkLabels('test', testLabels);
  const pixelsAt = FASHION_HEADER_BYTES + n + t;
  return {
    train: toSplit(trainLabels, bytes.subarray(pixelsAt, pixelsAt + n * d), d),
    test: toSplit(testLabels, bytes.subarray(pixelsAt + n * d, expected), d),
    classes: FASHION_CLASSES,
    classNames: FASHION_CLASS_NAMES,
    imageRows: rows,
    imageCols: cols,
    seed: view.getUint32(16, false),
  };
}

/**
 * Decodes a subset file as fetched: gunzips it when it starts with gzip's magic (a server may
 * already have removed the compression), then parses it. Corrupt gzip rejects with an EngineError.
 */
export async function decodeFashionSubset(bytes: Uint8Array): Promise<FashionSubset> {
  if (!isGzip(bytes)) return parseFashionSubset(bytes);
  let raw: Uint8Array;
  try {
    raw = await gunzip(bytes, { maxBytes: 64 * 1024 * 1024 });
  } catch (err) {
    if (err instanceof EngineError) throw new EngineError('dataset', `the Fashion-MNIST subset could not be decompressed: ${err.message}`);
    throw err;
  }
  return parseFashionSubset(raw);
}

function checkLabels(split: string, labels: Uint8Array): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= FASHION_CLASSES) {
      throw new EngineError('dataset', `${split} label ${labels[i]} at image ${i} is out of range: labels are 0 to ${FASHION_CLASSES - 1}`);
    }
  }
}

/** Copies labels and pixels out of the file's buffer, scaling pixels to [0, 1]. */
function toSplit(labels: Uint8Array, pixels: Uint8Array, d: number): FashionSplit {
  const n = labels.length;
  const x = zeros(n, d);
  const X = x.data;
  for (let i = 0; i < pixels.length; i++) X[i] = pixels[i] / 255;
  const y = Int32Array.from(labels);
  const classCounts = new Int32Array(FASHION_CLASSES);
  for (let i = 0; i < n; i++) classCounts[y[i]]++;
  return { x, y, pixels: pixels.slice(), classCounts, classes: FASHION_CLASSES };
}

/**
 * Picks `perClass` indices of every class 0..classes−1, uniformly at random without replacement,
 * interleaved in a random order. Same labels + same rng state ⇒ same indices. Throws if a class
 * has fewer than `perClass` examples or a label is out of range.
 */
export function stratifiedIndices(labels: ArrayLike<number>, classes: number, perClass: number, rng: Rng): Int32Array {
  checkInteger('classes', classes, 1);
  checkInteger('images per class', perClass, 1);
  const taken = new Int32Array(classes);
  const out = new Int32Array(classes * perClass);
  let k = 0;
  for (const i of permutation(labels.length, rng)) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes) throw new EngineError('label', `label ${c} at ${i} is not in 0..${classes - 1}`);
    if (taken[c] < perClass) {
      taken[c]++;
      out[k++] = i;
    }
  }
  if (k < out.length) {
    const short = Array.from(taken).findIndex((v) => v < perClass);
    throw new EngineError('dataset', `class ${short} has only ${taken[short]} examples, fewer than the ${perClass} asked for`);
  }
  return out;
}

/**
 * The BN paper's Figure 1 setup (Ioffe & Szegedy 2015, Fig. 1) on this subset instead of MNIST:
 * 784 → 100 → 100 → 100 → 10, sigmoid, weights N(0, 0.01²) ("small random Gaussian values"),
 * mini-batches of 60, plain SGD; the BN network normalizes each hidden z before its sigmoid.
 * Probed: unit 0 of every hidden layer (the figure shows the last, layer 3) at the 15/50/85 %
 * quantiles on a fixed 256-image batch. Options for `createComparison` (src/train.ts). The learning
 * rate was chosen by measurement (scripts/check-figure1.ts); the numbers are with the lab's preset
 * (app/lab/model/labSettings.ts, FIGURE1_CONTROLS).
 */
export const FIGURE1_PRESET = {
  hidden: [100, 100, 100],
  activation: 'sigmoid',
  init: 'small',
  bn: 'before',
  outputBn: false,
  bias: 'auto',
  optimizer: { name: 'sgd', lr: 1 },
  batchSize: 60,
  seed: 1,
  logEvery: 20,
  evalEvery: 100,
  probeSize: 256,
  probeUnit: 0,
} as const;
