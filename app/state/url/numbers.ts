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

/** What a hand-edited address does to a number: surrounding spaces, a typographic minus, an exponent's "+" read as a space. */
function cleanDecimal(s: string): string {
  return s.trim().replace(/\u2212/g, '-').replace(/ /g, '+');
}

/**
 * Decimal text as a float64 reads it, forgiving what numberText forgives; null if it is not a decimal
 * number. Unlike numberText it keeps what a float64 cannot hold: 1e400 reads as Infinity (see numberLost).
 */
export function decimalValue(raw: string): number | null {
  const text = cleanDecimal(raw);
  return DECIMAL.test(text) ? Number(text) : null;
}

/**
 * Whether decimal text names a number a float64 cannot hold: 'underflow' when it is not zero but
 * reads as ±0 (1e-400: below about 5e-324, the smallest positive float64), 'overflow' when it reads
 * as ±Infinity (1e400); null when it reads as itself (to the nearest float64) or is not a decimal.
 */
export function numberLost(raw: string): 'underflow' | 'overflow' | null {
  const x = decimalValue(raw);
  if (x === null) return null;
  if (!Number.isFinite(x)) return 'overflow';
  return x === 0 && /[1-9]/.test(cleanDecimal(raw).split(/e/i)[0]) ? 'underflow' : null;
}

/**
 * Query text ⇄ finite number, as a zod codec (read with z.safeDecode, written with z.encode).
 * Decoding forgives what a hand-edited address tends to contain — surrounding spaces, a typographic
 * minus (−, which the page itself prints), and an exponent's "+" that the query string turned into a
 * space — and rejects anything else.
 */
export const numberText = z.codec(
  z.string().check(z.overwrite(cleanDecimal), z.regex(DECIMAL)),
  z.number(),
  { decode: (s) => Number(s), encode: formatNumber },
);
