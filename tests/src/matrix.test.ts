import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EngineError,
  type Matrix,
  column,
  createRng,
  fromRows,
  matmul,
  matmulTransA,
  matmulTransB,
  matrix,
  maxAbsDiff,
  toRows,
  transpose,
  zeros,
} from '../../src';

/** An independent reference: C[i][j] = Σₚ A[i][p]·B[p][j], summed in order p = 0 … k − 1. */
function naiveProduct(a: number[][], b: number[][], k: number): { c: number[][]; scale: number[][] } {
  const m = a.length, n = b[0]?.length ?? 0;
  const c: number[][] = [], scale: number[][] = [];
  for (let i = 0; i < m; i++) {
    c.push([]);
    scale.push([]);
    for (let j = 0; j < n; j++) {
      let s = 0, abs = 0;
      for (let p = 0; p < k; p++) {
        s += a[i][p] * b[p][j];
        abs += Math.abs(a[i][p] * b[p][j]);
      }
      c[i].push(s);
      scale[i].push(abs);
    }
  }
  return { c, scale };
}

const t = (rows: number[][]): number[][] => (rows.length === 0 ? [] : rows[0].map((_, j) => rows.map((r) => r[j])));

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = rng.gaussian() * 10 ** (rng.uniform() * 4 - 2);
  return out;
}

/** Largest |c − reference| / Σₚ|a·b| over the entries (0 where the scale is 0 and c is exact). */
function relativeError(c: Matrix, ref: { c: number[][]; scale: number[][] }): number {
  let worst = 0;
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < c.cols; j++) {
      const d = Math.abs(c.data[i * c.cols + j] - ref.c[i][j]);
      worst = Math.max(worst, d === 0 ? 0 : d / ref.scale[i][j]);
    }
  }
  return worst;
}

// 1 × 1, every remainder of the 8 × 4 and 4 × 4 tiles (1–7 rows, 1–3 columns left), k = 1, and
// the training workloads' shapes.
const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 5, 1], [2, 3, 2], [3, 1, 7], [4, 4, 4], [5, 6, 7], [7, 3, 5], [6, 9, 2],
  [9, 2, 11], [13, 17, 3], [16, 5, 6], [12, 3, 13], [32, 2, 16], [32, 16, 3], [64, 64, 128], [64, 128, 10],
];
const CASES = SHAPES.map(([m, k, n]) => ({ m, k, n }));

