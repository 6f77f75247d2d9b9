/** Pixel scales and axis ticks for the notebook's SVG plots (pure; no DOM). */

export type Domain = readonly [number, number];

export interface LinearScale {
  (x: number): number;
  invert(px: number): number;
  domain: Domain;
}

/** Maps [d0, d1] linearly onto [r0, r1]. A zero-width domain maps everything to the middle. */
export function scaleLinear(domain: Domain, r0: number, r1: number): LinearScale {
  const [d0, d1] = domain;
  const span = d1 - d0;
  const f = ((x: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((x - d0) / span) * (r1 - r0))) as LinearScale;
  f.invert = (px: number) => (r1 === r0 ? d0 : d0 + ((px - r0) / (r1 - r0)) * span);
  f.domain = domain;
  return f;
}

/** A "nice" tick step (1, 2 or 5 × 10ᵏ) giving about `target` ticks over `span`. */
export function niceStep(span: number, target = 6): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * pow;
}

/** Ticks at multiples of a nice step inside [lo, hi], without floating-point dust (0.30000000000000004). */
export function ticks(domain: Domain, target = 6): number[] {
  const [lo, hi] = domain;
  const step = niceStep(hi - lo, target);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toFixed(decimals)));
  return out;
}

/**
 * A domain covering every finite value (and `include`), padded by `pad` of its span and snapped
 * outward to a nice step; at least `minSpan` wide. Non-finite values are ignored.
 */
export function niceDomain(values: ArrayLike<number>, include: readonly number[] = [], minSpan = 2, pad = 0.08): Domain {
  let lo = Infinity, hi = -Infinity;
  const see = (v: number) => {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  for (let i = 0; i < values.length; i++) see(values[i]);
  include.forEach(see);
  if (lo > hi) return [-1, 1];
  const mid = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2 * (1 + 2 * pad), minSpan / 2);
  const step = niceStep(2 * half, 6);
  return [Math.floor((mid - half) / step) * step, Math.ceil((mid + half) / step) * step];
}

/** Clamps x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Widens `domain` about its centre, if needed, so that a square of side `size` (in data units),
 * drawn at the scale of an axis `lengthPx` long, is at most `maxPx` tall. Squares stay squares and
 * are never clipped; the axis just zooms out.
 */
export function fitSquares(domain: Domain, size: number, lengthPx: number, maxPx: number): Domain {
  const [lo, hi] = domain;
  const need = (size * lengthPx) / maxPx;
  if (!(need > hi - lo) || !Number.isFinite(need)) return domain;
  const mid = (lo + hi) / 2;
  return [mid - need / 2, mid + need / 2];
}
