import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { katexLoaded, loadKatex, onKatexLoaded, typeset } from '../../../app/ui/typeset';

// A fresh module graph (the node project isolates files): KaTeX has not been requested yet.
describe('typeset: KaTeX is loaded on demand, not with the page', () => {
  test('answers null until KaTeX arrives, tells its listeners once, then typesets', async () => {
    const tex = String.raw`\mu_B = \frac{1}{m}\sum_i z_i`;
    expect(katexLoaded()).toBe(false);
    expect(typeset(tex, true)).toBeNull();
    let heard = 0;
    let dropped = 0;
    onKatexLoaded(() => heard++);
    const stop = onKatexLoaded(() => dropped++);
    stop();
    const first = loadKatex();
    expect(loadKatex()).toBe(first);
    await first;
    expect(katexLoaded()).toBe(true);
    expect([heard, dropped]).toEqual([1, 0]);
    expect(typeset(tex, true)).toBe(katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' }));
  });
});
