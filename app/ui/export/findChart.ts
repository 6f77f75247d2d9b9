/**
 * The element that is "the chart" inside a frame: the largest <canvas> or <svg> (legend icons are small
 * svgs too), or, for small multiples, every top-level <svg> at least a quarter of the largest's area.
 */
export type ChartElement = { kind: 'svg'; el: SVGSVGElement; all: SVGSVGElement[] } | { kind: 'canvas'; el: HTMLCanvasElement };

function area(el: Element): number {
  const rect = el.getBoundingClientRect();
  if (rect.width > 0 && rect.height > 0) return rect.width * rect.height;
  const w = Number.parseFloat(el.getAttribute('width') ?? '');
  const h = Number.parseFloat(el.getAttribute('height') ?? '');
  return Number.isFinite(w) && Number.isFinite(h) ? w * h : 0;
}

export function findChart(root: Element | null): ChartElement | null {
  if (!root) return null;
  const candidates = [...root.querySelectorAll('svg, canvas')].filter((el) => !el.parentElement?.closest('svg'));
  let best: Element | null = null;
  for (const el of candidates) if (!best || area(el) > area(best)) best = el;
  if (!best) return null;
  if (best instanceof HTMLCanvasElement) return { kind: 'canvas', el: best };
  const min = area(best) / 4;
  const all = candidates.filter((el): el is SVGSVGElement => !(el instanceof HTMLCanvasElement) && area(el) >= min);
  return { kind: 'svg', el: best as SVGSVGElement, all };
}
