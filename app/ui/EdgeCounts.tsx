import { fmt } from './format';
import type { LinearScale } from './scale';

interface Props {
  scale: LinearScale;
  values: ArrayLike<number>;
  /** The row of the points: each count is written on it, beside the edge point. */
  y: number;
}

/** From the axis' end to the count: past the point drawn there. */
const GAP = 12;

/** How many finite values lie below and above `scale`'s domain. */
function beyond(scale: LinearScale, values: ArrayLike<number>): { below: number; above: number } {
  const [lo, hi] = scale.domain;
  let below = 0, above = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) below++;
    else if (values[i] > hi) above++;
  }
  return { below, above };
}

/** Where a value is drawn: at its place, or at the axis' nearer end when it lies beyond it (a held axis, useHeldDomain.ts). */
export function placeOn(scale: LinearScale, v: number): number {
  const [lo, hi] = scale.domain;
  return scale(Math.min(hi, Math.max(lo, v)));
}

/**
 * The values beyond an axis held during a gesture, counted at its ends ("◂ 2", "3 ▸"): their points
 * are drawn at the edge, and the axis refits when the gesture ends. Nothing when every value is inside.
 */
export function EdgeCounts({ scale, values, y }: Props) {
  const { below, above } = beyond(scale, values);
  const [lo, hi] = scale.domain;
  return (
    <g className="edge-counts">
      {below > 0 && (
        <text x={scale(lo) + GAP} y={y + 4} textAnchor="start" data-testid="beyond-below">
          <title>{`${below} below ${fmt(lo, 2)}, drawn at the axis' left end: the axis holds still while you drag and refits when you let go`}</title>◂ {below}
        </text>
      )}
      {above > 0 && (
        <text x={scale(hi) - GAP} y={y + 4} textAnchor="end" data-testid="beyond-above">
          <title>{`${above} above ${fmt(hi, 2)}, drawn at the axis' right end: the axis holds still while you drag and refits when you let go`}</title>
          {above} ▸
        </text>
      )}
    </g>
  );
}
