/**
 * Builds the notebook's compact, stratified Fashion-MNIST subset into public/data/ from Debian's
 * `dataset-fashion-mnist` (IDX files, © Zalando Research, MIT licence).
 *
 *   npm run data:fashion                      # or: npx tsx scripts/build-fashion.ts
 *   FASHION_MNIST_DIR=/path/to/idx npm run data:fashion
 *
 * Re-runnable and deterministic: the same source files and seed give the same bytes. The subset is
 * TRAIN_PER_CLASS training images per class (from the 60,000-image training set) and TEST_PER_CLASS
 * test images per class (from the 10,000-image test set), chosen uniformly at random per class.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  FASHION_CLASSES,
  createRng,
  decodeFashionSubset,
  encodeFashionSubset,
  readIdx,
  stratifiedIndices,
  type IdxArray,
} from '../src';

export const TRAIN_PER_CLASS = 300;
export const TEST_PER_CLASS = 60;
export const SEED = 2015;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../public/data/fashion-mnist-subset.bin.gz');
const SOURCE = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';

async function load(file: string): Promise<IdxArray> {
  const path = join(SOURCE, file);
  if (!existsSync(path)) {
    console.error(`Missing ${path}.\nInstall Debian's package:  sudo apt-get install dataset-fashion-mnist\n` +
      'or point FASHION_MNIST_DIR at a folder holding the four Fashion-MNIST IDX files (.gz).');
    process.exit(1);
  }
  return readIdx(new Uint8Array(readFileSync(path)), file);
}

/** Images [N × rows × cols] and labels [N], both uint8, checked to agree. */
async function loadSplit(prefix: string) {
  const images = await load(`${prefix}-images-idx3-ubyte.gz`);
  const labels = await load(`${prefix}-labels-idx1-ubyte.gz`);
  if (images.dtype !== 'uint8' || images.dims.length !== 3) throw new Error(`${prefix} images: expected uint8 [N × rows × cols], got ${images.dtype} [${images.dims.join(' × ')}]`);
  if (labels.dtype !== 'uint8' || labels.dims.length !== 1) throw new Error(`${prefix} labels: expected uint8 [N], got ${labels.dtype} [${labels.dims.join(' × ')}]`);
  if (images.dims[0] !== labels.dims[0]) throw new Error(`${prefix}: ${images.dims[0]} images but ${labels.dims[0]} labels`);
  return { pixels: images.data as Uint8Array, labels: labels.data as Uint8Array, rows: images.dims[1], cols: images.dims[2] };
}

function pick(split: Awaited<ReturnType<typeof loadSplit>>, perClass: number, seed: number) {
  const d = split.rows * split.cols;
  const idx = stratifiedIndices(split.labels, FASHION_CLASSES, perClass, createRng(seed));
  const labels = new Uint8Array(idx.length);
  const pixels = new Uint8Array(idx.length * d);
  idx.forEach((src, k) => {
    labels[k] = split.labels[src];
    pixels.set(split.pixels.subarray(src * d, (src + 1) * d), k * d);
  });
  return { labels, pixels };
}

async function main(): Promise<void> {
  const train = await loadSplit('train');
  const test = await loadSplit('t10k');
  const raw = encodeFashionSubset({
    imageRows: train.rows,
    imageCols: train.cols,
    seed: SEED,
    train: pick(train, TRAIN_PER_CLASS, SEED),
    test: pick(test, TEST_PER_CLASS, SEED + 1),
  });
  const gz = gzipSync(raw, { level: 9 });
  const check = await decodeFashionSubset(new Uint8Array(gz));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, gz);
  console.log(`wrote ${OUT}\n  ${check.train.y.length} train + ${check.test.y.length} test images of ${check.imageRows} × ${check.imageCols}, ` +
    `${raw.length} bytes raw, ${gz.length} bytes gzipped (${(gz.length / 1024 / 1024).toFixed(2)} MiB)`);
}

await main();
