/** Formats an engine number for display; non-finite values are words, never "NaN". */
export function fmt(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'undefined';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [mant, exp] = x.toExponential(digits - 1).split('e');
    return `${mant.replace('-', '−')}×10^${Number(exp)}`;
  }
  return Number(x.toFixed(digits)).toString().replace('-', '−');
}

/** The same number as TeX (exponents as superscripts). */
export function tex(x: number, digits = 3): string {
  return fmt(x, digits).replace(/×10\^(−?\d+)/, (_m, e: string) => `\\times 10^{${e.replace('−', '-')}}`).replace(/−/g, '-');
}
