import { EngineError } from './errors';
import { wasmTiles } from './gemmWasm';

/**
 * Products with at least this many multiply-adds in whole 4 × 4 tiles go to the WebAssembly SIMD kernel
 * (./gemmWasm.ts); below it, copying the operands in and out costs more than it saves.
 */
export const WASM_MIN_MACS = 8192;

/**
 * A dense matrix stored row-major in a Float64Array. Rows are samples (the batch, size m),
 * columns are features or neurons — PyTorch's orientation. Element (i, j) is data[i * cols + j].
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new EngineError('shape', `matrix shape must be non-negative integers, got [${rows} × ${cols}]`);
  }
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Wraps (does not copy) `data` as a [rows × cols] matrix. */
export function matrix(rows: number, cols: number, data: ArrayLike<number>): Matrix {
  if (data.length !== rows * cols) {
    throw new EngineError('shape', `expected ${rows * cols} values for a [${rows} × ${cols}] matrix, got ${data.length}`);
  }
  return { rows, cols, data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

/** Builds a matrix from an array of equal-length rows. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const out = zeros(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new EngineError('shape', `row ${i} has ${rows[i].length} values, expected ${c}`);
    out.data.set(rows[i], i * c);
  }
  return out;
}

/** A column vector [m × 1] from values: one feature across a batch. */
export function column(values: ArrayLike<number>): Matrix {
  return matrix(values.length, 1, Float64Array.from(values as ArrayLike<number>));
}

export function toRows(a: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

export function get(a: Matrix, i: number, j: number): number {
  return a.data[i * a.cols + j];
}

/** Column j as a new Float64Array. */
export function getColumn(a: Matrix, j: number): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) out[i] = a.data[i * a.cols + j];
  return out;
}

export function clone(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.slice() };
}

