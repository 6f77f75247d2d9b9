import katex from 'katex';
import { describe, expect, test, vi } from 'vitest';

/** A fresh copy of the static bodies and the typeset cache (each is one per page), KaTeX not loaded. */
const fresh = async () => {
  vi.resetModules();
  return { body: await import('../../../app/ui/staticBody'), typeset: await import('../../../app/ui/typeset') };
};

const equation = (tex: string) => `<div class="equation">${katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml' })}</div>`;

describe('adoptStaticBody: a pre-rendered section’s equations enter the typeset cache as it goes live', () => {
  test('none at the takeover; a section’s own when it goes live (an equation that is a body node itself too), once', async () => {
    const { body, typeset } = await fresh();
    const root = document.createElement('div');
    root.innerHTML =
      `<section data-section="a"><h2>A</h2><p>Prose</p>${equation('x^2')}</section>` +
      `<section data-section="b"><h2>B</h2><div>${equation('\\mu_B')}</div></section>`;
    body.keepStaticBodies(root);
    expect(typeset.katexLoaded()).toBe(false);
    expect(typeset.typeset('x^2', true)).toBeNull();
    expect(typeset.typeset('\\mu_B', true)).toBeNull();
    body.adoptStaticBody('b');
    expect(typeset.typeset('\\mu_B', true)).toContain('katex');
    expect(typeset.typeset('x^2', true)).toBeNull();
    body.adoptStaticBody('a');
    body.adoptStaticBody('a');
    expect(typeset.typeset('x^2', true)).toContain('katex');
    body.adoptStaticBody('missing'); // no body: nothing to take
  });
});
