import type { Point } from './point';

export interface DownsampleOptions {
  /** Which values may be drawn (default: finite ones). Others are skipped, never drawn. */
  keep?: (v: number) => boolean;
  /** The scale the chart draws v on (e.g. Math.log10 for a log axis), used to judge shape. */
  scale?: (v: number) => number;
}

const finite = (v: number): boolean => Number.isFinite(v);
const identity = (v: number): number => v;

/**
 * At most `maxPoints` of the first `n` points (x[i], y[i]) that keep the line's look, by
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): the first and last points stay, and from each
 * of the maxPoints − 2 buckets in between, the point that makes the largest triangle with the point
 * chosen before it and the mean of the next bucket. Non-finite values are dropped first, so a chart
 * never receives NaN or ±∞. O(n) time. With n ≤ maxPoints every kept point is returned, in order.
 */
export function downsample(x: ArrayLike<number>, y: ArrayLike<number>, n: number, maxPoints: number, options: DownsampleOptions = {}): Point[] {
  const keep = options.keep ?? finite, scale = options.scale ?? identity;
  // Indices of the drawable points (none allocated in the usual case where all of them are).
  let m = 0;
  for (let i = 0; i < n; i++) if (finite(x[i]) && finite(y[i]) && keep(y[i])) m++;
  const all = m === n;
  const idx = new Int32Array(all ? 0 : m);
  if (!all) for (let i = 0, k = 0; i < n; i++) if (finite(x[i]) && finite(y[i]) && keep(y[i])) idx[k++] = i;
  const I = (k: number): number => (all ? k : idx[k]);
  const at = (k: number): Point => ({ s: x[I(k)], v: y[I(k)] });
  if (m <= maxPoints) return Array.from({ length: m }, (_, k) => at(k));
  if (maxPoints < 3) return maxPoints <= 0 ? [] : maxPoints === 1 ? [at(m - 1)] : [at(0), at(m - 1)];
  const Y = (k: number): number => scale(y[I(k)]);
  const out: Point[] = [at(0)];
  const every = (m - 2) / (maxPoints - 2);
  let a = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    const lo = Math.floor(b * every) + 1, hi = Math.floor((b + 1) * every) + 1;
    // Mean of the next bucket (the last point for the final bucket).
    const nLo = hi, nHi = Math.min(Math.floor((b + 2) * every) + 1, m);
    let mx = 0, my = 0;
    for (let k = nLo; k < nHi; k++) {
      mx += x[I(k)];
      my += Y(k);
    }
    const cnt = nHi - nLo;
    if (cnt > 0) {
      mx /= cnt;
      my /= cnt;
    } else {
      mx = x[I(m - 1)];
      my = Y(m - 1);
    }
    const ax = x[I(a)], ay = Y(a);
    let best = lo, area = -1;
    for (let k = lo; k < hi; k++) {
      const s = Math.abs((ax - mx) * (Y(k) - ay) - (ax - x[I(k)]) * (my - ay));
      if (s > area) {
        area = s;
        best = k;
      }
    }
    out.push(at(best));
    a = best;
  }
  out.push(at(m - 1));
  return out;
}
