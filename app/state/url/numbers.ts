// zod's tree-shakable API: only the schemas and checks used here reach the bundle.
import * as z from 'zod/mini';

/**
 * A decimal number as a person would type it: optional sign, digits with an optional point, optional
 * exponent. No hex, no "Infinity", no "NaN", no empty string (Number('') is 0, which is not what
 * anyone meant).
 */
export const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/**
 * The shortest text that reads back as exactly the same float64. ECMAScript's Number-to-String
 * already gives the shortest round-tripping digits; only −0 needs help (String(-0) is "0"), and the
 * exponent's "+" is dropped because a raw "+" in a query string reads back as a space.
 */
export function formatNumber(x: number): string {
  if (Object.is(x, -0)) return '-0';
  return String(x).replace('e+', 'e');
}

/**
 * Query text ⇄ finite number, as a zod codec (read with z.safeDecode, written with z.encode).
 * Decoding forgives what a hand-edited address tends to contain — surrounding spaces, a typographic
 * minus (−, which the page itself prints), and an exponent's "+" that the query string turned into a
 * space — and rejects anything else.
 */
export const numberText = z.codec(
  z.string().check(
    z.overwrite((s) => s.trim().replace(/\u2212/g, '-').replace(/ /g, '+')),
    z.regex(DECIMAL),
  ),
  z.number(),
  { decode: (s) => Number(s), encode: formatNumber },
);