describe('matrix products against a naive triple loop (relative error ≤ 1e-15 of Σ|a·b|)', () => {
  test.each(CASES)('matmul: A [$m × $k] · B [$k × $n]', ({ m, k, n }) => {
    const a = randomMatrix(m, k, m * 100 + k), b = randomMatrix(k, n, n * 7 + 1);
    const c = matmul(a, b);
    expect([c.rows, c.cols]).toEqual([m, n]);
    expect(relativeError(c, naiveProduct(toRows(a), toRows(b), k))).toBeLessThanOrEqual(1e-15);
  });

  test.each(CASES)('matmulTransA: A [$m × $k]ᵀ · B [$m × $n] → [$k × $n]', ({ m, k, n }) => {
    const a = randomMatrix(m, k, m + 3 * k), b = randomMatrix(m, n, 5 * n + m);
    const c = matmulTransA(a, b);
    expect([c.rows, c.cols]).toEqual([k, n]);
    expect(relativeError(c, naiveProduct(t(toRows(a)), toRows(b), m))).toBeLessThanOrEqual(1e-15);
  });

  test.each(CASES)('matmulTransB: A [$m × $k] · B [$n × $k]ᵀ → [$m × $n]', ({ m, k, n }) => {
    const a = randomMatrix(m, k, 11 * m + k), b = randomMatrix(n, k, 13 * n + k);
    const c = matmulTransB(a, b);
    expect([c.rows, c.cols]).toEqual([m, n]);
    expect(relativeError(c, naiveProduct(toRows(a), t(toRows(b)), k))).toBeLessThanOrEqual(1e-15);
  });

  test('property: all three kernels agree with the naive loop for arbitrary shapes (m, n ≤ 20, k ≤ 9) and values', () => {
    const dims = fc.integer({ min: 1, max: 20 });
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 9 }), dims, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (m, k, n, seed) => {
        const a = randomMatrix(m, k, seed), b = randomMatrix(k, n, seed + 1);
        const ref = naiveProduct(toRows(a), toRows(b), k);
        const bt = transpose(b), at = transpose(a);
        return (
          relativeError(matmul(a, b), ref) <= 1e-15 &&
          relativeError(matmulTransA(at, b), ref) <= 1e-15 &&
          relativeError(matmulTransB(a, bt), ref) <= 1e-15
        );
      }),
      { numRuns: 200 },
    );
  });

  test('a known 2 × 3 by 3 × 2 product, exactly', () => {
    const c = matmul(fromRows([[1, 2, 3], [4, 5, 6]]), fromRows([[7, 8], [9, 10], [11, 12]]));
    expect(toRows(c)).toEqual([[58, 64], [139, 154]]);
  });

  test('k = 0 gives a zero [m × n] matrix, even into a dirty output buffer', () => {
    const out = matrix(2, 3, [1, 2, 3, 4, 5, 6]);
    const c = matmul(zeros(2, 0), zeros(0, 3), out);
    expect(c).toBe(out);
    expect(Array.from(c.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('0 · ∞ propagates as NaN (a diverged weight is never silently skipped) [1 × 2]·[2 × 1]', () => {
    const c = matmul(fromRows([[0, 1]]), fromRows([[Infinity], [2]]));
    expect(Number.isNaN(c.data[0])).toBe(true);
  });
});

describe('product outputs', () => {
  test('writes into `out` when it has the shape (same object, old contents overwritten) [5 × 3]', () => {
    const a = randomMatrix(5, 4, 1), b = randomMatrix(4, 3, 2);
    const out = matrix(5, 3, new Float64Array(15).fill(99));
    expect(matmul(a, b, out)).toBe(out);
    expect(maxAbsDiff(out, matmul(a, b))).toBe(0);
    const outA = zeros(4, 3);
    expect(matmulTransA(a, randomMatrix(5, 3, 3), outA)).toBe(outA);
    const outB = zeros(5, 6);
    expect(matmulTransB(a, randomMatrix(6, 4, 4), outB)).toBe(outB);
  });

  test('allocates a new matrix when `out` has the wrong shape', () => {
    const out = zeros(2, 2);
    const c = matmul(zeros(3, 2), zeros(2, 2), out);
    expect(c).not.toBe(out);
    expect([c.rows, c.cols]).toEqual([3, 2]);
  });

  test('an output that shares memory with an operand throws instead of corrupting the result', () => {
    const a = randomMatrix(3, 3, 5), b = randomMatrix(3, 3, 6);
    expect(() => matmul(a, b, a)).toThrow(EngineError);
    expect(() => matmul(a, b, b)).toThrow(/must not share memory with an operand/);
    const arena = new Float64Array(18);
    const left = matrix(3, 3, arena.subarray(0, 9)), right = matrix(3, 3, arena.subarray(9));
    left.data.set(a.data);
    // Views of one buffer that do not overlap are fine.
    expect(maxAbsDiff(matmul(left, b, right), matmul(a, b))).toBe(0);
  });
});

describe('shape errors throw EngineError naming both shapes', () => {
  test('matmul [2 × 3] · [2 × 3]', () => {
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow(EngineError);
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow('cannot multiply [2 × 3] by [2 × 3]');
  });
  test('matmulTransA [2 × 3]ᵀ · [4 × 3]', () => {
    expect(() => matmulTransA(zeros(2, 3), zeros(4, 3))).toThrow('cannot multiply [2 × 3]ᵀ by [4 × 3]');
  });
  test('matmulTransB [2 × 3] · [2 × 4]ᵀ', () => {
    expect(() => matmulTransB(zeros(2, 3), zeros(2, 4))).toThrow('cannot multiply [2 × 3] by [2 × 4]ᵀ');
  });
  test('constructors: wrong value count, ragged rows, negative or fractional sizes', () => {
    expect(() => matrix(2, 2, [1, 2, 3])).toThrow('expected 4 values for a [2 × 2] matrix, got 3');
    expect(() => fromRows([[1, 2], [3]])).toThrow('row 1 has 1 values, expected 2');
    expect(() => zeros(-1, 2)).toThrow(EngineError);
    expect(() => zeros(1.5, 2)).toThrow('matrix shape must be non-negative integers, got [1.5 × 2]');
    expect(() => maxAbsDiff(zeros(1, 2), zeros(2, 1))).toThrow('cannot compare [1 × 2] with [2 × 1]');
  });
});

describe('helpers', () => {
  test('transpose of [2 × 3] and back, toRows/fromRows round trip', () => {
    const a = fromRows([[1, 2, 3], [4, 5, 6]]);
    expect(toRows(transpose(a))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(toRows(transpose(transpose(a)))).toEqual(toRows(a));
  });
  test('column() is [m × 1]; matrix() wraps a Float64Array without copying', () => {
    const c = column([1, 2, 3]);
    expect([c.rows, c.cols]).toEqual([3, 1]);
    const data = new Float64Array([1, 2]);
    expect(matrix(1, 2, data).data).toBe(data);
  });
});
