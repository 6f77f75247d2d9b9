import type { BandSeries, QuantileRow } from './covariateShift';
import { linePath } from '../../ui/svgPath';
import { type Domain, type LinearScale, niceDomain } from '../../ui/scale';

/** One network's band (15–85 %) and median at each logged step, skipping steps it has no value for. */
export interface BandPoint {
  readonly step: number;
  readonly lo: number;
  readonly mid: number;
  readonly hi: number;
}

export function bandPoints(rows: readonly QuantileRow[], v: BandSeries): BandPoint[] {
  const out: BandPoint[] = [];
  for (const r of rows) {
    const band = r[`${v}Band`];
    const mid = r[`${v}Mid`];
    if (band && mid !== undefined && [band[0], mid, band[1]].every(Number.isFinite)) out.push({ step: r.step, lo: band[0], mid, hi: band[1] });
  }
  return out;
}

/** A y domain over every plotted value, snapped to nice ticks. */
export const bandDomain = (points: readonly BandPoint[]): Domain => niceDomain(points.flatMap((p) => [p.lo, p.hi]), [], 0.2, 0.04);

/** SVG path data: the band as one closed area (upper edge forward, lower edge back), the median as a line. */
export function bandPaths(points: readonly BandPoint[], x: LinearScale, y: LinearScale): { area: string; median: string } {
  if (points.length === 0) return { area: '', median: '' };
  const upper = points.map((p) => ({ s: p.step, v: p.hi }));
  const lower = points.map((p) => ({ s: p.step, v: p.lo })).reverse();
  return { area: `${linePath([...upper, ...lower], x, y)}Z`, median: linePath(points.map((p) => ({ s: p.step, v: p.mid })), x, y) };
}

/** The point whose step is nearest to `step` (points sorted by step), or null. */
export function nearestPoint(points: readonly BandPoint[], step: number): BandPoint | null {
  let best: BandPoint | null = null;
  for (const p of points) if (!best || Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  return best;
}
