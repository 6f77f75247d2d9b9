/**
 * A log-scale slider position ⇄ value: positions are powers of ten (position p ↦ 10^p), and, when
 * `zeroBelow` is set, the position one step under `minExp` means exactly 0.
 */
export interface LogScaleSpec {
  minExp: number;
  maxExp: number;
  step: number;
  zeroBelow: boolean;
}

/** Slider bounds: [lowest position, highest position]. */
export function logBounds(spec: LogScaleSpec): [number, number] {
  return [spec.zeroBelow ? spec.minExp - spec.step : spec.minExp, spec.maxExp];
}

export function fromLogPosition(pos: number, spec: LogScaleSpec): number {
  if (spec.zeroBelow && pos < spec.minExp) return 0;
  return Number((10 ** pos).toPrecision(12));
}

/** The slider position nearest to `value` (0 → the zero stop, or the lowest position). */
export function toLogPosition(value: number, spec: LogScaleSpec): number {
  const [lo, hi] = logBounds(spec);
  if (!(value > 0)) return lo;
  const p = Math.round(Math.log10(value) / spec.step) * spec.step;
  return Math.min(hi, Math.max(spec.minExp, p));
}
