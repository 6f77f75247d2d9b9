import { EngineError, checkFinite } from './errors';

/**
 * Why batch norm computes σ² in two passes: the one-pass formula E[z²] − μ² subtracts two large,
 * nearly equal numbers when the data sit far from 0, and the difference drowns in rounding.
 * Both formulas are written here with every operation rounded to a chosen precision, so float32
 * (Math.fround after each operation) and float64 can be compared on the same data.
 */
export type Precision = 'float32' | 'float64';

const identity = (x: number): number => x;
function rounder(precision: Precision): (x: number) => number {
  if (precision === 'float32') return Math.fround;
  if (precision === 'float64') return identity;
  throw new EngineError('config', `unknown precision "${String(precision)}"`);
}

function checkValues(values: ArrayLike<number>): void {
  if (values.length < 1) throw new EngineError('batch-size', 'a variance needs at least one value');
  for (let i = 0; i < values.length; i++) checkFinite(`value ${i}`, values[i]);
}

/** One pass: σ² = (1/m) Σ zᵢ² − ((1/m) Σ zᵢ)², each operation rounded to `precision`. Can be negative. */
export function onePassVariance(values: ArrayLike<number>, precision: Precision = 'float64'): number {
  checkValues(values);
  const r = rounder(precision), m = values.length;
  let sum = 0, sumSq = 0;
  for (let i = 0; i < m; i++) {
    const x = r(values[i]);
    sum = r(sum + x);
    sumSq = r(sumSq + r(x * x));
  }
  const mean = r(sum / m);
  return r(r(sumSq / m) - r(mean * mean));
}

/** Two passes: μ first, then σ² = (1/m) Σ (zᵢ − μ)², each operation rounded to `precision`. Never negative. */
export function twoPassVariance(values: ArrayLike<number>, precision: Precision = 'float64'): number {
  checkValues(values);
  const r = rounder(precision), m = values.length;
  let sum = 0;
  for (let i = 0; i < m; i++) sum = r(sum + r(values[i]));
  const mean = r(sum / m);
  let ss = 0;
  for (let i = 0; i < m; i++) {
    const d = r(r(values[i]) - mean);
    ss = r(ss + r(d * d));
  }
  return r(ss / m);
}

export interface VarianceEstimate {
  precision: Precision;
  method: 'one-pass' | 'two-pass';
  /** The computed σ². */
  value: number;
  /** |value − reference| / reference (Infinity when the reference is 0 and value is not). */
  relativeError: number;
}

export interface VarianceCancellation {
  /** The offset added to every value. */
  offset: number;
  /** σ² of the un-offset batch in float64 by two passes: a shift never changes the variance. */
  reference: number;
  /** Spacing of float32 numbers near the largest |zᵢ + offset| (how coarsely float32 stores the data). */
  float32Spacing: number;
  /** One-pass and two-pass, in float32 and float64, on zᵢ + offset. */
  estimates: VarianceEstimate[];
}

/** Gap between x and the next float32 above |x|. */
export function float32Spacing(x: number): number {
  const a = Math.fround(Math.abs(x));
  const buf = new Float32Array([a]);
  const bits = new Uint32Array(buf.buffer);
  bits[0] += 1;
  return buf[0] - a;
}

/**
 * Adds `offset` to every value and estimates σ² four ways. The reference is the two-pass float64
 * variance of the original values (the exact answer up to ~1e-16, since σ² ignores shifts).
 * @param values length m ≥ 1
 */
export function varianceCancellation(values: ArrayLike<number>, offset: number): VarianceCancellation {
  checkValues(values);
  checkFinite('offset', offset);
  const shifted = Float64Array.from(values as ArrayLike<number>, (v) => v + offset);
  const reference = twoPassVariance(values, 'float64');
  let big = 0;
  for (const v of shifted) big = Math.max(big, Math.abs(v));
  const estimates: VarianceEstimate[] = [];
  for (const precision of ['float32', 'float64'] as const) {
    for (const method of ['one-pass', 'two-pass'] as const) {
      const value = method === 'one-pass' ? onePassVariance(shifted, precision) : twoPassVariance(shifted, precision);
      const err = Math.abs(value - reference);
      const relativeError = reference === 0 ? (err === 0 ? 0 : Infinity) : err / reference;
      estimates.push({ precision, method, value, relativeError });
    }
  }
  return { offset, reference, float32Spacing: float32Spacing(big), estimates };
}
