import type { Point } from './point';

/**
 * An SVG path through the points, with `sx`, `sy` mapping data to pixels (e.g. the chart's own
 * scales): "M x,y L x,y …", to 0.1 px. Empty for no points; a lone point becomes a dot-sized segment.
 */
export function linePath(points: readonly Point[], sx: (s: number) => number, sy: (v: number) => number): string {
  if (points.length === 0) return '';
  const parts: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const px = sx(points[i].s), py = sy(points[i].v);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  if (parts.length === 1) parts.push(`h0.1`);
  return parts.join('');
}
