import fc from 'fast-check';
import { expect, test } from 'vitest';
import { morph } from '../../../app/ui/morph';
import { typeset } from '../../../app/ui/typeset';

/** Issue 15: an equation's new TeX changes only what differs in its DOM; the result equals a fresh innerHTML. */

const fresh = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el.innerHTML;
};

test('morphing one typeset equation into another gives exactly the new markup, and keeps the nodes that did not change', async () => {
  await import('katex').then((k) => k.default);
  const el = document.createElement('div');
  const before = typeset(String.raw`Z = \begin{bmatrix} 2.5 & 1.05 & 1.39 \end{bmatrix}`, true);
  const after = typeset(String.raw`Z = \begin{bmatrix} -2.5 & 1.05 & 1.41 \end{bmatrix}`, true);
  if (before === null || after === null) throw new Error('KaTeX is not loaded');
  el.innerHTML = before;
  const root = el.firstElementChild;
  morph(el, after);
  expect(el.innerHTML).toBe(fresh(after));
  expect(el.firstElementChild).toBe(root);
  morph(el, before);
  expect(el.innerHTML).toBe(fresh(before));
});

// Small trees of a few tags, classes, attributes and texts: any one morphed into any other gives the other.
const leaf = fc.oneof(fc.constantFrom('1', '2.5', '−', ''), fc.constant(null));
const tree: fc.Arbitrary<string> = fc.letrec((t) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf.map((x) => x ?? ''),
    fc
      .record({ tag: fc.constantFrom('span', 'b', 'svg'), cls: fc.constantFrom('', 'mord', 'mbin', 'vlist'), style: fc.constantFrom('', 'height:1em', 'top:-2em'), kids: fc.array(t('node'), { maxLength: 4 }) })
      .map(({ tag, cls, style, kids }) => `<${tag}${cls ? ` class="${cls}"` : ''}${style ? ` style="${style}"` : ''}>${kids.join('')}</${tag}>`),
  ),
})).node;

test('any markup morphed into any other equals the other', () => {
  fc.assert(
    fc.property(fc.array(tree, { maxLength: 4 }), fc.array(tree, { maxLength: 4 }), (a, b) => {
      const el = document.createElement('div');
      el.innerHTML = a.join('');
      morph(el, b.join(''));
      expect(el.innerHTML).toBe(fresh(b.join('')));
    }),
  );
});

test('an svg element (KaTeX draws tall brackets and roots as svg) whose class is unchanged is kept, not replaced', () => {
  const el = document.createElement('div');
  el.innerHTML = '<span class="mord"><svg class="hide-tail" width="1em"><path d="M0 0h1"></path></svg>1.05</span>';
  const path = el.querySelector('path');
  morph(el, '<span class="mord"><svg class="hide-tail" width="2em"><path d="M0 0h2"></path></svg>1.41</span>');
  expect(el.querySelector('path')).toBe(path);
  expect(el.innerHTML).toBe(fresh('<span class="mord"><svg class="hide-tail" width="2em"><path d="M0 0h2"></path></svg>1.41</span>'));
});