/** The transpose, newly allocated. */
export function transpose(a: Matrix): Matrix {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

export function sameShape(a: Matrix, b: Matrix): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

export function assertShape(name: string, a: Matrix, rows: number, cols: number): void {
  if (a.rows !== rows || a.cols !== cols) {
    throw new EngineError('shape', `${name} must be [${rows} × ${cols}], got [${a.rows} × ${a.cols}]`);
  }
}

/** Returns `out` if it has the shape, else a new zero matrix of that shape. */
export function ensure(out: Matrix | undefined, rows: number, cols: number): Matrix {
  return out && out.rows === rows && out.cols === cols ? out : zeros(rows, cols);
}

/** Largest absolute elementwise difference. */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  if (!sameShape(a, b)) throw new EngineError('shape', `cannot compare [${a.rows} × ${a.cols}] with [${b.rows} × ${b.cols}]`);
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

/**
 * The one product kernel behind matmul, matmulTransA and matmulTransB:
 *   C[i·n + j] = Σₚ A[i·ar + p·ac] · B[p·br + j·bc]   for i < m, j < n, p < k,
 * where (ar, ac) and (br, bc) are the row and column strides of the two operands as read, so a
 * transposed operand is just a swap of its strides. C is written, never read (no zero fill).
 *
 * Register-blocked: an 8 × 4 tile of C is 32 local accumulators, so each element loaded from A is
 * used 4 times and each from B 8 times. Typed-array loads, not arithmetic, are what cost in V8
 * (each one is bounds-checked, and the array's map and data pointer are re-read every iteration),
 * so fewer loads per multiply-add wins even though some accumulators spill to the stack; and `| 0`
 * on the index arithmetic lets V8 drop its overflow checks (indices are far below 2³¹). Edges use
 * 4 × 4, 4 × 2, 4 × 1, 1 × 4 and 1 × 1 tiles. Every entry is still Σₚ summed in order
 * p = 0, 1, …, k − 1 from 0, so the result is bit-for-bit that of the naive triple loop
 * (and 0 · ∞ gives NaN, as it should).
 */
function gemm(
  A: Float64Array, ar: number, ac: number,
  B: Float64Array, br: number, bc: number,
  C: Float64Array, m: number, k: number, n: number,
): void {
  const m4 = m & ~3, n4 = n & ~3;
  if (m4 * n4 * k >= WASM_MIN_MACS && wasmTiles(A, ar, ac, B, br, bc, C, m4, n4, k, n)) {
    // The wasm kernel wrote the 4 × 4 tiles; the leftover columns and rows are done here.
    if (n4 < n) for (let r = 0; r < m4; r += 4) rows4(A, ar, ac, B, br, bc, C, r, n4, k, n);
    for (let r = m4; r < m; r++) row1(A, ar, ac, B, br, bc, C, r, k, n);
    return;
  }
  let i = 0;
  for (; i + 8 <= m; i += 8) rows8(A, ar, ac, B, br, bc, C, i, k, n);
  for (; i + 4 <= m; i += 4) rows4(A, ar, ac, B, br, bc, C, i, 0, k, n);
  for (; i < m; i++) row1(A, ar, ac, B, br, bc, C, i, k, n);
}

/** Rows i … i+7 of C, in 8 × 4 tiles; leftover columns by rows4. */
function rows8(
  A: Float64Array, ar: number, ac: number,
  B: Float64Array, br: number, bc: number,
  C: Float64Array, i: number, k: number, n: number,
): void {
  const n4 = n - (n & 3), a0 = i * ar, aEnd = a0 + k * ac, ci = i * n;
  const ar2 = 2 * ar, ar3 = 3 * ar, ar4 = 4 * ar, ar5 = 5 * ar, ar6 = 6 * ar, ar7 = 7 * ar;
  const bc2 = 2 * bc, bc3 = 3 * bc;
  for (let j = 0; j < n4; j += 4) {
    let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    let c40 = 0, c41 = 0, c42 = 0, c43 = 0, c50 = 0, c51 = 0, c52 = 0, c53 = 0;
    let c60 = 0, c61 = 0, c62 = 0, c63 = 0, c70 = 0, c71 = 0, c72 = 0, c73 = 0;
    for (let a = a0, b = j * bc; a !== aEnd; a = (a + ac) | 0, b = (b + br) | 0) {
      const b0 = B[b], b1 = B[(b + bc) | 0], b2 = B[(b + bc2) | 0], b3 = B[(b + bc3) | 0];
      let x = A[a];
      c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
      x = A[(a + ar) | 0];
      c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
      x = A[(a + ar2) | 0];
      c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
      x = A[(a + ar3) | 0];
      c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
      x = A[(a + ar4) | 0];
      c40 += x * b0; c41 += x * b1; c42 += x * b2; c43 += x * b3;
      x = A[(a + ar5) | 0];
      c50 += x * b0; c51 += x * b1; c52 += x * b2; c53 += x * b3;
      x = A[(a + ar6) | 0];
      c60 += x * b0; c61 += x * b1; c62 += x * b2; c63 += x * b3;
      x = A[(a + ar7) | 0];
      c70 += x * b0; c71 += x * b1; c72 += x * b2; c73 += x * b3;
    }
    let c = ci + j;
    C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03; c += n;
    C[c] = c10; C[c + 1] = c11; C[c + 2] = c12; C[c + 3] = c13; c += n;
    C[c] = c20; C[c + 1] = c21; C[c + 2] = c22; C[c + 3] = c23; c += n;
    C[c] = c30; C[c + 1] = c31; C[c + 2] = c32; C[c + 3] = c33; c += n;
    C[c] = c40; C[c + 1] = c41; C[c + 2] = c42; C[c + 3] = c43; c += n;
    C[c] = c50; C[c + 1] = c51; C[c + 2] = c52; C[c + 3] = c53; c += n;
    C[c] = c60; C[c + 1] = c61; C[c + 2] = c62; C[c + 3] = c63; c += n;
    C[c] = c70; C[c + 1] = c71; C[c + 2] = c72; C[c + 3] = c73;
  }
  if (n4 < n) {
    rows4(A, ar, ac, B, br, bc, C, i, n4, k, n);
    rows4(A, ar, ac, B, br, bc, C, i + 4, n4, k, n);
  }
}

/** Rows i … i+3 of C, columns j0 … n−1: 4 × 4 tiles, then 4 × 2 and 4 × 1. */
function rows4(
  A: Float64Array, ar: number, ac: number,
  B: Float64Array, br: number, bc: number,
  C: Float64Array, i: number, j0: number, k: number, n: number,
): void {
  const n4 = j0 + ((n - j0) & ~3), a0 = i * ar, aEnd = a0 + k * ac, ci = i * n;
  const ar2 = 2 * ar, ar3 = 3 * ar, bc2 = 2 * bc, bc3 = 3 * bc, n2 = 2 * n, n3 = 3 * n;
  let j = j0;
  for (; j < n4; j += 4) {
    let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (let a = a0, b = j * bc; a !== aEnd; a += ac, b += br) {
      const b0 = B[b], b1 = B[b + bc], b2 = B[b + bc2], b3 = B[b + bc3];
      const x0 = A[a];
      c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
      const x1 = A[a + ar];
      c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
      const x2 = A[a + ar2];
      c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
      const x3 = A[a + ar3];
      c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
    }
    const c = ci + j;
    C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03;
    C[c + n] = c10; C[c + n + 1] = c11; C[c + n + 2] = c12; C[c + n + 3] = c13;
    C[c + n2] = c20; C[c + n2 + 1] = c21; C[c + n2 + 2] = c22; C[c + n2 + 3] = c23;
    C[c + n3] = c30; C[c + n3 + 1] = c31; C[c + n3 + 2] = c32; C[c + n3 + 3] = c33;
  }
  for (; j + 1 < n; j += 2) {
    let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
    for (let a = a0, b = j * bc; a !== aEnd; a += ac, b += br) {
      const b0 = B[b], b1 = B[b + bc];
      const x0 = A[a], x1 = A[a + ar], x2 = A[a + ar2], x3 = A[a + ar3];
      c00 += x0 * b0; c01 += x0 * b1; c10 += x1 * b0; c11 += x1 * b1;
      c20 += x2 * b0; c21 += x2 * b1; c30 += x3 * b0; c31 += x3 * b1;
    }
    const c = ci + j;
    C[c] = c00; C[c + 1] = c01; C[c + n] = c10; C[c + n + 1] = c11;
    C[c + n2] = c20; C[c + n2 + 1] = c21; C[c + n3] = c30; C[c + n3 + 1] = c31;
  }
  if (j < n) {
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let a = a0, b = j * bc; a !== aEnd; a += ac, b += br) {
      const bv = B[b];
      c0 += A[a] * bv; c1 += A[a + ar] * bv; c2 += A[a + ar2] * bv; c3 += A[a + ar3] * bv;
    }
    const c = ci + j;
    C[c] = c0; C[c + n] = c1; C[c + n2] = c2; C[c + n3] = c3;
  }
}

