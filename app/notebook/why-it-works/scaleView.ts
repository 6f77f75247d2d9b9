import { effectiveEps, notesWeightScaling, scaleInvarianceCurve, scaleInvarianceGap } from '../../../src';
import { BN_PROPS } from '../../state/slices/bn';
import type { NotesContext } from '../pass/notesContext';
import type { ExportTable } from '../../ui/export/table';

/** The k range of the slider and the chart (the store's props table, which the URL allows too). */
export const K_SCALE = BN_PROPS.k.log;
const CURVE_POINTS = 41;

export interface CurvePoint {
  readonly k: number;
  /** The gap, or null where it is exactly 0 (k = 1), which a log axis cannot show. */
  readonly gap: number | null;
}

/** The gap over the slider's whole k range for the notes' Z₁ (depends on the network and ε only). */
export function scaleCurve(ctx: NotesContext): CurvePoint[] {
  const c = scaleInvarianceCurve(ctx.fwd.z1, ctx.eps, 10 ** K_SCALE.minExp, 10 ** K_SCALE.maxExp, CURVE_POINTS);
  return Array.from(c.k, (k, i) => ({ k, gap: c.gap[i] > 0 ? c.gap[i] : null }));
}

export interface ScaleReadout {
  /** max |BN(k·Z₁) − BN(Z₁)| over the 6 × 4 batch. */
  readonly gap: number;
  /** ε/k², beside σ² of neuron 1. */
  readonly effEps: number;
  readonly variance1: number;
  /** Loss and ‖∂L/∂W₁‖ with W₁ as trained and with W₁ × k; ratio = scaled/unscaled gradient norm. */
  readonly loss: number;
  readonly lossScaled: number;
  readonly gradNorm: number;
  readonly gradNormScaled: number;
  readonly gradRatio: number;
}

/** Everything the scale-invariance panel prints at weight scale k. */
export function scaleReadout(ctx: NotesContext, k: number): ScaleReadout {
  const w = notesWeightScaling(ctx.steps, ctx.eps, k);
  return {
    gap: scaleInvarianceGap(ctx.fwd.z1, k, ctx.eps),
    effEps: effectiveEps(ctx.eps, k),
    variance1: ctx.fwd.bn1.variance[0],
    ...w,
    gradRatio: w.gradNormScaled / w.gradNorm,
  };
}

/** The gap in words: what a reader should conclude from the number. */
export function gapVerdict(gap: number): string {
  if (gap === 0) return 'identical, bit for bit';
  if (gap < 1e-12) return 'identical up to floating-point rounding';
  if (gap < 1e-3) return 'the same to three decimals: the tiny difference is ε';
  return 'visibly different: here k²σ² is not large next to ε, so ε breaks the invariance';
}

/** Powers of ten spanning the finite positive values (for a log axis): domain and ticks. */
export function logAxis(values: readonly (number | null)[]): { domain: [number, number]; ticks: number[] } {
  const pos = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  if (pos.length === 0) return { domain: [1e-16, 1], ticks: [1e-16, 1e-8, 1] };
  const lo = Math.floor(Math.log10(Math.min(...pos))), hi = Math.ceil(Math.log10(Math.max(...pos)));
  const top = hi > lo ? hi : lo + 1;
  const every = Math.max(1, Math.ceil((top - lo) / 6));
  const ticks: number[] = [];
  const pow = (e: number) => Number(`1e${e}`); // exact decimal powers (10 ** -3 is 0.0010000000000000002)
  for (let e = lo; e <= top; e += every) ticks.push(pow(e));
  return { domain: [pow(lo), pow(top)], ticks };
}

/** 0.01 → "10⁻²", 1 → "1", 100 → "10²": tick labels of a log axis. */
export function powerLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e === 0) return '1';
  if (e === 1) return '10';
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `10${String(e).replace(/./g, (c) => sup[c] ?? c)}`;
}

/** The scale-invariance chart as a table (its text alternative and downloads); k = 1 is a gap of 0. */
export const scaleTable = (points: readonly CurvePoint[]): ExportTable => ({
  columns: [
    { key: 'k', label: 'k' },
    { key: 'gap', label: 'max |BN(k·z) − BN(z)|' },
  ],
  rows: points.map((p) => ({ k: p.k, gap: p.gap ?? 0 })),
});
