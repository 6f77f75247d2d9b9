import { tex } from './format';

/**
 * "(a + b + … + z)" as TeX with the actual numbers: all terms when there are few,
 * else the first three, an ellipsis and the last.
 */
export function sumTex(values: ArrayLike<number>, digits = 2, maxTerms = 6): string {
  const n = values.length;
  const term = (x: number, first: boolean) => (first ? tex(x, digits) : x < 0 ? `- ${tex(-x, digits)}` : `+ ${tex(x, digits)}`);
  if (n <= maxTerms) return Array.from({ length: n }, (_, i) => term(values[i], i === 0)).join(' ');
  return `${term(values[0], true)} ${term(values[1], false)} ${term(values[2], false)} + \\cdots ${term(values[n - 1], false)}`;
}
