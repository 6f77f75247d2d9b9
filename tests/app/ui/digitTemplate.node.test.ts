import katex from 'katex';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fillTemplate, learnTemplate, shapeOf } from '../../../app/ui/digitTemplate';
import { rowVectorTex, squaredDeviationsTex, sumTex } from '../../../app/notebook/shared/sumTex';
import { tex as numTex } from '../../../app/ui/format';

const render = (display: boolean) => (t: string) =>
  katex.renderToString(t, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore' });

/** Equations of the kinds the notebook draws, each with holes for numbers. */
const FORMS: ((x: string[]) => string)[] = [
  (x) => String.raw`\mu = \frac{1}{8}(${x[0]} + ${x[1]} + \cdots + ${x[2]}) = ${x[3]}`,
  (x) => String.raw`\hat z_3 = \frac{${x[0]} - ${x[1]}}{\sqrt{${x[2]} + 10^{-5}}} = ${x[3]}`,
  (x) => String.raw`\tilde Z_{2} = \gamma \cdot ${x[0]} + \beta = ${x[1]} \cdot ${x[2]} + ${x[3]}`,
  (x) => String.raw`\sigma^2 = \textstyle\frac{1}{m}\sum_{i=1}^{m} (z_i - \mu)^2 = \Big(${x[0]}\Big)^2 + \left(${x[1]}\right)`,
  (x) => String.raw`\frac{\partial L}{\partial \gamma} = ${x[0]} \times 10^{${x[1]}} \qquad \text{${x[2].replace(/\D/g, '') || '1'} steps, } \mathrm{lr} = ${x[3]}`,
  (x) => String.raw`\mathbf{${x[0]}} \quad \boldsymbol{\mu}_{${x[1]}} = \overline{${x[2]}} \quad \log ${x[3]}`,
  (x) => String.raw`\begin{aligned} a &= ${x[0]} \\ b &= ${x[1]} - ${x[2]} \\ c &= \min(${x[3]}, 1) \end{aligned}`,
];

const number = fc.oneof(
  fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((v) => numTex(v, 3)),
  fc.integer({ min: -99, max: 999 }).map(String),
  fc.double({ min: 1e-9, max: 1e-4, noNaN: true }).map((v) => numTex(v, 2)),
);

describe('digitTemplate: KaTeX’s HTML for TeX that differs only in its digits', () => {
  test('a filled template is exactly KaTeX’s HTML, display and inline, for equations the notebook draws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FORMS.length - 1 }), fc.array(number, { minLength: 4, maxLength: 4 }), fc.array(number, { minLength: 4, maxLength: 4 }), fc.boolean(), (f, a, b, display) => {
        const first = FORMS[f](a);
        // The same shape with other digits: b's numbers with a's digit counts and signs.
        const second = first.replace(/[0-9]/g, () => String(b.join('').replace(/\D/g, '').charAt(0) || '7'));
        const template = learnTemplate(first, render(display));
        expect(template).not.toBeNull();
        expect(shapeOf(second)).toBe(shapeOf(first));
        expect(fillTemplate(template!, first)).toBe(render(display)(first));
        expect(fillTemplate(template!, second)).toBe(render(display)(second));
      }),
      { numRuns: 120 },
    );
  });

  test('random digits in the notebook’s sums and row vectors', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 12 }), fc.boolean(), (values, display) => {
        for (const build of [rowVectorTex, sumTex, (v: number[]) => squaredDeviationsTex(v, v[0], 2)]) {
          const t = build(values);
          const template = learnTemplate(t, render(display));
          // Any other TeX of the same shape: every digit replaced at random, the shape kept.
          const other = t.replace(/[0-9]/g, () => String(Math.floor(Math.abs(values[1] * 7919) % 10)));
          expect(fillTemplate(template!, other)).toBe(render(display)(other));
        }
      }),
      { numRuns: 60 },
    );
  });

  test('no template when a digit changes more than its own text (a size, a colour), or the TeX has no digits', () => {
    expect(learnTemplate(String.raw`a \hspace{2pt} b = 1.5`, render(true))).toBeNull();
    expect(learnTemplate(String.raw`\textcolor{#123456}{x} = 2`, render(false))).toBeNull();
    expect(learnTemplate(String.raw`\rule{1em}{0.4pt} 3`, render(false))).toBeNull();
    expect(learnTemplate(String.raw`\mu = \frac{a}{b}`, render(true))).toBeNull();
  });

  test('the shape reads every digit as 0, and keeps signs and everything else', () => {
    expect(shapeOf('z_1 = -12.5')).toBe('z_0 = -00.0');
    expect(shapeOf('z_1 = 12.5')).not.toBe(shapeOf('z_1 = -12.5'));
  });
});
