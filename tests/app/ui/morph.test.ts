import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
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

describe('with the markup shown passed (an equation\'s drag move)', () => {
  // The same tags with other texts: digits, signs, entities (those KaTeX writes, escaped ones, one it does not), an empty text.
  const texts = fc.constantFrom('1', '2.5', '−', '3.42', '&amp;', 'a &amp;lt; b', '&lt;&gt;', '&quot;&#x27;&#39;', 'x&nbsp;y', '&amp;nbsp;', '');
  const withTexts = (tags: string[], words: string[]) => tags.map((t, i) => `${words[i] ?? ''}${t}`).join('') + (words[tags.length] ?? '');
  const shape = fc.array(fc.constantFrom('<span class="mord">', '</span>', '<b>', '</b>', '<svg class="x">', '</svg>'), { maxLength: 10 }).map((tags) => {
    // Balanced: close what was opened, innermost first.
    const open: string[] = [];
    const out: string[] = [];
    for (const t of tags) {
      if (!t.startsWith('</')) {
        open.push(t);
        out.push(t);
      } else if (open.length > 0) out.push(`</${open.pop()!.slice(1).split(/[ >]/)[0]}>`);
    }
    while (open.length > 0) out.push(`</${open.pop()!.slice(1).split(/[ >]/)[0]}>`);
    return out;
  });

  test('new texts between the same tags give exactly the new markup (entities and emptied texts too)', () => {
    fc.assert(
      fc.property(shape, fc.array(texts, { maxLength: 12 }), fc.array(texts, { maxLength: 12 }), (tags, w1, w2) => {
        const [a, b] = [withTexts(tags, w1), withTexts(tags, w2)];
        const el = document.createElement('div');
        el.innerHTML = a;
        morph(el, b, a);
        expect(el.innerHTML).toBe(fresh(b));
      }),
    );
  });

  test('only digits and signs changed: every element and text node is kept, only the changed texts are written', () => {
    const digits = fc.constantFrom('1', '2.5', '−', '3.42');
    fc.assert(
      fc.property(shape, fc.array(digits, { minLength: 11, maxLength: 11 }), fc.array(digits, { minLength: 11, maxLength: 11 }), (tags, w1, w2) => {
        const [a, b] = [withTexts(tags, w1), withTexts(tags, w2)];
        const el = document.createElement('div');
        el.innerHTML = a;
        const nodes = [...el.querySelectorAll('*')];
        const textNodes: Node[] = [];
        const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) textNodes.push(n);
        morph(el, b, a);
        expect(el.innerHTML).toBe(fresh(b));
        expect([...el.querySelectorAll('*')].every((n, i) => n === nodes[i])).toBe(true);
        const after: Node[] = [];
        const again = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = again.nextNode(); n; n = again.nextNode()) after.push(n);
        expect(after.length === textNodes.length && after.every((n, i) => n === textNodes[i])).toBe(true);
      }),
    );
  });

  test('a page that does not show what it was told it shows still ends with the new markup', () => {
    const el = document.createElement('div');
    el.innerHTML = '<span>1</span><span>2</span>';
    morph(el, '<span>3</span><span>4</span>', '<span>9</span><span>2</span>');
    expect(el.innerHTML).toBe('<span>3</span><span>4</span>');
  });
});
