import type { VariantName } from '../../../src';
import { downsample } from '../../ui/downsample';
import type { Point } from '../../ui/point';
import type { RunSeries, VariantSeries } from './series';

/** Lines are drawn with the shared SVG path helper (section 1's band chart uses it too). */
export { linePath } from '../../ui/svgPath';

/**
 * Shapes a lab run's columns (series.ts) into what the charts draw: downsampled, finite-only lines,
 * and the axis ranges that fit them. Pure; no React, no Recharts.
 */
export const VARIANT_LABEL: Readonly<Record<VariantName, string>> = { plain: 'Without BN', bn: 'With BN' };
/** The same inside a sentence: “…, without BN” (BN stays upper-case). */
export const VARIANT_PHRASE: Readonly<Record<VariantName, string>> = { plain: 'without BN', bn: 'with BN' };
/** Drawing order: the network without BN first, so the BN line is on top where they overlap. */
export const VARIANT_ORDER: readonly VariantName[] = ['plain', 'bn'];

export type LineRole = 'train' | 'test' | 'q15' | 'q50' | 'q85' | 'grad';

export interface ChartLine {
  readonly id: string;
  readonly name: string;
  readonly variant: VariantName;
  readonly role: LineRole;
  readonly points: readonly Point[];
}

/** Points per line: about one per three pixels of a chart on a laptop screen. */
export const MAX_POINTS = 200;

/** Train (every logged mini-batch) and test (every evaluation) lines of both networks, train first. */
export function metricLines(series: RunSeries, metric: 'loss' | 'accuracy', maxPoints = MAX_POINTS): ChartLine[] {
  const lines: ChartLine[] = [];
  for (const role of ['train', 'test'] as const) {
    for (const v of VARIANT_ORDER) {
      const s = series[v];
      const points =
        role === 'train'
          ? downsample(s.step, metric === 'loss' ? s.trainLoss : s.trainAccuracy, s.n, maxPoints)
          : downsample(s.testStep, metric === 'loss' ? s.testLoss : s.testAccuracy, s.testN, maxPoints);
      lines.push({ id: `${v}-${role}`, name: `${VARIANT_LABEL[v]}, ${role === 'train' ? 'mini-batch' : 'test set'}`, variant: v, role, points });
    }
  }
  return lines;
}

/** The 15 %, 50 % and 85 % quantiles of one network's probed unit in hidden layer `layer` (0-based). */
export function quantileLines(series: RunSeries, variant: VariantName, layer: number, maxPoints = MAX_POINTS): ChartLine[] {
  const s = series[variant];
  if (layer < 0 || layer >= s.q50.length) return [];
  return (['q15', 'q50', 'q85'] as const).map((role) => ({
    id: `${variant}-${role}`,
    name: `${VARIANT_LABEL[variant]}, ${role.slice(1)} % quantile`,
    variant,
    role,
    points: downsample(s.step, s[role][layer], s.n, maxPoints),
  }));
}

const positive = (v: number): boolean => v > 0;

/** ‖∂L/∂W‖ of weight layer `layer` (0-based) over training, both networks, for a log axis (zeros dropped). */
export function gradNormLines(series: RunSeries, layer: number, maxPoints = MAX_POINTS): ChartLine[] {
  return VARIANT_ORDER.filter((v) => layer >= 0 && layer < series[v].gradNorm.length).map((v) => ({
    id: `${v}-grad`,
    name: `${VARIANT_LABEL[v]}, ‖∂L/∂W${layer + 1}‖`,
    variant: v,
    role: 'grad' as const,
    points: downsample(series[v].step, series[v].gradNorm[layer], series[v].n, maxPoints, { keep: positive, scale: Math.log10 }),
  }));
}

export interface GradNormRow {
  readonly layer: string;
  readonly plain: number | null;
  readonly bn: number | null;
}

const last = (s: VariantSeries, col: Float64Array): number | null => (s.n > 0 && Number.isFinite(col[s.n - 1]) ? col[s.n - 1] : null);

/** The latest ‖∂L/∂W_l‖ of each weight layer, both networks (null: nothing finite logged yet). */
export function latestGradNorms(series: RunSeries): GradNormRow[] {
  return series.plain.gradNorm.map((_, l) => ({ layer: `W${l + 1}`, plain: last(series.plain, series.plain.gradNorm[l]), bn: last(series.bn, series.bn.gradNorm[l]) }));
}

export interface Readout {
  readonly step: number | null;
  readonly trainLoss: number | null;
  readonly trainAccuracy: number | null;
  /** The latest test evaluation and the step it was made at. */
  readonly testStep: number | null;
  readonly testLoss: number | null;
  readonly testAccuracy: number | null;
}

/** One network's latest logged numbers, for the table beside the charts. */
export function readout(series: RunSeries, v: VariantName): Readout {
  const s = series[v], t = s.testN - 1;
  return {
    step: s.n > 0 ? s.step[s.n - 1] : null,
    trainLoss: last(s, s.trainLoss),
    trainAccuracy: last(s, s.trainAccuracy),
    testStep: t >= 0 ? s.testStep[t] : null,
    testLoss: t >= 0 && Number.isFinite(s.testLoss[t]) ? s.testLoss[t] : null,
    testAccuracy: t >= 0 && Number.isFinite(s.testAccuracy[t]) ? s.testAccuracy[t] : null,
  };
}

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

/** 1, 2, 2.5 or 5 × 10^k: the smallest such step ≥ `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/** An axis's range and its labelled tick values. */
export interface AxisTicks {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/**
 * A linear axis over [lo, hi] with ends and about `count` ticks on round numbers (multiples of a
 * 1-2-2.5-5 step), so the labels read 0, 0.5, 1 rather than −1.36, 0.64, 2.7.
 */
export function niceAxis(range: [number, number], count = 5): AxisTicks {
  const [lo, hi] = range;
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
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
 * Width of a y axis whose title is written sideways at its left (it covers x ≈ 10–22 px): room for
 * the title, the longest tick label, and the tick with its gap (8 px), and at least `min`.
 */
export function yAxisWidth(labels: readonly string[], min = 52): number {
  const widest = labels.reduce((w, l) => Math.max(w, labelWidth(l)), 0);
  return Math.max(min, Math.ceil(26 + widest + 8));
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
