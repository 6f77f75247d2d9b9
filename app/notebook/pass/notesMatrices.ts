import { type Matrix, column, transpose } from '../../../src/matrix';
import { fmt, tex } from '../../ui/format';

/** What the rows of a matrix shown in the notes' orientation are. */
export type RowKind = 'feature' | 'neuron' | 'class';

/** A matrix as the notes write it (rows are neurons or features, columns are the m samples). */
export interface MatrixPanel {
  /** Name as TeX, e.g. `W_1`. */
  readonly tex: string;
  /** Name as plain text for screen readers, e.g. "W₁". */
  readonly name: string;
  readonly matrix: Matrix;
  readonly rowKind: RowKind;
  /** True when the columns are the samples of the batch (else they are inputs of a weight matrix). */
  readonly samples: boolean;
}

/** The notes' orientation of an engine matrix [m × n]: its transpose [n × m]. */
export const notesOrient = (m: Matrix): Matrix => transpose(m);

/** A per-neuron vector (μ, σ², γ, β, ∂L/∂γ …) as an [n × 1] column. */
export const vectorPanel = (texName: string, name: string, values: ArrayLike<number>, rowKind: RowKind = 'neuron'): MatrixPanel => ({
  tex: texName,
  name,
  matrix: column(values),
  rowKind,
  samples: false,
});

/** An engine batch matrix [m × n] shown as the notes' [n × m]. */
export const batchPanel = (texName: string, name: string, m: Matrix, rowKind: RowKind = 'neuron'): MatrixPanel => ({
  tex: texName,
  name,
  matrix: notesOrient(m),
  rowKind,
  samples: true,
});

/** A weight matrix: the engine's W is [in × out]; the notes' is its transpose [out × in]. */
export const weightPanel = (texName: string, name: string, w: Matrix, rowKind: RowKind = 'neuron'): MatrixPanel => ({
  tex: texName,
  name,
  matrix: notesOrient(w),
  rowKind,
  samples: false,
});

/** A number for TeX, in parentheses when negative so products read well: (−0.5)(1.2). */
export const factor = (x: number, digits = 3): string => (x < 0 ? `(${tex(x, digits)})` : tex(x, digits));

/** A signed term of a sum: "+ 0.5" or "- 0.5" (the first term bare). */
export const term = (x: number, first: boolean, digits = 3): string =>
  first ? tex(x, digits) : x < 0 ? `- ${tex(-x, digits)}` : `+ ${tex(x, digits)}`;

/** Element (r, c) of a matrix. */
export const at = (m: Matrix, r: number, c: number): number => m.data[r * m.cols + c];

/** A (row, column) selection clamped into an [rows × cols] matrix. */
export function clampCell(sel: { row: number; col: number }, rows: number, cols: number): { row: number; col: number } {
  return { row: Math.min(Math.max(0, sel.row), rows - 1), col: Math.min(Math.max(0, sel.col), cols - 1) };
}

/** Row heading for the kind: x₁, neuron 3, class 2 (1-based, as people count). */
export function rowHeading(kind: RowKind, r: number): string {
  if (kind === 'feature') return `x${subscript(r + 1)}`;
  return kind === 'class' ? `class ${r + 1}` : `neuron ${r + 1}`;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂". */
export const subscript = (n: number): string => String(n).replace(/\d/g, (d) => SUB[Number(d)]);

/** Background tint for a cell: a diverging scale, blue for positive, orange for negative, by |v| / maxAbs. */
export function cellTint(v: number, maxAbs: number): { sign: 'pos' | 'neg' | 'zero'; strength: number } {
  if (!Number.isFinite(v) || maxAbs === 0 || v === 0) return { sign: 'zero', strength: 0 };
  return { sign: v > 0 ? 'pos' : 'neg', strength: Math.min(1, Math.abs(v) / maxAbs) };
}

/** Largest |value| of a matrix (finite entries only). */
export function maxAbs(m: Matrix): number {
  let best = 0;
  for (const v of m.data) if (Number.isFinite(v)) best = Math.max(best, Math.abs(v));
  return best;
}

/** A fixed-decimal number for tables of means that are 0 up to rounding: "0.0000", never "−0.0000". */
export function fixed(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return fmt(x);
  const s = x.toFixed(digits);
  return (Number(s) === 0 ? (0).toFixed(digits) : s).replace('-', '−');
}

/**
 * The terms of a sum (each with its sign but the first), all on one line, or in lines of at most
 * `perLine` terms inside an aligned environment (the presentation's narrower screens).
 */
export function sumLines(terms: readonly string[], perLine?: number): string {
  if (!perLine || terms.length <= perLine) return terms.join(' ');
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += perLine) lines.push(terms.slice(i, i + perLine).join(' '));
  return lines.join(' \\\\ &\\qquad ');
}

/** "lhs = expr" over "= value", aligned on the equals signs, so long substitutions stay narrow. */
export const eq2 = (lhs: string, expr: string, value: string): string =>
  String.raw`\begin{aligned} ${lhs} &= ${expr} \\ &= ${value} \end{aligned}`;

/** A matrix cell: 3 decimals (so columns line up), whole numbers (0, one-hot 1) as they are, huge values in scientific notation. */
export function cellText(v: number, digits = 3): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e4) return String(v).replace('-', '−');
  // A value that would print as 0.000 keeps its digits in scientific form (−2.59×10⁻⁴), unless it is
  // rounding noise around 0 (below 10⁻¹²), which prints as 0.000.
  const tiny = Math.abs(v) < 0.5 * 10 ** -digits && Math.abs(v) >= 1e-12;
  if (!Number.isFinite(v) || Math.abs(v) >= 1e4 || tiny) return fmt(v, digits);
  return fixed(v, digits);
}
