import { effectiveEps, notesWeightScaling, scaleInvarianceCurve, scaleInvarianceGap } from '../../../src/scaleInvariance';
import { BN_PROPS } from '../../state/slices/bn';
import type { NotesContext } from '../pass/notesContext';
import type { ExportTable } from '../../ui/export/table';
import { fmt } from '../../ui/format';

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

/**
 * The loss and gradient under W₁ → k·W₁, in words that follow the numbers: the loss is unchanged only
 * at k = 1 and nearly so while ε/k² is negligible next to σ²; the gradient scales by 1/k only then, and not at all at k = 1.
 */
export function scaleGradSentence(r: ScaleReadout, k: number): { loss: string; grad: string } {
  const lossChange = Math.abs(r.lossScaled - r.loss) / Math.abs(r.loss);
  const pair = `${fmt(r.loss, 6)} with W₁, ${fmt(r.lossScaled, 6)} with k·W₁`;
  const loss =
    lossChange < 1e-12
      ? `Like BN’s output, the loss does not change: ${pair}.`
      : lossChange < 1e-3
        ? `The loss barely changes: ${pair}, a relative ${fmt(lossChange, 2)} — only ε, which BN adds to σ², does not scale with k.`
        : `The loss changes too, by a relative ${Number(lossChange.toPrecision(2))}: ${pair}. At this k, ε/k² = ${fmt(r.effEps, 2)} is no longer negligible next to σ², so BN(k·z) is not BN(z).`;
  const norms = `‖∂L/∂W₁‖ goes from ${fmt(r.gradNorm, 4)} to ${fmt(r.gradNormScaled, 4)}`;
  let grad: string;
  if (Math.abs(k - 1) < 1e-12) grad = `At k = 1 nothing is scaled, and neither is the gradient: ${norms}, a factor ${fmt(r.gradRatio, 4)}.`;
  else if (Math.abs(r.gradRatio * k - 1) < 1e-3) grad = `But the gradient does: ${norms}, a factor ${fmt(r.gradRatio, 4)} = 1/k.`;
  else grad = `${lossChange >= 1e-3 ? 'The gradient changes by more' : 'But the gradient does'}: ${norms}, a factor ${fmt(r.gradRatio, 4)}, not 1/k = ${fmt(1 / k, 4)}, because ε/k² matters at this k.`;
  return { loss, grad };
}

/** The gap in words: what a reader should conclude from the number. */
export function gapVerdict(gap: number, effEps: number, minVariance: number): string {
  if (gap === 0) return 'identical, bit for bit';
  if (gap < 1e-12) return 'identical up to floating-point rounding';
  const ratio = effEps / minVariance;
  if (ratio < 1e-5) return 'the same to many decimals: the tiny difference is ε';
  if (ratio < 0.03) return `a small but real difference: ε/k² is ${fmt(100 * ratio, 2)} % of the smallest σ²`;
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
