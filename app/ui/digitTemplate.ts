/**
 * Typesetting by digits (issue 15): a live equation changes only its numbers from one drag move to the next, and
 * KaTeX gives every digit of a font the same box and classes, so two TeX that differ only in their digits typeset to
 * the same HTML but for those digits. A template, made once for a shape (the TeX with every digit read as 0), fills
 * the new digits into KaTeX's HTML without typesetting (KaTeX was about 0.5 ms of each move of section 2's points).
 *
 * The template is learned, never assumed: the shape is typeset a few times with different digits ("probes"), each
 * digit of the TeX given a different sequence of digits across the probes. The probes must agree on every character
 * but the digits of the text between tags, and each digit that differs must decode to one digit of the TeX. A digit
 * that changes anything else (a size such as `\hspace{2pt}`, a colour) makes the probes disagree: such a shape has no
 * template and is typeset as always.
 */

/** A shape's HTML: literal pieces, and between them the index (in the TeX's digits) each digit slot shows. */
export interface DigitTemplate {
  literals: string[];
  slots: number[];
}

const DIGIT = /[0-9]/g;

/** The shape of `tex`: every digit read as 0 (TeX that differ only in their digits share it). */
export const shapeOf = (tex: string): string => tex.replace(DIGIT, '0');

/** The TeX's digits in order. */
const digitsOf = (tex: string): string => tex.replace(/[^0-9]/g, '');

/** `tex` with its k-th digit replaced by `digit(k)`. */
function withDigits(tex: string, digit: (k: number) => number): string {
  let k = 0;
  return tex.replace(DIGIT, () => String(digit(k++)));
}

/**
 * Probe p < places gives the TeX's k-th digit the p-th decimal place of k; the last probe gives it the first probe's
 * digit plus 5, so every digit of the TeX differs between two probes (a digit that changed nothing is caught).
 */
function probeDigit(p: number, places: number, k: number): number {
  return p < places ? Math.floor(k / 10 ** p) % 10 : ((k % 10) + 5) % 10;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * The template of `tex`'s shape, made from `render` (KaTeX) called on probes; null when the shape has no digits, or
 * its digits change more than the text of their own digits.
 */
export function learnTemplate(tex: string, render: (tex: string) => string): DigitTemplate | null {
  const n = digitsOf(tex).length;
  if (n === 0) return null;
  const places = Math.max(1, Math.ceil(Math.log10(n + 1)));
  const probes = Array.from({ length: places + 1 }, (_, p) => render(withDigits(tex, (k) => probeDigit(p, places, k))));
  const html = probes[0];
  if (probes.some((h) => h.length !== html.length)) return null;
  const literals: string[] = [];
  const slots: number[] = [];
  let from = 0;
  let inTag = false;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (probes.every((h) => h[i] === c)) {
      if (c === '<') inTag = true;
      else if (c === '>') inTag = false;
      continue;
    }
    // Probes differ here: only a digit of a text can, and it has to be one digit of the TeX.
    if (inTag || !probes.every((h) => isDigit(h[i]))) return null;
    let k = 0;
    for (let p = 0; p < places; p++) k += Number(probes[p][i]) * 10 ** p;
    if (k >= n || Number(probes[places][i]) !== probeDigit(places, places, k)) return null;
    literals.push(html.slice(from, i));
    slots.push(k);
    from = i + 1;
  }
  literals.push(html.slice(from));
  return { literals, slots };
}

/** The HTML of `tex` from its shape's template: `tex`'s digits in their slots. */
export function fillTemplate(template: DigitTemplate, tex: string): string {
  const digits = digitsOf(tex);
  let out = template.literals[0];
  for (let s = 0; s < template.slots.length; s++) out += digits[template.slots[s]] + template.literals[s + 1];
  return out;
}
