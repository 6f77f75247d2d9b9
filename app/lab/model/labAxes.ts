import type { ChartLine } from './labCharts';

/**
 * The axes of the lab's charts: ranges that fit their lines or columns, round linear ticks, powers
 * of ten on log axes, and room for the labels. Pure.
 */

/**
 * A y range that holds every point of `lines`, padded by `pad` of the span (a flat line gets ±0.5),
 * or null when there is nothing to draw.
 */
export function valueDomain(lines: readonly ChartLine[], pad = 0.05): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const line of lines) for (const p of line.points) {
    lo = Math.min(lo, p.v);
    hi = Math.max(hi, p.v);
  }
  if (!(lo <= hi)) return null;
  if (hi - lo < 1e-12) return [lo - 0.5, hi + 0.5];
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

/** A log-axis range: the powers of ten around every (positive) point, or null when there is none. */
export function logDomain(lines: readonly ChartLine[]): [number, number] | null {
  const d = valueDomain(lines, 0);
  if (!d || !(d[0] > 0)) return null;
  const lo = 10 ** Math.floor(Math.log10(d[0])), hi = 10 ** Math.ceil(Math.log10(d[1]));
  return [lo, hi > lo ? hi : lo * 10];
}

/**
 * 1, 2, 2.5 or 5 × 10^k: the smallest such step ≥ `raw` (rounds up, so `count` ticks always fit;
 * app/ui/scale.ts's niceStep rounds to the nearest 1-2-5 step instead).
 */
export function stepAtLeast(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw * (1 - 1e-12)) return m * p;
  return 10 * p;
}

export interface AxisTicks {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/**
 * A linear axis over [lo, hi] with ends and about `count` ticks on round numbers (multiples of a
 * 1-2-2.5-5 step), so the labels read 0, 0.5, 1 rather than −1.36, 0.64, 2.7. `integer`: whole-number
 * ticks only (a training step 2.5 does not exist): a step under 1 becomes 1, and 2.5 becomes 5.
 */
export function niceAxis(range: [number, number], count = 5, integer = false): AxisTicks {
  const [lo, hi] = range;
  const nice = stepAtLeast((hi - lo) / Math.max(1, count - 1));
  const step = integer && !Number.isInteger(nice) ? (nice < 1 ? 1 : 5) : nice;
  const a = Math.floor(lo / step + 1e-9) * step, b = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = 0; a + k * step <= b + step * 1e-9; k++) ticks.push(Number((a + k * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Decades between two labelled ticks of a log axis: the first that keeps the count at `maxTicks` or fewer. */
const DECADE_STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200];

/**
 * Powers of ten from domain[0] to domain[1], at most `maxTicks` of them: every power, or every 2nd,
 * 3rd, 5th, 10th, … (exponents that are multiples of the step), for a log axis. 1e-61 … 10 → 10⁻⁶⁰,
 * 10⁻⁴⁰, 10⁻²⁰, 1.
 */
export function logTicks(domain: [number, number] | null, maxTicks = 6): number[] | undefined {
  if (!domain || !(domain[0] > 0)) return undefined;
  const a = Math.round(Math.log10(domain[0])), b = Math.round(Math.log10(domain[1]));
  const count = (every: number) => Math.floor(b / every) - Math.ceil(a / every) + 1;
  const every = DECADE_STEPS.find((d) => count(d) <= maxTicks) ?? Math.ceil((b - a) / Math.max(1, maxTicks - 1));
  const ticks: number[] = [];
  for (let e = Math.ceil(a / every) * every; e <= b; e += every) ticks.push(Number(`1e${e}`));
  return ticks;
}

const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/;

/** About how wide a tick label is, in px, at `fontSize` (a bit more than the UI's sans-serif measures in Chromium). */
export function labelWidth(text: string, fontSize = 12): number {
  let em = 0;
  for (const ch of text) em += ch === '.' || ch === ',' ? 0.3 : SUPERSCRIPTS.test(ch) ? 0.45 : 0.6;
  return em * fontSize;
}

/**
 * Width of a y axis (its title is written above the plot, not beside it): room for the longest tick
 * label and the tick with its gap (8 px), and at least `min`.
 */
export function yAxisWidth(labels: readonly string[], min = 40): number {
  const widest = labels.reduce((w, l) => Math.max(w, labelWidth(l)), 0);
  return Math.max(min, Math.ceil(widest + 12));
}

/**
 * The smallest and largest finite value in the first `n` entries of some columns, in one pass and
 * without copying (cheaper than drawing the lines to find a shared axis); null when none is finite.
 */
export function columnsRange(columns: readonly { col: ArrayLike<number>; n: number }[]): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const { col, n } of columns) {
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return finiteRange(columns);
  return [lo, hi];
}

/** columnsRange's slow path, for columns holding ±∞ (NaN never wins a comparison above). */
function finiteRange(columns: readonly { col: ArrayLike<number>; n: number }[]): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const { col, n } of columns) {
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Pads a range by `pad` of its span (a flat range by ±0.5). */
export function padRange(range: [number, number] | null, pad = 0.05): [number, number] | null {
  if (!range) return null;
  const [lo, hi] = range;
  if (hi - lo < 1e-12) return [lo - 0.5, hi + 0.5];
  return [lo - (hi - lo) * pad, hi + (hi - lo) * pad];
}

/** A tick of an accuracy axis drawn in per cent: 0.75 → “75” (the values stay fractions, 0–1). */
export const percentTick = (v: number): string => String(Math.round(v * 1000) / 10);
