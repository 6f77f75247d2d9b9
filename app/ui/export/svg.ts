/**
 * A chart's <svg> as a standalone SVG file: the look the page's CSS gives it (custom properties,
 * dark theme, classes) is copied from the computed style onto each element, so the file renders the
 * same anywhere; the chart's background is painted in, and the title is the file's <title>.
 */

/** The presentation properties that carry a chart's look. */
export const SVG_STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'visibility', 'display', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'paint-order', 'shape-rendering',
] as const;

export type GetStyle = (el: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'>;
const computed: GetStyle = (el) => getComputedStyle(el);

/**
 * Copies SVG_STYLE_PROPS from each element of `source` (as the page styles it) onto the element at
 * the same place in `target` (a clone of it), as a style attribute. Mutates `target`.
 */
export function inlineStyles(source: Element, target: Element, getStyle: GetStyle = computed): void {
  const style = getStyle(source);
  const decl = SVG_STYLE_PROPS.map((p) => [p, style.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
  if (decl) target.setAttribute('style', decl);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i], getStyle);
}

/** The colour a chart sits on: the first ancestor (or itself) with a non-transparent background. */
export function backgroundOf(el: Element | null, getStyle: GetStyle = computed, fallback = '#ffffff'): string {
  for (let node = el; node; node = node.parentElement) {
    const bg = getStyle(node).getPropertyValue('background-color');
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return fallback;
}

export interface SvgOptions {
  title: string;
  /** Painted behind the chart; by default the colour the chart sits on. */
  background?: string;
  getStyle?: GetStyle;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Width and height in CSS pixels: the attributes if numeric, else the viewBox, else the rendered box. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '');
  const box = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  const rect = svg.getBoundingClientRect();
  const width = [attr('width'), box?.[2], rect.width].find((v) => v !== undefined && Number.isFinite(v) && v > 0) ?? 0;
  const height = [attr('height'), box?.[3], rect.height].find((v) => v !== undefined && Number.isFinite(v) && v > 0) ?? 0;
  return { width, height };
}

/** A copy of `svg` with its look inlined and the page-only attributes (focus, roles) removed. */
function standaloneClone(svg: SVGSVGElement, getStyle: GetStyle): SVGSVGElement {
  const { width, height } = svgSize(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, getStyle);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const name of ['tabindex', 'role', 'aria-hidden']) el.removeAttribute(name);
  }
  clone.style.removeProperty('display');
  return clone;
}

function finish(root: SVGSVGElement, title: string, background: string): string {
  const doc = root.ownerDocument;
  const rect = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [['x', '0'], ['y', '0'], ['width', '100%'], ['height', '100%'], ['fill', background]]) rect.setAttribute(k, v);
  const titleEl = doc.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  root.insertBefore(rect, root.firstChild);
  root.insertBefore(titleEl, rect);
  let text = new XMLSerializer().serializeToString(root);
  // The serializer declares the namespace itself when the svg came from an HTML page; make sure it is there.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** The chart as the text of a standalone .svg file. Does not change the page's svg. */
export function serializeSvg(svg: SVGSVGElement, { title, background, getStyle = computed }: SvgOptions): string {
  return finish(standaloneClone(svg, getStyle), title, background ?? backgroundOf(svg, getStyle));
}

/**
 * Several charts drawn side by side (small multiples, e.g. three histograms) as one .svg file, each
 * where the page shows it relative to the others; without layout boxes (no browser layout), in a row.
 * Returns the text and the file's size.
 */
export function serializeSvgs(svgs: readonly SVGSVGElement[], { title, background, getStyle = computed }: SvgOptions): { text: string; width: number; height: number } {
  if (svgs.length === 0) throw new Error('serializeSvgs needs at least one svg');
  const rects = svgs.map((s) => s.getBoundingClientRect());
  const laidOut = rects.every((r) => r.width > 0 && r.height > 0);
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  let x = 0;
  const placed = svgs.map((svg, i) => {
    const size = svgSize(svg);
    const at = laidOut ? { x: rects[i].left - left, y: rects[i].top - top } : { x, y: 0 };
    x += size.width;
    return { clone: standaloneClone(svg, getStyle), at, size };
  });
  const width = Math.ceil(Math.max(...placed.map((p) => p.at.x + p.size.width)));
  const height = Math.ceil(Math.max(...placed.map((p) => p.at.y + p.size.height)));
  const root = svgs[0].ownerDocument.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  for (const [k, v] of [['width', String(width)], ['height', String(height)], ['viewBox', `0 0 ${width} ${height}`]]) root.setAttribute(k, v);
  for (const p of placed) {
    p.clone.setAttribute('x', String(Math.round(p.at.x * 100) / 100));
    p.clone.setAttribute('y', String(Math.round(p.at.y * 100) / 100));
    root.append(p.clone);
  }
  return { text: finish(root, title, background ?? backgroundOf(svgs[0], getStyle)), width, height };
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** A canvas chart as an SVG file: its PNG (a data: URL) embedded in an <image>, at its CSS size. */
export function canvasSvg(pngDataUrl: string, width: number, height: number, title: string, background = '#ffffff'): string {
  if (!pngDataUrl.startsWith('data:image/png;base64,')) throw new Error('canvasSvg expects a PNG data: URL');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="0" y="0" width="100%" height="100%" fill="${escapeXml(background)}"/>` +
    `<image width="${width}" height="${height}" href="${pngDataUrl}" xlink:href="${pngDataUrl}"/>` +
    `</svg>\n`
  );
}
