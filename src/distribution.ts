import { EngineError, checkFinite, checkInteger } from './errors';

/** Counts of values in equal-width bins over [lo, hi]. */
export interface Histogram {
  /** bins + 1 edges, edges[0] = lo, edges[bins] = hi. */
  readonly edges: Float64Array;
  /** counts[k] = number of values in [edges[k], edges[k+1]) (the last bin also holds hi). */
  readonly counts: Float64Array;
  /** Finite values below lo or above hi (not in any bin). */
  readonly outside: number;
  /** NaN or ±∞ values (not in any bin). */
  readonly nonFinite: number;
  /** All values seen. */
  readonly total: number;
}

/**
 * Bins `values` into `bins` equal-width bins over [lo, hi].
 * @throws EngineError when bins < 1 or the range is not finite with lo < hi
 */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): Histogram {
  checkInteger('number of bins', bins, 1);
  checkFinite('histogram low edge', lo);
  checkFinite('histogram high edge', hi);
  if (!(hi > lo)) throw new EngineError('config', `histogram range must have low < high, got [${lo}, ${hi}]`);
  const edges = new Float64Array(bins + 1);
  const width = (hi - lo) / bins;
  for (let k = 0; k <= bins; k++) edges[k] = lo + k * width;
  edges[bins] = hi;
  const counts = new Float64Array(bins);
  let outside = 0, nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) nonFinite++;
    else if (v < lo || v > hi) outside++;
    else counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return { edges, counts, outside, nonFinite, total: values.length };
}

/** A distribution in a few numbers. */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  /** Biased (1/n) standard deviation, two passes. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Fraction of values exactly 0 (what ReLU produces for every negative input). */
  readonly zeroFraction: number;
  /** Fraction of values > 0. */
  readonly positiveFraction: number;
}

/**
 * Mean, standard deviation, range and zero/positive fractions of `values` (length ≥ 1, finite).
 */
export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n < 1) throw new EngineError('batch-size', 'a summary needs at least one value');
  let sum = 0, min = Infinity, max = -Infinity, zeros = 0, positive = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    checkFinite(`value ${i}`, v);
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
    else if (v > 0) positive++;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
  return { count: n, mean, std: Math.sqrt(ss / n), min, max, zeroFraction: zeros / n, positiveFraction: positive / n };
}
