import type { Shape4 } from './tensor4';

/**
 * im2col and its adjoint col2im: the rearrangement that turns a convolution into one matrix product
 * (Chellapilla et al. 2006; Caffe's layout). For x [n, C, H, W], kernel kh × kw, stride s, padding p
 * and output OH × OW, the matrix cols is [C·kh·kw × n·OH·OW]:
 *
 *   cols[(c·kh + ki)·kw + kj, (i·OH + oy)·OW + ox] = x[i, c, oy·s + ki − p, ox·s + kj − p]   (0 outside)
 *
 * so row r is one weight position (c, ki, kj) and column j one output pixel (i, oy, ox). Each row is
 * written left to right, reading the input a row at a time: contiguous on both sides when s = 1.
 */
export interface ConvGeometry {
  readonly kernelH: number;
  readonly kernelW: number;
  readonly stride: number;
  readonly padding: number;
}

/** The first output column ox whose input column ox·s + kj − p is ≥ 0. */
const validFrom = (kj: number, s: number, p: number, OW: number): number => Math.min(OW, Math.max(0, Math.ceil((p - kj) / s)));

/** One past the last output column ox (≥ lo) whose input column ox·s + kj − p is < W. */
const validTo = (lo: number, kj: number, s: number, p: number, W: number, OW: number): number =>
  Math.max(lo, Math.min(OW, Math.floor((W - 1 + p - kj) / s) + 1));

/** Writes cols (length C·kh·kw·n·OH·OW) from X (x's data, NCHW of `shape`). */
export function im2col(X: Float64Array, shape: Shape4, g: ConvGeometry, OH: number, OW: number, cols: Float64Array): void {
  const [n, C, H, W] = shape;
  const { kernelH: kh, kernelW: kw, stride: s, padding: p } = g;
  const P = OH * OW, NP = n * P;
  for (let c = 0; c < C; c++) {
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const row = ((c * kh + ki) * kw + kj) * NP;
        const lo = validFrom(kj, s, p, OW), hi = validTo(lo, kj, s, p, W, OW);
        for (let i = 0; i < n; i++) {
          const plane = (i * C + c) * H * W;
          for (let oy = 0; oy < OH; oy++) {
            const y = oy * s + ki - p, dst = row + i * P + oy * OW;
            if (y < 0 || y >= H) {
              cols.fill(0, dst, dst + OW);
              continue;
            }
            const src = plane + y * W + kj - p;
            for (let ox = 0; ox < lo; ox++) cols[dst + ox] = 0;
            for (let ox = lo; ox < hi; ox++) cols[dst + ox] = X[src + ox * s];
            for (let ox = hi; ox < OW; ox++) cols[dst + ox] = 0;
          }
        }
      }
    }
  }
}

/**
 * The adjoint of im2col: dX[i, c, y, x] = Σ of dCols over every (row, column) that im2col read
 * x[i, c, y, x] into. Overwrites dX (zeroes it first). Each dX entry receives its terms in the order
 * (ki, kj) = (0, 0), (0, 1), …, so the result does not depend on anything but the inputs.
 */
export function col2im(dCols: Float64Array, shape: Shape4, g: ConvGeometry, OH: number, OW: number, dX: Float64Array): void {
  const [n, C, H, W] = shape;
  const { kernelH: kh, kernelW: kw, stride: s, padding: p } = g;
  const P = OH * OW, NP = n * P;
  dX.fill(0);
  for (let c = 0; c < C; c++) {
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const row = ((c * kh + ki) * kw + kj) * NP;
        const lo = validFrom(kj, s, p, OW), hi = validTo(lo, kj, s, p, W, OW);
        for (let i = 0; i < n; i++) {
          const plane = (i * C + c) * H * W;
          for (let oy = 0; oy < OH; oy++) {
            const y = oy * s + ki - p;
            if (y < 0 || y >= H) continue;
            const src = row + i * P + oy * OW, dst = plane + y * W + kj - p;
            for (let ox = lo; ox < hi; ox++) dX[dst + ox * s] += dCols[src + ox];
          }
        }
      }
    }
  }
}
