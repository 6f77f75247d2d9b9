import { describe, expect, test } from 'vitest';
import { fileBase } from '../../../../app/ui/export/download';
import { findChart } from '../../../../app/ui/export/findChart';
import { backgroundOf, canvasSvg, escapeXml, serializeSvg, serializeSvgs, svgSize, type GetStyle } from '../../../../app/ui/export/svg';

const NS = 'http://www.w3.org/2000/svg';

/** A small chart as the page has it: classes styled by the page's CSS, a focusable point, a nested legend icon. */
function chart(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML =
    `<svg width="300" height="120" role="group" aria-label="chart" class="plot"><g class="axis"><line x1="0" x2="300" y1="100" y2="100"/>` +
    `<text x="10" y="115">0</text></g><path class="series-bn" d="M0 50 L300 20"/><g class="dot" tabindex="0"><circle r="4"/></g></svg>`;
  document.body.append(host);
  return host.querySelector('svg') as SVGSVGElement;
}

/** The computed style the page's CSS would give (what getComputedStyle returns in a browser). */
const pageStyle: GetStyle = (el) => {
  const cls = el.getAttribute('class') ?? '';
  const v: Record<string, string> = el.tagName === 'path' && cls === 'series-bn' ? { stroke: 'rgb(10, 79, 168)', 'stroke-width': '2.5px', fill: 'none' } : el.tagName === 'text' ? { fill: 'rgb(90, 90, 90)', 'font-size': '12px' } : {};
  if (el.tagName === 'DIV') v['background-color'] = 'rgb(27, 30, 35)';
  return { getPropertyValue: (p: string) => v[p] ?? '' };
};

describe('serializeSvg', () => {
  test('a 300×120 chart: standalone file with the title, the background painted in, computed styles inlined, page untouched', () => {
    const svg = chart();
    const text = serializeSvg(svg, { title: 'Loss <with> BN & without', getStyle: pageStyle });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(NS);
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual(['300', '120', '0 0 300 120']);
    expect(root.firstElementChild?.tagName).toBe('title');
    expect(root.firstElementChild?.textContent).toBe('Loss <with> BN & without');
    const bg = root.querySelector('rect');
    expect(bg?.getAttribute('fill')).toBe('rgb(27, 30, 35)'); // the dark panel it sits on
    expect(root.querySelector('path')?.getAttribute('style')).toBe('fill:none;stroke:rgb(10, 79, 168);stroke-width:2.5px');
    expect(root.querySelector('text')?.getAttribute('style')).toBe('fill:rgb(90, 90, 90);font-size:12px');
    expect(root.querySelector('[tabindex]')).toBeNull();
    expect(root.hasAttribute('role')).toBe(false);
    // The page's svg is not changed.
    expect(svg.querySelector('path')?.hasAttribute('style')).toBe(false);
    expect(svg.getAttribute('role')).toBe('group');
  });
  test('an explicit background wins; size falls back to the viewBox', () => {
    const svg = chart();
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('viewBox', '0 0 640 200');
    expect(svgSize(svg)).toEqual({ width: 640, height: 200 });
    const doc = new DOMParser().parseFromString(serializeSvg(svg, { title: 't', background: '#fff', getStyle: pageStyle }), 'image/svg+xml');
    expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('#fff');
  });
});

describe('serializeSvgs (small multiples)', () => {
  test('three 100×60 histograms in a row become one 300×60 file, each placed in turn with its own styles', () => {
    const host = document.createElement('div');
    host.innerHTML = [0, 1, 2].map((k) => `<svg width="100" height="60"><rect class="bar" x="${k}" y="0" width="5" height="5"/></svg>`).join('');
    const svgs = [...host.querySelectorAll('svg')] as SVGSVGElement[];
    const bar: GetStyle = (el) => ({ getPropertyValue: (p: string) => (el.tagName === 'rect' && p === 'fill' ? 'rgb(37, 99, 235)' : '') });
    const { text, width, height } = serializeSvgs(svgs, { title: 'Three stages', background: '#fff', getStyle: bar });
    expect([width, height]).toEqual([300, 60]);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const inner = [...doc.documentElement.children].filter((c) => c.tagName === 'svg');
    expect(inner.map((c) => [c.getAttribute('x'), c.getAttribute('y'), c.getAttribute('width')])).toEqual([['0', '0', '100'], ['100', '0', '100'], ['200', '0', '100']]);
    expect(inner.map((c) => c.querySelector('rect')?.getAttribute('style'))).toEqual(Array(3).fill('fill:rgb(37, 99, 235)'));
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 300 60');
  });
});

describe('backgroundOf', () => {
  test('skips transparent ancestors; white when none is painted', () => {
    const outer = document.createElement('div');
    const inner = document.createElement('span');
    outer.append(inner);
    const style = (bg: Record<string, string>): GetStyle => (el) => ({ getPropertyValue: () => bg[el.tagName] ?? 'rgba(0, 0, 0, 0)' });
    expect(backgroundOf(inner, style({ DIV: 'rgb(1, 2, 3)' }))).toBe('rgb(1, 2, 3)');
    expect(backgroundOf(inner, style({}))).toBe('#ffffff');
  });
});

describe('canvasSvg', () => {
  test('embeds the PNG at the canvas CSS size, escapes the title, refuses anything but a PNG data URL', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const doc = new DOMParser().parseFromString(canvasSvg(png, 400, 300, 'a "b" & <c>', 'rgb(0, 0, 0)'), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')?.textContent).toBe('a "b" & <c>');
    const img = doc.querySelector('image');
    expect([img?.getAttribute('width'), img?.getAttribute('height'), img?.getAttribute('href')]).toEqual(['400', '300', png]);
    expect(() => canvasSvg('https://example.com/x.png', 1, 1, 't')).toThrow(/PNG data: URL/);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('findChart and fileBase', () => {
  test('the largest svg is the chart (not a legend icon, not an svg nested in another); a canvas counts too', () => {
    const root = document.createElement('div');
    root.innerHTML = `<svg class="icon" width="14" height="14"></svg><svg class="main" width="500" height="200"><svg width="900" height="900"></svg></svg>`;
    expect(findChart(root)?.el.getAttribute('class')).toBe('main');
    const one = findChart(root);
    expect(one?.kind === 'svg' && one.all.map((el) => el.getAttribute('class'))).toEqual(['main']);
    // Small multiples: every svg at least a quarter of the largest counts.
    const row = document.createElement('div');
    row.innerHTML = `<svg class="a" width="300" height="130"></svg><svg class="b" width="300" height="130"></svg><svg class="icon" width="14" height="14"></svg>`;
    const many = findChart(row);
    expect(many?.kind === 'svg' && many.all.map((el) => el.getAttribute('class'))).toEqual(['a', 'b']);
    const canvas = document.createElement('canvas');
    canvas.setAttribute('width', '600');
    canvas.setAttribute('height', '600');
    root.append(canvas);
    expect(findChart(root)?.kind).toBe('canvas');
    expect(findChart(document.createElement('div'))).toBeNull();
  });
  test('file names: ASCII words joined by hyphens, accents dropped, never empty', () => {
    expect(fileBase('Test loss, with and without BN')).toBe('test-loss-with-and-without-bn');
    expect(fileBase('Décision boundary (spiral)')).toBe('decision-boundary-spiral');
    expect(fileBase('σ² vs m')).toBe('2-vs-m'); // NFKD turns ² into 2; Greek has no ASCII form
    expect(fileBase('σ')).toBe('chart');
  });
});
