import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EngineError,
  FASHION_CLASS_NAMES,
  createRng,
  decodeFashionSubset,
  encodeFashionSubset,
  fashionChecksum,
  parseFashionSubset,
  stratifiedIndices,
} from '../../src';

/** A small valid subset: `perClass` images of each class, rows × cols, pixel k of image i = (7i + k) mod 256. */
function tiny(perClass = 2, testPerClass = 1, rows = 2, cols = 3) {
  const split = (n: number, offset: number) => ({
    labels: Uint8Array.from({ length: n }, (_, i) => i % 10),
    pixels: Uint8Array.from({ length: n * rows * cols }, (_, k) => (7 * Math.floor(k / (rows * cols)) + (k % (rows * cols)) + offset) % 256),
  });
  return { imageRows: rows, imageCols: cols, seed: 42, train: split(10 * perClass, 0), test: split(10 * testPerClass, 100) };
}

/** Rewrites the checksum after a deliberate edit, so the check under test is reached. */
function restamp(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(20, fashionChecksum(bytes), false);
  return bytes;
}

async function datasetError(fn: () => unknown): Promise<EngineError> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as EngineError).code).toBe('dataset');
  return caught as EngineError;
}

describe('parseFashionSubset: the subset format', () => {
  test('round trip: 20 train + 10 test images of 2 × 3 → x [20 × 6] = byte / 255, labels, counts, seed', () => {
    const src = tiny();
    const s = parseFashionSubset(encodeFashionSubset(src));
    expect([s.train.x.rows, s.train.x.cols, s.test.x.rows, s.test.x.cols]).toEqual([20, 6, 10, 6]);
    expect([s.imageRows, s.imageCols, s.classes, s.seed]).toEqual([2, 3, 10, 42]);
    expect(s.classNames).toEqual(FASHION_CLASS_NAMES);
    expect(s.classNames[9]).toBe('Ankle boot');
    s.train.x.data.forEach((v, k) => expect(v).toBe(src.train.pixels[k] / 255));
    s.test.x.data.forEach((v, k) => expect(v).toBe(src.test.pixels[k] / 255));
    expect(Array.from(s.train.y)).toEqual(Array.from(src.train.labels));
    expect(Array.from(s.test.pixels)).toEqual(Array.from(src.test.pixels));
    expect(Array.from(s.train.classCounts)).toEqual(new Array(10).fill(2));
    expect(Array.from(s.test.classCounts)).toEqual(new Array(10).fill(1));
  });

  test('decodeFashionSubset gunzips when the bytes start 1f 8b, and parses raw bytes as they are', async () => {
    const raw = encodeFashionSubset(tiny());
    const fromGz = await decodeFashionSubset(new Uint8Array(gzipSync(raw)));
    const fromRaw = await decodeFashionSubset(raw);
    expect(Array.from(fromGz.train.x.data)).toEqual(Array.from(fromRaw.train.x.data));
    expect(Array.from(fromGz.test.y)).toEqual(Array.from(fromRaw.test.y));
  });

  test('truncated: one byte short, and shorter than the 24-byte header', async () => {
    const raw = encodeFashionSubset(tiny());
    expect((await datasetError(() => parseFashionSubset(raw.subarray(0, raw.length - 1)))).message).toMatch(
      /truncated: 20 train \+ 10 test images of 2 × 3 need 234 bytes, the file has 233/,
    );
    expect((await datasetError(() => parseFashionSubset(raw.subarray(0, 10)))).message).toMatch(/truncated: 10 bytes, shorter than its 24-byte header/);
  });

  test('wrong magic names what it found; an HTML page (a missing file behind an SPA fallback) is recognised', async () => {
    const raw = encodeFashionSubset(tiny());
    raw[0] = 0x58;
    expect((await datasetError(() => parseFashionSubset(raw))).message).toMatch(/wrong magic: it starts 58 4d 4e 53, expected "FMNS"/);
    const html = new TextEncoder().encode('<!doctype html><html><head></head><body></body></html>');
    expect((await datasetError(() => parseFashionSubset(html))).message).toMatch(/looks like an HTML page/);
  });

  test('wrong counts in the header: more images than bytes, or fewer', async () => {
    const more = encodeFashionSubset(tiny());
    new DataView(more.buffer).setUint32(8, 21, false);
    expect((await datasetError(() => parseFashionSubset(more))).message).toMatch(/truncated: 21 train \+ 10 test/);
    const fewer = encodeFashionSubset(tiny());
    new DataView(fewer.buffer).setUint32(12, 9, false);
    expect((await datasetError(() => parseFashionSubset(fewer))).message).toMatch(/7 bytes more than its header's 20 train \+ 9 test images/);
  });

  test('unknown version and a class count other than 10 are refused', async () => {
    const v = encodeFashionSubset(tiny());
    v[4] = 2;
    expect((await datasetError(() => parseFashionSubset(v))).message).toMatch(/format version 2/);
    const c = encodeFashionSubset(tiny());
    c[5] = 11;
    expect((await datasetError(() => parseFashionSubset(c))).message).toMatch(/declares 11 classes/);
  });

  test('a label out of range (10 in 0–9) is named with its split and position', async () => {
    const raw = encodeFashionSubset(tiny());
    raw[24 + 20 + 3] = 10; // test label 3
    expect((await datasetError(() => parseFashionSubset(restamp(raw)))).message).toMatch(/test label 10 at image 3 is out of range: labels are 0 to 9/);
    const src = tiny();
    src.train.labels[0] = 12;
    expect(() => encodeFashionSubset(src)).toThrow(/train label 12 at image 0 is out of range/);
  });

  test('a changed pixel fails the checksum', async () => {
    const raw = encodeFashionSubset(tiny());
    raw[raw.length - 1] ^= 1;
    expect((await datasetError(() => parseFashionSubset(raw))).message).toMatch(/corrupt: its checksum is [0-9a-f]{8}, the header says [0-9a-f]{8}/);
  });

  test('property: every single-byte change and every truncation of a valid file throws a dataset EngineError', () => {
    const raw = encodeFashionSubset(tiny(1, 1, 3, 2));
    fc.assert(
      fc.property(fc.nat(raw.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bad = raw.slice();
        bad[at] ^= flip;
        expect(() => parseFashionSubset(bad)).toThrow(EngineError);
        expect(() => parseFashionSubset(raw.subarray(0, at))).toThrow(EngineError);
      }),
      { numRuns: 300 },
    );
  });

  test('gzip garbage and truncated gzip reject with a dataset EngineError (no hang)', async () => {
    const garbage = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3]);
    expect((await datasetError(() => decodeFashionSubset(garbage))).message).toMatch(/could not be decompressed: gzip data is corrupt or truncated/);
    const gz = new Uint8Array(gzipSync(encodeFashionSubset(tiny())));
    expect((await datasetError(() => decodeFashionSubset(gz.subarray(0, gz.length - 9)))).message).toMatch(/could not be decompressed/);
    const notSubset = new Uint8Array(gzipSync(new Uint8Array(64)));
    expect((await datasetError(() => decodeFashionSubset(notSubset))).message).toMatch(/wrong magic: it starts 00 00 00 00/);
  });

  test('encode refuses pixels that do not match labels × rows × cols', () => {
    const src = tiny();
    expect(() => encodeFashionSubset({ ...src, train: { labels: src.train.labels, pixels: src.train.pixels.subarray(1) } })).toThrow(
      /train: 20 labels need 120 pixels, got 119/,
    );
  });
});

