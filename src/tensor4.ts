import { EngineError } from './errors';
import { type Matrix, matrix } from './matrix';

/**
 * A batch of images, NCHW as in PyTorch: n samples, c channels, h rows, w columns, stored row-major
 * in one Float64Array. Element (i, ch, y, x) is data[((i·c + ch)·h + y)·w + x], so one channel of one
 * sample is a contiguous h·w block and one sample a contiguous c·h·w block.
 */
export type Shape4 = readonly [n: number, c: number, h: number, w: number];

export interface Tensor4 {
  readonly shape: Shape4;
  readonly data: Float64Array;
}

/** "[32, 8, 26, 26]", PyTorch's way of printing a size. */
export function formatShape(shape: readonly unknown[]): string {
  return `[${shape.map(String).join(', ')}]`;
}

/** @throws EngineError unless `shape` is four non-negative integers. */
export function checkShape4(name: string, shape: readonly number[]): void {
  if (shape.length !== 4 || !shape.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new EngineError('shape', `${name} must be four non-negative integers [n, c, h, w], got ${formatShape(shape)}`);
  }
}

/** n·c·h·w. */
export function size4(shape: Shape4): number {
  return shape[0] * shape[1] * shape[2] * shape[3];
}

/** A zero tensor of `shape`. @throws EngineError on a non-integer or negative size. */
export function zeros4(shape: Shape4): Tensor4 {
  checkShape4('tensor shape', shape);
  return { shape: [shape[0], shape[1], shape[2], shape[3]], data: new Float64Array(size4(shape)) };
}

/** Wraps (does not copy, if it already is a Float64Array) `data` as a tensor of `shape`. */
export function tensor4(shape: Shape4, data: ArrayLike<number>): Tensor4 {
  checkShape4('tensor shape', shape);
  if (data.length !== size4(shape)) {
    throw new EngineError('shape', `expected ${size4(shape)} values for a ${formatShape(shape)} tensor, got ${data.length}`);
  }
  return { shape: [shape[0], shape[1], shape[2], shape[3]], data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

export function sameShape4(a: Shape4, b: Shape4): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** @throws EngineError unless `t` has exactly `shape`. */
export function assertShape4(name: string, t: Tensor4, shape: Shape4): void {
  if (!sameShape4(t.shape, shape)) {
    throw new EngineError('shape', `${name} must be ${formatShape(shape)}, got ${formatShape(t.shape)}`);
  }
}

/** Returns `out` if it has `shape`, else a new zero tensor of that shape. */
export function ensure4(out: Tensor4 | undefined, shape: Shape4): Tensor4 {
  return out && sameShape4(out.shape, shape) ? out : zeros4(shape);
}

/**
 * Flatten (PyTorch's nn.Flatten): the [n × c·h·w] matrix of `t`, a view that SHARES `t`'s data
 * (row i is sample i's channels one after another), so writing one writes the other. Its backward
 * is the same view of the gradient: flatten moves no numbers.
 */
export function flatten(t: Tensor4): Matrix {
  const [n, c, h, w] = t.shape;
  return matrix(n, c * h * w, t.data);
}

/** The inverse of `flatten`: `m` [n × c·h·w] seen (not copied) as a tensor of `shape`. */
export function unflatten(m: Matrix, shape: Shape4): Tensor4 {
  if (m.rows !== shape[0] || m.cols !== shape[1] * shape[2] * shape[3]) {
    throw new EngineError('shape', `a [${m.rows} × ${m.cols}] matrix cannot be seen as a ${formatShape(shape)} tensor`);
  }
  return tensor4(shape, m.data);
}

/** Element (i, ch, y, x). */
export function get4(t: Tensor4, i: number, ch: number, y: number, x: number): number {
  const [, c, h, w] = t.shape;
  return t.data[((i * c + ch) * h + y) * w + x];
}
