/**
 * Distances in units in the last place, for the deterministic math tests: doubles mapped to integers
 * that count representable numbers from 0 (negative ones below 0), so neighbours differ by 1 and
 * −0 and +0 are the same point.
 */
const F64 = new Float64Array(1);
const I64 = new BigInt64Array(F64.buffer);

function ordinal(x: number): bigint {
  F64[0] = x;
  const bits = I64[0];
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/** How many doubles apart a and b are: 0 when equal (or both NaN), Infinity when exactly one is NaN. */
export function ulpDistance(a: number, b: number): number {
  if (a !== a || b !== b) return a !== a && b !== b ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** The next double above x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  F64[0] = x;
  I64[0] += x > 0 ? 1n : -1n;
  return F64[0];
}

/** The double whose 64 bits are `bits`. */
export function fromBits(bits: bigint): number {
  I64[0] = BigInt.asIntN(64, bits);
  return F64[0];
}

/**
 * Compares f against a reference on every argument: the largest ulp distance, where it happened, and
 * how many results differ at all.
 */
export function worstUlps(f: (x: number) => number, ref: (x: number) => number, args: Float64Array): { max: number; at: number; differ: number } {
  let max = 0, at = NaN, differ = 0;
  for (const x of args) {
    const d = ulpDistance(f(x), ref(x));
    if (d > 0) differ++;
    if (d > max) {
      max = d;
      at = x;
    }
  }
  return { max, at, differ };
}

/**
 * A fingerprint of the exact bits of `values` (two 32-bit FNV-1a-style hashes over every word, in hex):
 * any change of any last bit changes it.
 */
export function bitsDigest(values: Float64Array): string {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let a = 0x811c9dc5, b = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    a = Math.imul(a ^ words[i], 0x01000193);
    b = Math.imul(b ^ words[i], 0x85ebca6b) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
