import type { SweepPoint, SweepVariantResult, VariantName } from '../../../src';
import type { Point } from '../../ui/point';
import { fmt } from '../../ui/format';
import { VARIANT_ORDER } from './variants';

/**
 * The learning-rate sweep, shaped for its chart and table: final losses where a network survived,
 * a marker where it diverged, and one sentence naming the largest rate each survived.
 */
export interface SweepView {
  /** Final loss per learning rate, for rates the network survived. */
  readonly lines: Readonly<Record<VariantName, readonly Point[]>>;
  /** Rates at which the network diverged (drawn as markers along the top of the chart). */
  readonly diverged: Readonly<Record<VariantName, readonly number[]>>;
  readonly rows: readonly SweepRow[];
  /** Largest rate each network survived (null: none, or no rate finished yet). */
  readonly largestSurvived: Readonly<Record<VariantName, number | null>>;
}

export interface SweepRow {
  readonly lr: number;
  readonly plain: string;
  readonly bn: string;
}

/** What one network did at one rate, in words: “0.213” or “diverged at step 12”. */
export function describeResult(r: SweepVariantResult): string {
  if (r.diverged) return `diverged at step ${r.diverged.step}`;
  return r.finalLoss === null ? 'no finished steps' : fmt(r.finalLoss, 3);
}

export function sweepView(points: readonly SweepPoint[]): SweepView {
  const lines = { plain: [] as Point[], bn: [] as Point[] };
  const diverged = { plain: [] as number[], bn: [] as number[] };
  const largestSurvived: Record<VariantName, number | null> = { plain: null, bn: null };
  for (const p of points) {
    for (const v of VARIANT_ORDER) {
      const r = p[v];
      if (r.diverged) diverged[v].push(p.lr);
      else if (r.finalLoss !== null && Number.isFinite(r.finalLoss)) {
        lines[v].push({ s: p.lr, v: r.finalLoss });
        largestSurvived[v] = Math.max(largestSurvived[v] ?? 0, p.lr);
      }
    }
  }
  const rows = points.map((p) => ({ lr: p.lr, plain: describeResult(p.plain), bn: describeResult(p.bn) }));
  return { lines, diverged, rows, largestSurvived };
}

/**
 * The sweep chart's log x range: the rates tried, widened by `pad` decades at each end, so the dots
 * and the × markers at the smallest and largest rate are drawn whole, not half cut off by the plot's edge.
 */
export function sweepDomain(rates: readonly number[], pad = 0.15): [number, number] {
  const lo = Math.min(...rates), hi = Math.max(...rates);
  if (!(lo > 0) || !Number.isFinite(hi)) return [0.01, 1];
  return [lo / 10 ** pad, hi * 10 ** pad];
}

/** The sweep's conclusion in one sentence: the largest learning rate each network survived. */
export function sweepSummary(view: SweepView): string {
  const { plain, bn } = view.largestSurvived;
  const first = plain === null ? 'Without BN, every learning rate tried diverged' : `Without BN, the largest learning rate that did not diverge was ${fmt(plain, 3)}`;
  const second = bn === null ? 'with BN, every one diverged' : `with BN, ${fmt(bn, 3)}`;
  return `${first}; ${second}.`;
}