/** Row i of C: 1 × 4 tiles, then single entries. */
function row1(
  A: Float64Array, ar: number, ac: number,
  B: Float64Array, br: number, bc: number,
  C: Float64Array, i: number, k: number, n: number,
): void {
  const n4 = n - (n & 3), a0 = i * ar, aEnd = a0 + k * ac, ci = i * n, bc2 = 2 * bc, bc3 = 3 * bc;
  let j = 0;
  for (; j < n4; j += 4) {
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let a = a0, b = j * bc; a !== aEnd; a += ac, b += br) {
      const x = A[a];
      c0 += x * B[b]; c1 += x * B[b + bc]; c2 += x * B[b + bc2]; c3 += x * B[b + bc3];
    }
    const c = ci + j;
    C[c] = c0; C[c + 1] = c1; C[c + 2] = c2; C[c + 3] = c3;
  }
  for (; j < n; j++) {
    let s = 0;
    for (let a = a0, b = j * bc; a !== aEnd; a += ac, b += br) s += A[a] * B[b];
    C[ci + j] = s;
  }
}

function overlaps(x: Float64Array, y: Float64Array): boolean {
  if (x.buffer !== y.buffer || x.length === 0 || y.length === 0) return false;
  return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/** The output buffer for a product, which must not share memory with an operand. */
function productOut(a: Matrix, b: Matrix, out: Matrix | undefined, rows: number, cols: number): Matrix {
  const c = ensure(out, rows, cols);
  if (overlaps(c.data, a.data) || overlaps(c.data, b.data)) {
    throw new EngineError('shape', 'the output of a matrix product must not share memory with an operand');
  }
  return c;
}

/** C = A · B, with A [m × k] and B [k × n]. Writes into `out` ([m × n]) when it has the shape. */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.rows) throw new EngineError('shape', `cannot multiply [${a.rows} × ${a.cols}] by [${b.rows} × ${b.cols}]`);
  const m = a.rows, k = a.cols, n = b.cols;
  const c = productOut(a, b, out, m, n);
  gemm(a.data, k, 1, b.data, n, 1, c.data, m, k, n);
  return c;
}

/** C = Aᵀ · B, with A [m × k] and B [m × n]; C is [k × n]. (dW = Xᵀ · dZ.) Writes into `out` when it has the shape. */
export function matmulTransA(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.rows !== b.rows) throw new EngineError('shape', `cannot multiply [${a.rows} × ${a.cols}]ᵀ by [${b.rows} × ${b.cols}]`);
  const m = a.rows, k = a.cols, n = b.cols;
  const c = productOut(a, b, out, k, n);
  gemm(a.data, 1, k, b.data, n, 1, c.data, k, m, n);
  return c;
}

/** C = A · Bᵀ, with A [m × n] and B [k × n]; C is [m × k]. (dX = dZ · Wᵀ.) Writes into `out` when it has the shape. */
export function matmulTransB(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.cols) throw new EngineError('shape', `cannot multiply [${a.rows} × ${a.cols}] by [${b.rows} × ${b.cols}]ᵀ`);
  const m = a.rows, n = a.cols, k = b.rows;
  const c = productOut(a, b, out, m, k);
  gemm(a.data, n, 1, b.data, 1, n, c.data, m, n, k);
  return c;
}
