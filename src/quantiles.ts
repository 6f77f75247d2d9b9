import { EngineError } from './errors';

/**
 * Quantiles with linear interpolation between order statistics — numpy's default
 * (`method='linear'`), R's type 7: for sorted v of length n, position h = q·(n − 1) and
 * Q(q) = v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋ + 1] − v[⌊h⌋]). Q(0) is the minimum, Q(1) the maximum.
 * As in numpy, a NaN anywhere in the values makes every quantile NaN.
 */

function checkQuantile(q: number): void {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
    throw new EngineError('hyperparameter', `a quantile must be a number in [0, 1], got ${String(q)}`);
  }
}

/** Q(q) of values already sorted ascending (no NaN). No allocation. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  checkQuantile(q);
  const n = sorted.length;
  if (n === 0) throw new EngineError('shape', 'cannot take a quantile of an empty array');
  const h = q * (n - 1);
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  const a = sorted[lo], b = sorted[lo + 1];
  // a + frac·(b − a) is exact at frac = 0 and keeps equal neighbours (even ±Infinity) unchanged.
  return frac === 0 || a === b ? a : a + frac * (b - a);
}

/**
 * Several quantiles of `values` at once (one sort). `values` is not modified: it is copied into
 * `scratch` when given (length ≥ values.length, reused across calls: no allocation), else into a
 * new array. Writes into `out` when given. Returns one number per entry of `qs`.
 */
export function quantiles(
  values: ArrayLike<number>,
  qs: readonly number[],
  out: Float64Array = new Float64Array(qs.length),
  scratch?: Float64Array,
): Float64Array {
  const n = values.length;
  if (n === 0) throw new EngineError('shape', 'cannot take a quantile of an empty array');
  if (out.length < qs.length) throw new EngineError('shape', `output has room for ${out.length} quantiles, need ${qs.length}`);
  for (const q of qs) checkQuantile(q);
  const buf = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) hasNaN = true;
    buf[i] = v;
  }
  if (hasNaN) {
    out.fill(NaN, 0, qs.length);
    return out;
  }
  buf.sort();
  for (let k = 0; k < qs.length; k++) out[k] = quantileSorted(buf, qs[k]);
  return out;
}

/** One quantile of `values` (not modified). */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantiles(values, [q])[0];
}