describe('stratifiedIndices', () => {
  const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 10);

  test('10 classes × 30: each class exactly 30 times, indices distinct, same seed ⇒ same picks', () => {
    const idx = stratifiedIndices(labels, 10, 30, createRng(1));
    expect(idx.length).toBe(300);
    expect(new Set(idx).size).toBe(300);
    const counts = new Array(10).fill(0);
    for (const i of idx) counts[labels[i]]++;
    expect(counts).toEqual(new Array(10).fill(30));
    expect(Array.from(stratifiedIndices(labels, 10, 30, createRng(1)))).toEqual(Array.from(idx));
    expect(Array.from(stratifiedIndices(labels, 10, 30, createRng(2)))).not.toEqual(Array.from(idx));
  });

  test('asking for more than a class has throws, naming the class', () => {
    const skewed = Uint8Array.from({ length: 100 }, (_, i) => (i < 5 ? 3 : i % 3));
    expect(() => stratifiedIndices(skewed, 4, 10, createRng(1))).toThrow(/class 3 has only 5 examples, fewer than the 10/);
  });
});

describe('the committed subset, public/data/fashion-mnist-subset.bin.gz', () => {
  const path = new URL('../../public/data/fashion-mnist-subset.bin.gz', import.meta.url);

  test('under 2 MB; 3000 train + 600 test images of 28 × 28, stratified 300 and 60 per class, x in [0, 1]', async () => {
    expect(statSync(path).size).toBeLessThan(2 * 1024 * 1024);
    const s = await decodeFashionSubset(new Uint8Array(readFileSync(path)));
    expect([s.imageRows, s.imageCols, s.train.x.cols]).toEqual([28, 28, 784]);
    expect(Array.from(s.train.classCounts)).toEqual(new Array(10).fill(300));
    expect(Array.from(s.test.classCounts)).toEqual(new Array(10).fill(60));
    let min = Infinity, max = -Infinity;
    for (const v of s.train.x.data) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);
  });
});
