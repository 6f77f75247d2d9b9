import { type Shape4, type Tensor4, createRng, zeros4 } from '../../src';

/**
 * Test helpers for image tensors: seeded random NCHW tensors (optionally rounded to float32, so the
 * engine and TF.js start from the same numbers), and the error measures the tests state.
 */
export function randomTensor(shape: Shape4, seed: number, options: { scale?: number; shift?: number; f32?: boolean } = {}): Tensor4 {
  const rng = createRng(seed);
  const t = zeros4(shape);
  const { scale = 1, shift = 0, f32 = false } = options;
  for (let i = 0; i < t.data.length; i++) {
    const v = shift + scale * rng.gaussian();
    t.data[i] = f32 ? Math.fround(v) : v;
  }
  return t;
}

/** ‖a − b‖∞ / ‖b‖∞: the error relative to the largest entry of the reference b. */
export function normwiseError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let diff = 0, size = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    size = Math.max(size, Math.abs(b[i]));
  }
  return Number.isNaN(diff) ? Infinity : diff / size;
}

/** NCHW → NHWC, as TF.js lays out images. */
export function toNhwc(t: Tensor4): Float32Array {
  const [n, c, h, w] = t.shape;
  const out = new Float32Array(t.data.length);
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    out[((i * h + y) * w + x) * c + ch] = t.data[((i * c + ch) * h + y) * w + x];
  }
  return out;
}

/** NHWC → NCHW (the inverse of toNhwc), as plain numbers. */
export function fromNhwc(data: ArrayLike<number>, shape: Shape4): Float64Array {
  const [n, c, h, w] = shape;
  const out = new Float64Array(data.length);
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    out[((i * c + ch) * h + y) * w + x] = data[((i * h + y) * w + x) * c + ch];
  }
  return out;
}
