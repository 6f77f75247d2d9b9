import { afterEach, describe, expect, test } from 'vitest';
import { type Matrix, createRng, matmul, matmulTransA, matmulTransB, transpose, zeros } from '../../src';
import { GEMM_WASM, gemmBackend, setWasmGemm } from '../../src/gemmWasm';
import { WASM_MIN_MACS } from '../../src/matrix';

/** C[i][j] = Σₚ A[i][p]·B[p][j], summed in order p = 0 … k − 1 from 0: the kernels' exact contract. */
function naive(a: Matrix, b: Matrix): Float64Array {
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let p = 0; p < a.cols; p++) s += a.data[i * a.cols + p] * b.data[p * b.cols + j];
      out[i * b.cols + j] = s;
    }
  }
  return out;
}

function random(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = rng.gaussian() * 10 ** (rng.uniform() * 6 - 3);
  return out;
}

/** Index of the first entry whose bits differ (Object.is: −0 ≠ +0, NaN = NaN), or −1. */
const firstDifference = (x: Float64Array, y: Float64Array): number => x.findIndex((v, i) => !Object.is(v, y[i]));

// Above the wasm threshold, with every leftover of the 4 × 4 tiles (rows and columns 0–3 left over).
const SHAPES: [number, number, number][] = [[64, 64, 128], [64, 128, 10], [37, 50, 41], [8, 256, 4], [5, 300, 13], [60, 784, 100]];

afterEach(() => setWasmGemm(true));

describe('WebAssembly SIMD product kernel', () => {
  test('the module validates, and Node uses it for large products', () => {
    expect(WebAssembly.validate(GEMM_WASM)).toBe(true);
    expect(GEMM_WASM.length).toBeLessThan(1024);
    expect(gemmBackend()).toBe('wasm-simd');
  });

  test.each(SHAPES)('A [%i × %i] · B [· × %i]: all three products equal the naive loop bit for bit', (m, k, n) => {
    expect(m - (m % 4)).toBeGreaterThan(0);
    expect((m & ~3) * (n & ~3) * k).toBeGreaterThanOrEqual(WASM_MIN_MACS);
    const a = random(m, k, m + k), b = random(k, n, n + 1);
    const ref = naive(a, b);
    expect(firstDifference(matmul(a, b).data, ref)).toBe(-1);
    expect(firstDifference(matmulTransA(transpose(a), b).data, ref)).toBe(-1);
    expect(firstDifference(matmulTransB(a, transpose(b)).data, ref)).toBe(-1);
  });

  test('the same bits with the wasm kernel and with the JavaScript kernel [64 × 64]·[64 × 128]', () => {
    const a = random(64, 64, 3), b = random(64, 128, 4);
    const viaWasm = matmul(a, b).data;
    setWasmGemm(false);
    expect(gemmBackend()).toBe('js');
    expect(firstDifference(matmul(a, b).data, viaWasm)).toBe(-1);
  });

  test('0 · ∞ is NaN and ∞ propagates inside the tiles (a diverged weight is never skipped) [8 × 32]·[32 × 8]', () => {
    const a = random(8, 32, 5), b = random(32, 8, 6);
    a.data[3 * 32 + 7] = Infinity; // A[3, 7]
    b.data[7 * 8 + 2] = 0; // B[7, 2]: row 3 × column 2 meets 0 · ∞
    const c = matmul(a, b);
    expect(Number.isNaN(c.data[3 * 8 + 2])).toBe(true);
    expect(Math.abs(c.data[3 * 8 + 1])).toBe(Infinity);
    expect(Number.isFinite(c.data[2 * 8 + 2])).toBe(true);
  });

  test('the module memory grows for a product larger than any before it [300 × 300]·[300 × 300], then a small one still works', () => {
    const a = random(300, 300, 7), b = random(300, 300, 8);
    expect(firstDifference(matmul(a, b).data, naive(a, b))).toBe(-1);
    const s = random(16, 32, 9), t = random(32, 16, 10);
    expect(firstDifference(matmul(s, t).data, naive(s, t))).toBe(-1);
  });

  test('every entry of `out` is written: a buffer full of NaN comes out exact [12 × 40]·[40 × 20]', () => {
    const a = random(12, 40, 11), b = random(40, 20, 12);
    const out = zeros(12, 20);
    out.data.fill(Number.NaN);
    matmul(a, b, out);
    expect(out.data.every(Number.isFinite)).toBe(true);
    expect(firstDifference(out.data, naive(a, b))).toBe(-1);
  });
});
