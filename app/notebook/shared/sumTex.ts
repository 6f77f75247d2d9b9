import { tex } from '../../ui/format';

/**
 * n terms joined as TeX: all of them when there are at most `maxTerms`, else the first `head`,
 * an ellipsis and the last. `term(i, first)` writes term i (with its sign when not first).
 */
export function termsTex(n: number, term: (i: number, first: boolean) => string, maxTerms = 6, joiner = ' ', head = 3): string {
  if (n <= maxTerms) return Array.from({ length: n }, (_, i) => term(i, i === 0)).join(joiner);
  const first = Array.from({ length: Math.min(head, n - 1) }, (_, i) => term(i, i === 0));
  return [...first, '\\cdots', term(n - 1, false)].join(joiner);
}

/** A signed number as a term of a sum: "1.2" first, then "+ 1.2" or "- 1.2". */
export function signedTex(x: number, digits: number, first: boolean): string {
  if (first) return tex(x, digits);
  return x < 0 || Object.is(x, -0) ? `- ${tex(-x, digits)}` : `+ ${tex(x, digits)}`;
}

/**
 * "(a + b + … + z)" as TeX with the actual numbers: all terms when there are few,
 * else the first three, an ellipsis and the last.
 */
export function sumTex(values: ArrayLike<number>, digits = 2, maxTerms = 6): string {
  const withPlus = (i: number, first: boolean) => signedTex(values[i], digits, first);
  return termsTex(values.length, withPlus, maxTerms).replace('\\cdots', '+ \\cdots');
}

/** "(z₁ − μ)² + (z₂ − μ)² + ⋯" with the numbers: (1.27 - 2.31)^2 + … */
export function squaredDeviationsTex(values: ArrayLike<number>, mean: number, digits = 2, maxTerms = 3): string {
  const mu = mean < 0 ? `+ ${tex(-mean, digits)}` : `- ${tex(mean, digits)}`;
  const term = (i: number, first: boolean) => `${first ? '' : '+ '}(${tex(values[i], digits)} ${mu})^2`;
  return termsTex(values.length, term, maxTerms, ' ', 2).replace('\\cdots', '+ \\cdots');
}

/** A row vector [a & b & ⋯ & z] as TeX (bmatrix), truncated like termsTex. */
export function rowVectorTex(values: ArrayLike<number>, digits = 2, maxTerms = 6): string {
  return `\\begin{bmatrix} ${termsTex(values.length, (i) => tex(values[i], digits), maxTerms, ' & ')} \\end{bmatrix}`;
}
