/**
 * Deterministic sin and cos: the same bits in every JavaScript engine (see detMath.ts for why), for
 * |x| ≤ 2²⁰·π/2 ≈ 1,647,099; beyond that they throw an EngineError ('range') instead of reducing the
 * argument with Payne–Hanek's many bits of 2/π. The engine calls them with |x| < 100.
 *
 * Ported to TypeScript from fdlibm 5.3 (s_sin.c, s_cos.c, k_sin.c, k_cos.c and the medium-size
 * Cody–Waite reduction of e_rem_pio2.c, π/2 in three 33-bit parts), which carries this notice:
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted, provided that
 *   this notice is preserved.
 */
import { EngineError } from './errors';
import { fromWords, highWord } from './float64Bits';

// The constants are locals of the functions that use them, for speed (see detMath.ts).

/** sin(x + y) for |x| ≤ π/4, y the tail of x (iy = 0: y is 0) — fdlibm's __kernel_sin. */
function kernelSin(x: number, y: number, iy: number): number {
  const S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04;
  const S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
  if (Math.abs(x) < 7.450580596923828e-9) return x; // |x| < 2^-27, also keeps −0
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x| ≤ π/4 — fdlibm's __kernel_cos (1 − x²/2 split as (1 − qx) − (x²/2 − qx) for |x| ≥ 0.3). */
function kernelCos(x: number, y: number): number {
  const C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05;
  const C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // x/4 with its low word cleared
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

/** High words of n·π/2 for n = 1…32: x near one of them needs the longer reduction. */
const NPIO2_HW = Int32Array.of(
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
);
/** The largest |x| reduced here, 1647099.9999999998: the largest double with the high word of 2²⁰·π/2 (fdlibm's medium range). */
export const DET_TRIG_MAX = fromWords(0x413921fb, 0xffffffff);

/** The reduced argument of the last `remPio2`, as head and tail: x − n·π/2 = y0 + y1, |y0| ≤ π/4. */
let y0 = 0, y1 = 0;

/** Reduces x (|x| > π/4, finite) by multiples of π/2 into y0 + y1 and returns n (fdlibm's __ieee754_rem_pio2). */
function remPio2(x: number): number {
  const INVPIO2 = 6.36619772367581382433e-01; // 53 bits of 2/π
  const PIO2_1 = 1.57079632673412561417e+00; // first 33 bits of π/2
  const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
  const PIO2_2 = 6.07710050630396597660e-11; // second 33 bits of π/2
  const PIO2_2T = 2.02226624879595063154e-21; // π/2 − (PIO2_1 + PIO2_2)
  const PIO2_3 = 2.02226624871116645580e-21; // third 33 bits of π/2
  const PIO2_3T = 8.47842766036889956997e-32; // π/2 − (PIO2_1 + PIO2_2 + PIO2_3)
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1; near π/2 a second part of π/2 is needed
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    const tail = ix !== 0x3ff921fb ? PIO2_1T : PIO2_2T;
    if (ix === 0x3ff921fb) z -= sign * PIO2_2;
    y0 = z - sign * tail;
    y1 = (z - y0) - sign * tail;
    return sign;
  }
  if (ix > 0x413921fb) {
    throw new EngineError('range', `deterministic sin and cos take |x| ≤ ${DET_TRIG_MAX} (about 2^20·π/2), got ${x}`);
  }
  const t = Math.abs(x);
  const n = (t * INVPIO2 + 0.5) | 0;
  let r = t - n * PIO2_1;
  let w = n * PIO2_1T; // first round good to 85 bits
  y0 = r - w;
  if (n >= 32 || ix === NPIO2_HW[n - 1]) {
    // possible cancellation: check how many leading bits were lost
    const j = ix >> 20;
    if (j - ((highWord(y0) >> 20) & 0x7ff) > 16) {
      let u = r; // second round, good to 118 bits
      w = n * PIO2_2;
      r = u - w;
      w = n * PIO2_2T - ((u - r) - w);
      y0 = r - w;
      if (j - ((highWord(y0) >> 20) & 0x7ff) > 49) {
        u = r; // third round, 151 bits: covers every case
        w = n * PIO2_3;
        r = u - w;
        w = n * PIO2_3T - ((u - r) - w);
        y0 = r - w;
      }
    }
  }
  y1 = (r - y0) - w;
  if (hx < 0) {
    y0 = -y0;
    y1 = -y1;
    return -n;
  }
  return n;
}

/** sin x, bit-identical in every engine, within 1 ulp. @throws EngineError ('range') for |x| > DET_TRIG_MAX. */
export function detSin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0); // |x| ≲ π/4
  if (ix >= 0x7ff00000) return x - x; // NaN for ±∞ and NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos x, bit-identical in every engine, within 1 ulp. @throws EngineError ('range') for |x| > DET_TRIG_MAX. */
export function detCos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return x - x;
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, 1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, 1);
  }
}
