/**
 * The two 32-bit words of an IEEE-754 double, as fdlibm's __HI and __LO see them: the high word holds
 * the sign, the 11 exponent bits and the top 20 fraction bits; the low word the other 32 fraction bits.
 * Read and written through one shared 8-byte buffer, so they are the same in every JavaScript engine
 * (the byte order is detected once).
 */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/** The high word as a signed 32-bit integer (negative when the sign bit is set), like fdlibm's `int hx`. */
export function highWord(x: number): number {
  F64[0] = x;
  return U32[HI] | 0;
}

/** The low word, unsigned. */
export function lowWord(x: number): number {
  F64[0] = x;
  return U32[LO];
}

/** The double whose words are `hi` and `lo` (each taken modulo 2³²). */
export function fromWords(hi: number, lo: number): number {
  U32[HI] = hi;
  U32[LO] = lo;
  return F64[0];
}
