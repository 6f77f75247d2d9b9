const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/** Mantissa and exponent of x in scientific notation, trailing zeros of the mantissa dropped. */
function scientific(x: number, digits: number): { mant: string; exp: number } {
  const [m, e] = x.toExponential(Math.max(0, digits - 1)).split('e');
  const mant = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
  return { mant, exp: Number(e) };
}

const needsScientific = (x: number): boolean => {
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3;
};

/**
 * Formats an engine number for display as text; non-finite values are words, never "NaN".
 * Very large or small numbers use scientific notation with a superscript exponent: 4.4×10⁻¹⁶.
 * `digits` is the number of decimals; a non-zero number that would round to 0 keeps `digits` significant digits.
 */
export function fmt(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'undefined';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  if (needsScientific(x)) {
    const { mant, exp } = scientific(x, digits);
    const sup = String(exp).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
    const m = mant.replace('-', '−');
    return m === '1' || m === '−1' ? `${m.replace('1', '')}10${sup}` : `${m}×10${sup}`;
  }
  const fixed = Number(x.toFixed(digits));
  // A non-zero number never prints as 0: below the decimals asked for, keep `digits` significant ones (ε = 0.0032).
  return (fixed === 0 ? Number(x.toPrecision(Math.max(1, digits))) : fixed).toString().replace('-', '−');
}

/** Two significant digits, as text: 45.62 → “46”, 0.0734 → “0.073”, 49.69 → “50”. */
export const sig = (x: number): string => fmt(Number(x.toPrecision(2)), 6);

/** The same number as TeX (exponents as superscripts; NaN as the word "undefined", ±∞ as \infty). */
export function tex(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '\\text{undefined}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  if (x !== 0 && needsScientific(x)) {
    const { mant, exp } = scientific(x, digits);
    return mant === '1' || mant === '-1' ? `${mant.replace('1', '')}10^{${exp}}` : `${mant}\\times 10^{${exp}}`;
  }
  return fmt(x, digits).replace(/−/g, '-');
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** A positive integer in subscript digits: 12 → "₁₂" (for labels like z₁₂). */
export function sub(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]);
}
