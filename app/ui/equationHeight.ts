/** TeX that makes a line taller than plain text: fractions, big operators with limits, roots, braces, big delimiters. */
const TALL = /\\(?:d?frac|tfrac|sum|prod|int|sqrt|underbrace|overbrace|Big|binom)\b/;
/** A big operator with limits above and below (display mode): taller still. */
const LIMITS = /\\(?:sum|prod)_\{[^}]*\}\^/;

/**
 * About the height, in em of the equation's own font size, that KaTeX will give a display equation:
 * what an equation waiting for KaTeX reserves (Equation.tsx), so the text below it does not move when
 * it is typeset. Measured in Chromium on the notebook's equations (border box, KaTeX's display margins
 * included): a plain line 3.9 em, one with a fraction or a sum 5.0–6.0, each further row of an
 * `aligned` or `cases` block 1.6 em, or about 3.2 em with a fraction (to within 0.5 em on average).
 */
export function reservedHeightEm(tex: string): number {
  const [first, ...more] = tex.split('\\\\');
  return more.reduce((h, row) => h + (TALL.test(row) ? 3.2 : 1.6), LIMITS.test(first) ? 5.9 : TALL.test(first) ? 5.1 : 3.9);
}
