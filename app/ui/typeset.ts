import type Katex from 'katex';
import { type DigitTemplate, fillTemplate, learnTemplate, shapeOf } from './digitTemplate';

/** Equations kept: every distinct TeX on the page a few times over (live ones change with the controls). */
export const TYPESET_CACHE_SIZE = 500;

const cache = new Map<string, string>();

/** Shapes typeset (digitTemplate.ts): 'seen' once, then their template (null when the shape has none). */
const shapes = new Map<string, DigitTemplate | null | 'seen'>();

// KaTeX (about 77 kB gzipped of JavaScript, the largest part of the page's code) is not part of the
// first load: it is requested by the first equation drawn (`loadKatex`) and the equations drawn before
// it arrives wait in a box of their size (Equation.tsx), then are typeset together.
let katex: typeof Katex | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Loads KaTeX once (later calls return the same promise); every `onKatexLoaded` listener is called then. */
export function loadKatex(): Promise<void> {
  loading ??= import('katex').then((m) => {
    katex = m.default;
    listeners.forEach((l) => l());
  });
  return loading;
}

/** Whether KaTeX has arrived (typeset then answers at once). */
export const katexLoaded = (): boolean => katex !== null;

/** Calls `f` when KaTeX arrives (at most once), until the returned function is called. */
export function onKatexLoaded(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * Takes the equations already typeset in the page's pre-rendered HTML (app/prerender/: `Equation`'s
 * `.equation` and `.equation-inline` elements, their TeX read from KaTeX's MathML annotation) into the
 * cache, so drawing them again needs no KaTeX: the first screen loads it only when an equation changes.
 */
export function adoptTypeset(root: ParentNode): void {
  const own = root instanceof Element && root.matches('.equation, .equation-inline') ? [root] : [];
  for (const el of [...own, ...root.querySelectorAll('.equation, .equation-inline')]) {
    const tex = el.querySelector('annotation[encoding="application/x-tex"]')?.textContent;
    if (tex == null || el.querySelectorAll('.katex').length !== 1) continue;
    remember(`${el.classList.contains('equation') ? 'D' : 'I'}${tex}`, el.innerHTML);
  }
}

function remember(key: string, html: string): void {
  cache.set(key, html);
  if (cache.size > TYPESET_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

/**
 * KaTeX's HTML (with MathML) for `tex`, typeset once per distinct TeX and display mode and then
 * served from a least-recently-used cache: a slider moved back and forth, or a section re-rendered for
 * another reason, does not typeset the same equation again (nor one the page came with: `adoptTypeset`). Errors are shown in place (throwOnError
 * false), as before. `null` while KaTeX has not arrived (see `loadKatex`).
 */
export function typeset(tex: string, display: boolean): string | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  if (!katex) return null;
  const html = byShape(tex, display, katex);
  remember(key, html);
  return html;
}

/**
 * KaTeX's HTML for `tex`, from its shape's digit template when the shape has one. A shape seen a second time (a live
 * equation whose numbers moved) gets its template then: making one typesets the shape a few times, once.
 */
function byShape(tex: string, display: boolean, k: typeof Katex): string {
  const render = (t: string) => k.renderToString(t, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
  const shape = `${display ? 'D' : 'I'}${shapeOf(tex)}`;
  const known = shapes.get(shape);
  if (known !== undefined) shapes.delete(shape);
  const template = known === 'seen' ? learnTemplate(tex, render) : known;
  shapes.set(shape, template === undefined ? 'seen' : template);
  if (shapes.size > TYPESET_CACHE_SIZE) shapes.delete(shapes.keys().next().value as string);
  return template ? fillTemplate(template, tex) : render(tex);
}
