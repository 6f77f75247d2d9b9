import { EngineError } from './errors';
import { type Tensor4, assertShape4, ensure4, formatShape, zeros4 } from './tensor4';

/**
 * Max and average pooling over k × k windows with stride s and no padding, per sample and channel,
 * as PyTorch's nn.MaxPool2d(k, s) and nn.AvgPool2d(k, s). For x [n, C, H, W] the output is
 * y [n, C, OH, OW] with OH = ⌊(H − k)/s⌋ + 1 (rows and columns past the last whole window are
 * dropped, as in PyTorch):
 *
 *   max: y[i, c, oy, ox] = max over the k × k region of x[i, c, oy·s + u, ox·s + v],  u, v < k
 *   avg: y[i, c, oy, ox] = (1/k²) Σ over the k × k region
 *
 * Backward: max sends dy to the one input that was the maximum; when several tie, to the FIRST in
 * row-major order within the region (PyTorch's rule: a later value replaces the running maximum only
 * if strictly greater, or NaN). Average sends dy/k² to every input of the region.
 */
export type PoolKind = 'max' | 'avg';

export interface Pool2d {
  readonly kind: PoolKind;
  /** Window size k (k × k). */
  readonly kernel: number;
  /** Stride s; PyTorch's default is the window size. */
  readonly stride: number;
}

/** A pooling layer; the default is the usual 2 × 2 window with stride 2. */
export function createPool2d(kind: PoolKind, kernel = 2, stride = kernel): Pool2d {
  if (kind !== 'max' && kind !== 'avg') throw new EngineError('config', `unknown pooling "${String(kind)}", expected max or avg`);
  if (!Number.isInteger(kernel) || kernel < 1 || !Number.isInteger(stride) || stride < 1) {
    throw new EngineError('config', `pooling needs a positive integer window and stride, got window ${kernel}, stride ${stride}`);
  }
  return { kind, kernel, stride };
}

/** The forward record, reused across calls of the same shape. */
export interface Pool2dForward {
  /** Output [n, C, OH, OW]. */
  readonly y: Tensor4;
  /** The input's shape, for the backward pass. */
  readonly xShape: Tensor4['shape'];
  /** Max pooling: for each output entry, the index into x's data of the input that won; else null. */
  readonly argmax: Int32Array | null;
}

const outputSize = (size: number, k: number, s: number): number => Math.floor((size - k) / s) + 1;

/** Forward pass; x is [n, C, H, W]. @throws EngineError (PyTorch's wording) when a window does not fit. */
export function pool2dForward(pool: Pool2d, x: Tensor4, out?: Pool2dForward): Pool2dForward {
  const n = x.shape[0], C = x.shape[1], H = x.shape[2], W = x.shape[3], k = pool.kernel, s = pool.stride;
  if (H < k || W < k) {
    const oh = Math.max(0, outputSize(H, k, s)), ow = Math.max(0, outputSize(W, k, s));
    throw new EngineError('shape', `Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${oh}x${ow}). Output size is too small`);
  }
  const OH = outputSize(H, k, s), OW = outputSize(W, k, s);
  let f = out;
  const y = f?.y.shape, xs = f?.xShape;
  const fits = f && y && xs && y[0] === n && y[1] === C && y[2] === OH && y[3] === OW && xs[2] === H && xs[3] === W;
  if (!f || !fits || (pool.kind === 'max') !== (f.argmax !== null)) {
    f = { y: zeros4([n, C, OH, OW]), xShape: [n, C, H, W], argmax: pool.kind === 'max' ? new Int32Array(n * C * OH * OW) : null };
  }
  if (f.argmax && k === 2 && s === 2) maxForward2(x.data, n * C, H, W, OH, OW, f.y.data, f.argmax);
  else if (f.argmax) maxForward(x.data, n * C, H, W, OH, OW, k, s, f.y.data, f.argmax);
  else avgForward(x.data, n * C, H, W, OH, OW, k, s, f.y.data);
  return f;
}

/** planes = n·C images of H × W; Y and A (argmax) are planes × OH × OW. */
function maxForward(X: Float64Array, planes: number, H: number, W: number, OH: number, OW: number, k: number, s: number, Y: Float64Array, A: Int32Array): void {
  let j = 0;
  for (let pl = 0; pl < planes; pl++) {
    const base = pl * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++, j++) {
        const corner = base + oy * s * W + ox * s;
        let best = corner, max = X[corner];
        for (let u = 0; u < k; u++) {
          for (let v = 0, r = corner + u * W; v < k; v++, r++) {
            const val = X[r];
            if (val > max || val !== val) {
              max = val;
              best = r;
            }
          }
        }
        Y[j] = max;
        A[j] = best;
      }
    }
  }
}

/** maxForward for the usual 2 × 2 window, stride 2, unrolled: the same comparisons in the same order. */
function maxForward2(X: Float64Array, planes: number, H: number, W: number, OH: number, OW: number, Y: Float64Array, A: Int32Array): void {
  let j = 0;
  for (let pl = 0; pl < planes; pl++) {
    const base = pl * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0, r = base + 2 * oy * W; ox < OW; ox++, j++, r += 2) {
        let best = r, max = X[r];
        let v = X[r + 1];
        if (v > max || v !== v) { max = v; best = r + 1; }
        v = X[r + W];
        if (v > max || v !== v) { max = v; best = r + W; }
        v = X[r + W + 1];
        if (v > max || v !== v) { max = v; best = r + W + 1; }
        Y[j] = max;
        A[j] = best;
      }
    }
  }
}

function avgForward(X: Float64Array, planes: number, H: number, W: number, OH: number, OW: number, k: number, s: number, Y: Float64Array): void {
  const scale = 1 / (k * k);
  let j = 0;
  for (let pl = 0; pl < planes; pl++) {
    const base = pl * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++, j++) {
        const corner = base + oy * s * W + ox * s;
        let sum = 0;
        for (let u = 0; u < k; u++) for (let v = 0, r = corner + u * W; v < k; v++, r++) sum += X[r];
        Y[j] = sum * scale;
      }
    }
  }
}

/**
 * The exact backward pass: dx [n, C, H, W] from dy [n, C, OH, OW]. Writes into `out` when it has
 * the shape (overwriting it). Inputs in no window (the dropped border) get 0.
 */
export function pool2dBackward(pool: Pool2d, fwd: Pool2dForward, dy: Tensor4, out?: Tensor4): Tensor4 {
  assertShape4('∂L/∂y', dy, fwd.y.shape);
  const dx = ensure4(out, fwd.xShape);
  const DX = dx.data, DY = dy.data;
  DX.fill(0);
  const A = fwd.argmax;
  if (pool.kind === 'max') {
    if (!A) throw new EngineError('config', `this forward record of shape ${formatShape(fwd.y.shape)} is not a max pooling's`);
    for (let j = 0; j < DY.length; j++) DX[A[j]] += DY[j];
    return dx;
  }
  const [n, C, H, W] = fwd.xShape, OH = fwd.y.shape[2], OW = fwd.y.shape[3], k = pool.kernel, s = pool.stride;
  const scale = 1 / (k * k);
  let j = 0;
  for (let pl = 0; pl < n * C; pl++) {
    const base = pl * H * W;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++, j++) {
        const corner = base + oy * s * W + ox * s, g = DY[j] * scale;
        for (let u = 0; u < k; u++) for (let v = 0, r = corner + u * W; v < k; v++, r++) DX[r] += g;
      }
    }
  }
  return dx;
}
