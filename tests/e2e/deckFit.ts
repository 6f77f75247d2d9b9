import type { Page } from 'playwright-core';

/** The smallest font size each kind of visible text may have in the deck (px), at 1280×720 and up. */
export const MIN_FONT = { body: 24, chart: 20, matrix: 20, other: 18 } as const;
export type TextKind = keyof typeof MIN_FONT;

/**
 * Text that is not body text even in a paragraph or list item: typeset maths (its scripts are smaller
 * by design), sub- and superscripts, code (an error message quoted), captions, chart titles, legends, hints and status lines, tables, controls, the passes' strip of step numbers.
 */
const SECONDARY = [
  '.katex', '.eq-steps', 'sub', 'sup', 'code', 'figcaption', 'caption', 'table', 'button', 'label', 'summary',
  '[class*="caption"]', '[class*="hint"]', '[class*="note"]', '[class*="progress"]', '[class*="status"]', '[class*="key"]', '[class*="legend"]', '[class*="tag"]', '[class*="title"]',
].join(', ');

/** What one screen of the deck measures: its fit, what is clipped, its smallest text of each kind. */
export interface FitReport {
  /** The slide's content height ÷ the height the slide area has (≤ 1: it fits). */
  ratio: number;
  /** The whole page's height if the slide were laid out in full, ÷ the screen's height (the measure). */
  screens: number;
  /** The slide area scrolls (vertically or sideways). */
  scrolls: boolean;
  /** Elements cut off sideways: a box wider than its scroll box, or drawn outside the slide area. */
  clipped: string[];
  /** The smallest font size of each kind of visible text, with an example of it. */
  smallest: Partial<Record<TextKind, { px: number; text: string }>>;
  /** Text smaller than its kind allows. */
  small: string[];
}

/**
 * Measures the deck as it is on screen (run in the page): the slide area (`.deck-body`) must show the
 * whole slide without scrolling, nothing may be clipped sideways, and visible text must be at least
 * MIN_FONT of its kind (text in an SVG is a chart label; a matrix's cells and headers; paragraphs and list
 * items of the slide are body text; everything else, the bars included).
 */
export function measureDeck(page: Page): Promise<FitReport> {
  return page.evaluate(([min, SECONDARY]) => {
    const body = document.querySelector<HTMLElement>('.deck-body');
    const slide = document.querySelector<HTMLElement>('.deck-slide');
    const deck = document.querySelector<HTMLElement>('.deck');
    if (!body || !slide || !deck) throw new Error('no deck on the page');
    // The slide area, and never more than the screen (a deck wider than the screen is cut off by it).
    const box = body.getBoundingClientRect();
    const area = { left: Math.max(0, box.left), right: Math.min(window.innerWidth, box.right), height: box.height };
    const seenHidden = new Map<Element, boolean>();
    const hidden = (el: Element | null): boolean => {
      if (!el || el === deck) return false;
      const known = seenHidden.get(el);
      if (known !== undefined) return known;
      const cs = getComputedStyle(el);
      const own = cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0' || cs.clipPath !== 'none' || (cs.clip !== 'auto' && cs.clip !== '') || el.classList.contains('katex-mathml');
      const result = own || hidden(el.parentElement);
      seenHidden.set(el, result);
      return result;
    };
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };

    const content = slide.scrollHeight;
    const pad = parseFloat(getComputedStyle(body).paddingTop) + parseFloat(getComputedStyle(body).paddingBottom);
    const ratio = Math.round((content / Math.max(1, body.clientHeight - pad)) * 100) / 100;
    const chrome = window.innerHeight - area.height;
    const screens = Math.round(((content + chrome) / window.innerHeight) * 100) / 100;
    const scrolls = body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1 || deck.scrollWidth > deck.clientWidth + 1;

    const clipped: string[] = [];
    for (const el of slide.querySelectorAll('*')) {
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) continue;
      // KaTeX draws rules and delimiters as wide SVGs that its own boxes clip: only its outer boxes count.
      if (el.parentElement?.closest('.katex') || (el instanceof SVGElement && !(el instanceof SVGSVGElement))) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || hidden(el)) continue;
      const cs = getComputedStyle(el);
      const boxes = cs.overflowX !== 'visible';
      if (boxes && el.scrollWidth > el.clientWidth + 1) clipped.push(`${name(el)}: ${el.scrollWidth} wide in ${el.clientWidth}`);
      else if (r.left < area.left - 1 || r.right > area.right + 1) clipped.push(`${name(el)}: x ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(area.left)}–${Math.round(area.right)}`);
    }

    // The top bar: the title never runs under the step count; the section's name gives way first, and a long step
    // title may end in … but keeps at least a quarter of the screen's width.
    const barTitle = document.querySelector('.deck-title');
    const count = document.querySelector('.deck-count');
    const own = document.querySelector('.deck-step-title');
    if (barTitle && count && barTitle.getBoundingClientRect().right > count.getBoundingClientRect().left + 1) clipped.push(`the title runs under "${count.textContent?.slice(0, 16)}"`);
    if (own && own.clientWidth + 1 < Math.min(own.scrollWidth, window.innerWidth / 4)) clipped.push(`${name(own)}: the step's title has ${own.clientWidth} px of ${own.scrollWidth}`);

    // A chart's text is cut off where a box around it clips (an svg clips at its edges by default).
    for (const t of slide.querySelectorAll('svg text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || hidden(t) || t.closest('.katex')) continue;
      for (let e = t.parentElement; e && e !== body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX === 'visible') continue;
        const b = e.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) clipped.push(`${name(t)}: cut off by ${e.tagName.toLowerCase()}`);
        break;
      }
    }

    const smallest: Partial<Record<keyof typeof min, { px: number; text: string }>> = {};
    const small: string[] = [];
    const walker = document.createTreeWalker(deck, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || hidden(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.bottom < 0 || r.top > window.innerHeight) continue;
      // Text in an SVG drawn at another scale (a viewBox) is as large as it is drawn.
      const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
      const px = parseFloat(getComputedStyle(el).fontSize) * (ctm ? Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) : 1);
      const inSlide = slide.contains(el);
      const kind: keyof typeof min = el.closest('svg')
        ? 'chart'
        : el.closest('.matrix td, .matrix th')
          ? 'matrix'
          : inSlide && el.closest('p, li, dd') && !el.closest(SECONDARY)
            ? 'body'
            : 'other';
      const seen = smallest[kind];
      if (!seen || px < seen.px) smallest[kind] = { px: Math.round(px * 10) / 10, text: text.slice(0, 30) };
      if (px < min[kind] - 0.05) small.push(`${kind} ${px.toFixed(1)}px "${text.slice(0, 30)}"`);
    }
    return { ratio, screens, scrolls, clipped: clipped.slice(0, 20), smallest, small: [...new Set(small)].slice(0, 30) };
  }, [MIN_FONT, SECONDARY] as const);
}

/** The deck's position as shown (the address follows a moment later): the step (1-based) and the parts of it shown. */
export async function deckPosition(page: Page): Promise<{ step: number; part: number }> {
  return page.evaluate(() => {
    const step = Number(/Step (\d+)/.exec(document.querySelector('.deck-count')?.textContent ?? '')?.[1] ?? '0');
    return { step, part: Number(document.querySelector('.deck-slide')?.getAttribute('data-shown') ?? '0') };
  });
}
