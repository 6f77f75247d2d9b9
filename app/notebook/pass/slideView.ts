import type { MatrixPanel } from './notesMatrices';

/** Long sums of products in a pass step in the presentation: at most this many products a line. */
export const SLIDE_TERMS_PER_LINE = 2;

/**
 * `\frac{\partial L}{\partial X}` written `\partial L/\partial X`: on one line, so a gradient's name
 * above its matrix is as large as the matrix's cells (a fraction in running text is set in script size).
 */
export function slashFractions(tex: string): string {
  const open = '\\frac{\\partial L}{';
  let out = '';
  let i = 0;
  for (;;) {
    const start = tex.indexOf(open, i);
    if (start < 0) return out + tex.slice(i);
    let depth = 1;
    let k = start + open.length;
    for (; k < tex.length && depth > 0; k++) depth += tex[k] === '{' ? 1 : tex[k] === '}' ? -1 : 0;
    out += `${tex.slice(i, start)}\\partial L/${tex.slice(start + open.length, k - 1)}`;
    i = k;
  }
}

/** A matrix as the presentation names it (see slashFractions). */
export const slidePanel = (p: MatrixPanel): MatrixPanel => ({ ...p, tex: slashFractions(p.tex) });

/** When each piece of a pass step shows, as → reveals its parts: [from, until] (until open when absent). */
export type PartRange = readonly [from: number, until?: number];

export interface SlideParts {
  /** The matrices the step reads. */
  inputs?: PartRange;
  /** The selected entry worked out with the numbers. */
  numbers?: PartRange;
  /** The matrix the step makes. */
  output?: PartRange;
  /** The whole step (it gives way to a verdict after it). */
  all?: PartRange;
}

/**
 * A pass step's parts: the equation and its inputs; → the selected entry's numbers and the result (in
 * the inputs' place when both do not fit, `replace`); → a verdict in the step's place (`thenVerdict`).
 */
export function passParts({ replace, thenVerdict }: { replace: boolean; thenVerdict: boolean }): SlideParts {
  return { inputs: [0, replace ? 0 : undefined], numbers: [1], output: [1], all: [0, thenVerdict ? 1 : undefined] };
}

/** ∂L/∂Z, exact vs the notes' form: the formula and what it reads; → the numbers and the result; → the notes' form beside it; → the verdict. */
export const EXACT_VS_NOTES: SlideParts = { inputs: [0, 0], numbers: [1, 1], output: [1, 2], all: [0, 2] };
