/** How the reader moves a point of the mini-batch: by pointer (snapped) or by key. */

/** Values a dragged point can take (the URL keeps them in this range). */
export const POINT_MIN = -50;
export const POINT_MAX = 50;

/** Rounds a dragged value to 0.01 so that shared links stay short and readable. */
export function snapValue(v: number): number {
  return Number((Math.round(v * 100) / 100).toFixed(2));
}

/**
 * The change a key makes to a focused point: arrows ±0.1, Shift+arrow or PageUp/PageDown ±1;
 * null for keys that do not move a point.
 */
export function keyDelta(key: string, shiftKey: boolean): number | null {
  const small = shiftKey ? 1 : 0.1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return small;
    case 'ArrowLeft':
    case 'ArrowDown':
      return -small;
    case 'PageUp':
      return 1;
    case 'PageDown':
      return -1;
    default:
      return null;
  }
}

/** A point moved by `delta`, snapped and kept in [POINT_MIN, POINT_MAX]. */
export function movePoint(v: number, delta: number): number {
  return snapValue(Math.min(POINT_MAX, Math.max(POINT_MIN, v + delta)));
}

/**
 * The value every point takes when the reader collapses the batch: μ rounded to a quarter, so that
 * m copies of it sum exactly in float64 and σ² is exactly 0 (not a rounding-level 10⁻³²).
 */
export function collapseValue(mean: number): number {
  return Math.min(POINT_MAX, Math.max(POINT_MIN, Math.round(mean * 4) / 4));
}
