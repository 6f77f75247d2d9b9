import type { SweepPoint, SweepVariantResult } from '../../../src/sweep';
import type { VariantName } from '../../../src/train';
import type { Point } from '../../ui/point';
import { fmt } from '../../ui/format';
import { type AxisTicks, niceAxis } from './labAxes';
import { VARIANT_ORDER } from './variants';
import { DEFAULT_PAIR, type Pair } from './pair';

/**
 * The learning-rate sweep, shaped for its chart and table: final losses where a network survived,
 * a marker where it diverged, and one sentence naming the largest rate each survived.
 */
export interface SweepView {
  /** Final loss per learning rate, for rates the network survived. */
  readonly lines: Readonly<Record<VariantName, readonly Point[]>>;
  /** Rates at which the network diverged (marked in a band above the plot, outside the loss scale). */
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
  if (r.finalLoss === null) return 'no finished steps';
  return r.testAccuracy === null ? fmt(r.finalLoss, 3) : `${fmt(r.finalLoss, 3)} (test ${(100 * r.testAccuracy).toFixed(1)} %)`;
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

/** A diverged run of the sweep, as its chart marks it: an × in the band above the plot, in its network's row. */
export interface SweepMark {
  readonly lr: number;
  readonly variant: VariantName;
  /** 0: the band's upper row (without BN), 1: its lower row (with BN). */
  readonly row: number;
}

/** Every diverged (rate, network) of the sweep, for the band above its chart. They carry no loss: there is none. */
export function sweepMarks(view: SweepView): SweepMark[] {
  return VARIANT_ORDER.flatMap((variant, row) => view.diverged[variant].map((lr) => ({ lr, variant, row })));
}

/**
 * The loss axis of the sweep chart: from 0 to a round value just above the largest final loss of a
 * run that did not diverge. Diverged runs have no loss and never widen it.
 */
export function sweepLossAxis(view: SweepView): AxisTicks {
  let top = 0;
  for (const v of VARIANT_ORDER) for (const p of view.lines[v]) top = Math.max(top, p.v);
  return niceAxis([0, top > 0 ? top * 1.05 : 1]);
}

/** The band's marks in words, for the chart's accessible name: “ Diverged, marked above the plot: without BN at 10 and 30.” */
export function sweepDivergedText(view: SweepView, p: Pair = DEFAULT_PAIR): string {
  const list = (rates: readonly number[]) => (rates.length === 1 ? fmt(rates[0], 3) : `${rates.slice(0, -1).map((r) => fmt(r, 3)).join(', ')} and ${fmt(rates.at(-1)!, 3)}`);
  const parts = VARIANT_ORDER.filter((v) => view.diverged[v].length > 0).map((v) => `${p.phrase[v]} at ${list(view.diverged[v])}`);
  return parts.length > 0 ? ` Diverged, marked above the plot: ${parts.join('; ')}.` : '';
}
