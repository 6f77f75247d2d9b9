import katex from 'katex';

/** Equations kept: every distinct TeX on the page a few times over (live ones change with the controls). */
export const TYPESET_CACHE_SIZE = 500;

const cache = new Map<string, string>();

/**
 * KaTeX's HTML (with MathML) for `tex`, typeset once per distinct TeX and display mode and then
 * served from a least-recently-used cache: a slider moved back and forth, or a section re-rendered for
 * another reason, does not typeset the same equation again. Errors are shown in place (throwOnError
 * false), as before.
 */
export function typeset(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });
  cache.set(key, html);
  if (cache.size > TYPESET_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}
