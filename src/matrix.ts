import { EngineError } from './errors';

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
 * C = A · B, with A [m × k] and B [k × n]. Writes into `out` ([m × n]) when given.
 * Loop order i-p-j keeps the inner loop on contiguous rows of B and C.
 */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.rows) throw new EngineError('shape', `cannot multiply [${a.rows} × ${a.cols}] by [${b.rows} × ${b.cols}]`);
  const m = a.rows, k = a.cols, n = b.cols;
  const c = ensure(out, m, n);
  const A = a.data, B = b.data, C = c.data;
  C.fill(0);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    const ai = i * k;
    for (let p = 0; p < k; p++) {
      const aip = A[ai + p];
      if (aip === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) C[ci + j] += aip * B[bp + j];
    }
  }
  return c;
}

/** C = Aᵀ · B, with A [m × k] and B [m × n]; C is [k × n]. (dW = Xᵀ · dZ.) */
export function matmulTransA(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.rows !== b.rows) throw new EngineError('shape', `cannot multiply [${a.rows} × ${a.cols}]ᵀ by [${b.rows} × ${b.cols}]`);
  const m = a.rows, k = a.cols, n = b.cols;
  const c = ensure(out, k, n);
  const A = a.data, B = b.data, C = c.data;
  C.fill(0);
  for (let r = 0; r < m; r++) {
    const ar = r * k, br = r * n;
    for (let i = 0; i < k; i++) {
      const v = A[ar + i];
      if (v === 0) continue;
      const ci = i * n;
      for (let j = 0; j < n; j++) C[ci + j] += v * B[br + j];
    }
  }
  return c;
}

/** C = A · Bᵀ, with A [m × n] and B [k × n]; C is [m × k]. (dX = dZ · Wᵀ.) */
export function matmulTransB(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.cols) throw new EngineError('shape', `cannot multiply [${a.rows} × ${a.cols}] by [${b.rows} × ${b.cols}]ᵀ`);
  const m = a.rows, n = a.cols, k = b.rows;
  const c = ensure(out, m, k);
  const A = a.data, B = b.data, C = c.data;
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < k; j++) {
      const bj = j * n;
      let s = 0;
      for (let p = 0; p < n; p++) s += A[ai + p] * B[bj + p];
      C[i * k + j] = s;
    }
  }
  return c;
}
