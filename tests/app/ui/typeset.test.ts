import katex from 'katex';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { TYPESET_CACHE_SIZE, loadKatex, typeset } from '../../../app/ui/typeset';

beforeAll(() => loadKatex());
afterEach(() => vi.restoreAllMocks());

const katexHtml = (tex: string, display: boolean) =>
  katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });

describe('typeset: KaTeX output cached by TeX and display mode (LRU)', () => {
  test('returns exactly KaTeX’s HTML, display and inline apart, and typesets each once', () => {
    const tex = String.raw`\tilde Z_1 = 1.5 \cdot (0.25) + 0 = 0.375 \; (typeset-a)`;
    const display = katexHtml(tex, true);
    const inline = katexHtml(tex, false);
    const spy = vi.spyOn(katex, 'renderToString');
    expect(typeset(tex, true)).toBe(display);
    expect(typeset(tex, false)).toBe(inline);
    expect(display).not.toBe(inline);
    expect(typeset(tex, true)).toBe(display);
    expect(typeset(tex, false)).toBe(inline);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  test(`keeps the ${TYPESET_CACHE_SIZE} most recently used: the least recently used is typeset again, a recently read one is not`, () => {
    const first = String.raw`x_{\text{lru-first}}`;
    const kept = String.raw`x_{\text{lru-kept}}`;
    typeset(first, true);
    typeset(kept, true);
    // Fill the cache: `first` becomes the least recently used; `kept` is read again halfway, so it is not.
    for (let i = 0; i < TYPESET_CACHE_SIZE - 1; i++) {
      if (i === TYPESET_CACHE_SIZE / 2) typeset(kept, true);
      typeset(String.raw`y_{${i}}`, false);
    }
    const spy = vi.spyOn(katex, 'renderToString');
    typeset(kept, true);
    expect(spy).not.toHaveBeenCalled();
    expect(typeset(first, true)).toBe(katexHtml(first, true));
    expect(spy).toHaveBeenCalledTimes(2); // `first` again, and the reference call above
  });

  test('a shape seen twice (a live equation whose numbers moved) is filled from its digit template: KaTeX’s very HTML, not typeset', () => {
    const move = (v: string) => String.raw`\mu_{\text{shape}} = \frac{1}{8}(${v} + 2.50) = ${v}`;
    typeset(move('1.25'), true);
    typeset(move('1.50'), true); // the second sighting learns the template
    const spy = vi.spyOn(katex, 'renderToString');
    const html = ['1.75', '3.00', '9.99'].map((v) => typeset(move(v), true));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(html).toEqual(['1.75', '3.00', '9.99'].map((v) => katexHtml(move(v), true)));
    // Another shape (a digit more, a sign) is typeset.
    const spy2 = vi.spyOn(katex, 'renderToString');
    expect(typeset(move('-1.75'), true)).toBe(katexHtml(move('-1.75'), true));
    expect(spy2).toHaveBeenCalledTimes(2);
  });

  test('TeX KaTeX cannot parse is shown as KaTeX’s error in place, not thrown', () => {
    expect(typeset(String.raw`\frac{1}{`, true)).toContain('katex-error');
  });
});
