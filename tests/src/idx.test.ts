import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test, vi } from 'vitest';
import { EngineError, gunzip, isGzip, parseIdx, readIdx } from '../../src';

/** An IDX file built by hand: magic 00 00 <code> <ndims>, big-endian dims, then `body`. */
function idx(code: number, dims: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  out[2] = code;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(body, 4 + 4 * dims.length);
  return out;
}

/** Big-endian bytes of `values` written with a DataView setter of `size` bytes. */
function bigEndian(values: number[], size: number, set: (v: DataView, at: number, x: number) => void): Uint8Array {
  const b = new Uint8Array(values.length * size);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => set(v, i * size, x));
  return b;
}

function expectDatasetError(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as EngineError).code).toBe('dataset');
  expect((caught as EngineError).message).toMatch(message);
}

describe('parseIdx', () => {
  test('uint8 [2 × 3]: dims and values, row-major, as a view of the input', () => {
    const bytes = idx(0x08, [2, 3], Uint8Array.from([0, 1, 2, 253, 254, 255]));
    const a = parseIdx(bytes);
    expect(a.dtype).toBe('uint8');
    expect(a.dims).toEqual([2, 3]);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 253, 254, 255]);
    expect(a.data.buffer).toBe(bytes.buffer);
  });

  test.each([
    ['int8', 0x09, 1, [-128, -1, 0, 127], (v: DataView, at: number, x: number) => v.setInt8(at, x)],
    ['int16', 0x0b, 2, [-32768, -2, 513, 32767], (v: DataView, at: number, x: number) => v.setInt16(at, x, false)],
    ['int32', 0x0c, 4, [-2147483648, -3, 65536, 2147483647], (v: DataView, at: number, x: number) => v.setInt32(at, x, false)],
    ['float32', 0x0d, 4, [-1.5, 0, 0.25, 3e38], (v: DataView, at: number, x: number) => v.setFloat32(at, x, false)],
    ['float64', 0x0e, 8, [-1e-300, Math.PI, 0, 1e300], (v: DataView, at: number, x: number) => v.setFloat64(at, x, false)],
  ] as const)('%s [4]: big-endian values read exactly', (dtype, code, size, values, set) => {
    const a = parseIdx(idx(code, [4], bigEndian([...values], size, set)));
    expect(a.dtype).toBe(dtype);
    expect(a.dims).toEqual([4]);
    expect(Array.from(a.data)).toEqual(dtype === 'float32' ? values.map(Math.fround) : [...values]);
  });

  test('an empty [0 × 28 × 28] array is valid', () => {
    const a = parseIdx(idx(0x08, [0, 28, 28], new Uint8Array(0)));
    expect(a.dims).toEqual([0, 28, 28]);
    expect(a.data.length).toBe(0);
  });

  test('a file missing its last byte is reported as truncated, with both sizes', () => {
    const good = idx(0x08, [2, 3], new Uint8Array(6));
    expectDatasetError(() => parseIdx(good.subarray(0, good.length - 1), 'x.idx'), /x\.idx is truncated: .*\[2 × 3\].* need 18 bytes, the file has 17/);
  });

  test('a header cut short, and a file shorter than the magic, are truncated', () => {
    expectDatasetError(() => parseIdx(idx(0x08, [2, 3], new Uint8Array(6)).subarray(0, 9)), /truncated: its header needs 12 bytes, the file has 9/);
    expectDatasetError(() => parseIdx(Uint8Array.from([0, 0])), /truncated: 2 bytes/);
  });

  test('trailing bytes after the data are an error, not ignored', () => {
    const good = idx(0x08, [3], Uint8Array.from([1, 2, 3, 4]));
    expectDatasetError(() => parseIdx(good), /1 unexpected bytes after the \[3\] uint8 data/);
  });

  test('wrong magic, unknown type code and zero or too many dimensions are named', () => {
    const good = idx(0x08, [1], Uint8Array.from([7]));
    const wrong = good.slice();
    wrong[0] = 0x50;
    expectDatasetError(() => parseIdx(wrong), /not an IDX file: its magic starts 50 00 08 01/);
    const code = good.slice();
    code[2] = 0x07;
    expectDatasetError(() => parseIdx(code), /unknown IDX type code 0x07/);
    expectDatasetError(() => parseIdx(Uint8Array.from([0, 0, 8, 0])), /claims 0 dimensions/);
    expectDatasetError(() => parseIdx(Uint8Array.from([0, 0, 8, 200])), /claims 200 dimensions/);
  });

  test('gzip input is refused by the synchronous parser with a hint', () => {
    expectDatasetError(() => parseIdx(new Uint8Array(gzipSync(idx(0x08, [1], Uint8Array.from([7]))))), /gzip-compressed/);
  });
});

describe('gunzip and readIdx', () => {
  const raw = idx(0x08, [10, 10], Uint8Array.from({ length: 100 }, (_, i) => i));
  const gz = new Uint8Array(gzipSync(raw));

  test('readIdx of a gzipped [10 × 10] file equals parseIdx of the raw bytes', async () => {
    expect(isGzip(gz)).toBe(true);
    const a = await readIdx(gz);
    expect(a.dims).toEqual([10, 10]);
    expect(Array.from(a.data)).toEqual(Array.from(parseIdx(raw).data));
  });

  test('corrupt gzip (bad method, flipped CRC, truncated stream) rejects with a dataset EngineError', async () => {
    const garbage = Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const crc = gz.slice();
    crc[crc.length - 6] ^= 0xff;
    for (const bad of [garbage, crc, gz.subarray(0, gz.length - 5), gz.subarray(0, 12)]) {
      const err = await gunzip(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineError);
      expect((err as EngineError).message).toMatch(/gzip data is corrupt or truncated/);
    }
    await expect(readIdx(garbage, 'labels.gz')).rejects.toThrow(/labels\.gz: gzip data is corrupt or truncated/);
  });

  test('data that is not gzip is refused; output past maxBytes stops with an error', async () => {
    await expect(gunzip(raw)).rejects.toThrow(/not gzip data: it starts 00 00/);
    const big = new Uint8Array(gzipSync(new Uint8Array(1 << 20)));
    await expect(gunzip(big, { maxBytes: 1000 })).rejects.toThrow(/expands past 1000 bytes/);
  });

  test('a runtime without DecompressionStream gets an EngineError that says so', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      await expect(gunzip(gz)).rejects.toThrow(/no DecompressionStream/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await gunzip(gz)).length).toBe(raw.length);
  });
});

const DEBIAN_LABELS = '/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz';

describe('Debian’s Fashion-MNIST files (when dataset-fashion-mnist is installed)', () => {
  test.skipIf(!existsSync(DEBIAN_LABELS))('t10k labels: uint8 [10000], 1,000 of each class 0–9', async () => {
    const a = await readIdx(new Uint8Array(readFileSync(DEBIAN_LABELS)), 't10k labels');
    expect(a.dtype).toBe('uint8');
    expect(a.dims).toEqual([10000]);
    const counts = new Array(10).fill(0);
    for (const c of a.data) counts[c]++;
    expect(counts).toEqual(new Array(10).fill(1000));
  });
});
