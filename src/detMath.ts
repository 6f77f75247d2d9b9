/**
 * Deterministic exp, expm1, log, tanh and integer powers: the same bits in every JavaScript engine.
 *
 * Math.exp, Math.log, Math.tanh and Math.pow are not correctly rounded, and engines implement them
 * differently: Node's V8 and Chromium's disagree in the last bit for about one exp argument in ten.
 * Training multiplies such differences up, so a seeded run in the browser lab and in `npm run train`
 * would drift apart. These functions use only IEEE-754 double arithmetic (+ − × ÷ and comparisons,
 * Math.abs, integer ops and bit access), which every engine rounds identically; their error is below
 * 1 ulp, like fdlibm's.
 *
 * Ported to TypeScript from fdlibm 5.3 (e_exp.c, s_expm1.c, e_log.c; tanh as in FreeBSD's s_tanh.c),
 * which carries this notice:
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted, provided that
 *   this notice is preserved.
 */
import { EngineError } from './errors';
import { fromWords, highWord, lowWord } from './float64Bits';

/** 2^k for k = −1022…1023 at index k + 1022 (every one exact): fdlibm's "add k to y's exponent" is a product with one. */
const POW2 = new Float64Array(2046);
for (let k = 0, p = 1; k <= 1023; k++, p *= 2) POW2[1022 + k] = p;
for (let k = -1, p = 0.5; k >= -1022; k--, p *= 0.5) POW2[1022 + k] = p;

/** y · 2^k for k = −1022…1024, exact when the result is a normal number (fdlibm's exponent add). */
function scale(y: number, k: number): number {
  return k > 1023 ? y * 2 * POW2[2045] : y * POW2[k + 1022];
}

/*
 * The constants are locals of the functions that use them: V8 folds a local literal into the
 * compiled code but loads a module-level const from the module's context, with a hole check, at
 * every use, which made detExp 1.6 times slower. fdlibm's tests on the high word hx of |x| are
 * comparisons of |x| with the double whose high word that is and whose low word is 0 (the same test:
 * non-negative doubles order like their bit patterns):
 *   hx >= 0x40862E42 ⇔ |x| ≥ 709.7822265625         hx > 0x3fd62e42 ⇔ |x| ≥ 0.3465735912322998
 *   hx >= 0x4043687A ⇔ |x| ≥ 38.81622314453125
 *   hx < 0x3e300000 ⇔ |x| < 2^-28 = 3.725290298461914e-9   hx < 0x3c900000 ⇔ |x| < 2^-54 = 5.551115123125783e-17
 */

/** e^x (fdlibm e_exp.c): x = k·ln2 + r with |r| ≤ ln2/2, a rational approximation of e^r, then × 2^k. */
export function detExp(x: number): number {
  const LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 0xfee00000
  const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 0x35793c76
  const INV_LN2 = 1.44269504088896338700e+00; // 0x3ff71547 0x652b82fe
  const P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05;
  const P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08;
  const ax = Math.abs(x);
  if (!(ax < 709.7822265625)) {
    if (x !== x) return x + x; // NaN
    if (x > 7.09782712893383973096e+02) return Infinity; // overflow (0x40862e42 0xfefa39ef), and exp(+∞) = +∞
    if (x < -7.45133219101941108420e+02) return 0; // underflow (0xc0874910 0xd52d3051), and exp(−∞) = 0
  }
  let hi = 0, lo = 0, k = 0, r = x;
  if (ax >= 0.3465735912322998) {
    // fdlibm sets k = ±1, hi = x ∓ LN2_HI, lo = ±LN2_LO directly below 1.5·ln2; this is the same there.
    k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0; // C's (int) cast: truncation
    hi = x - k * LN2_HI; // exact
    lo = k * LN2_LO;
    r = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  // The last product rounds to a subnormal (9.33…e-302 = 2^-1000).
  return k >= -1021 ? scale(y, k) : y * POW2[k + 1000 + 1022] * 9.33263618503218878990e-302;
}

/** e^x − 1, accurate near 0 where exp(x) − 1 cancels (fdlibm s_expm1.c). */
export function detExpm1(x: number): number {
  const LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10, INV_LN2 = 1.44269504088896338700e+00;
  const Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03, Q3 = -7.93650757867487942473e-05;
  const Q4 = 4.00821782732936239552e-06, Q5 = -2.01099218183624371326e-07;
  if (x !== x) return x + x;
  const ax = Math.abs(x);
  if (ax >= 38.81622314453125) {
    if (x > 7.09782712893383973096e+02) return Infinity; // and expm1(+∞) = +∞
    if (x < 0) return -1; // e^x < 2^-56: and expm1(−∞) = −1
  }
  let k = 0, c = 0, r = x;
  if (ax >= 0.3465735912322998) {
    k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0; // as in detExp, also for |x| < 1.5·ln2
    const hi = x - k * LN2_HI, lo = k * LN2_LO;
    r = hi - lo;
    c = (hi - r) - lo;
  } else if (ax < 5.551115123125783e-17) {
    return x; // also keeps −0
  }
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  const e = hxs * ((r1 - t) / (6 - r * t));
  return k === 0 ? r - (r * e - hxs) : expm1ScaleBack(r, e, c, hxs, k);
}

/**
 * expm1's last step for k ≠ 0: 2^k·e^r − 1 from r, its correction c and the rational term e,
 * arranged per k so that the − 1 never cancels. (Apart from detExpm1 so both stay small enough for
 * V8 to inline them into tanh's loop: a call that is not inlined boxes its double argument.)
 */
function expm1ScaleBack(r: number, e0: number, c: number, hxs: number, k: number): number {
  const e = r * (e0 - c) - c - hxs;
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2 || k > 56) return scale(1 - (e - r), k) - 1;
  // 2 ≤ k ≤ 56 here, so 2^k comes straight from the table (one call of scale, for V8's inlining budget).
  if (k < 20) return ((1 - POW2[1022 - k]) - (e - r)) * POW2[1022 + k]; // 1 − 2^-k is exact
  return (r - (e + POW2[1022 - k]) + 1) * POW2[1022 + k];
}

/**
 * ln x (fdlibm e_log.c): x = 2^k·(1 + f) with √2/2 < 1 + f < √2, then ln(1 + f) from s = f/(2 + f)
 * by a polynomial in s². Subnormals are scaled up by 2^54 first. ln(±0) = −∞, ln(x < 0) = NaN.
 */
export function detLog(x: number): number {
  const LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
  const Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01;
  const Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01;
  const Lg7 = 1.479819860511658591e-01;
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= 1.80143985094819840000e+16; // 2^54
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = fromWords(hx | (i ^ 0x3ff00000), lowWord(x)); // normalize x or x/2
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  i = (hx - 0x6147a) | (0x6b851 - hx);
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

/** tanh x (FreeBSD's s_tanh.c, fdlibm's algorithm): from expm1(±2|x|); ±1 for |x| ≥ 22, x for |x| < 2^-28. */
export function detTanh(x: number): number {
  if (x !== x) return x + x;
  const ax = Math.abs(x);
  if (ax >= 22) return x > 0 ? 1 : -1;
  if (ax < 3.725290298461914e-9) return x; // |x| < 2^-28, also keeps −0
  let z: number;
  if (ax >= 1) {
    const t = detExpm1(2 * ax);
    z = 1 - 2 / (t + 2);
  } else {
    const t = detExpm1(-2 * ax);
    z = -t / (t + 2);
  }
  return x > 0 ? z : -z;
}

/** Veltkamp's splitter 2^27 + 1: a = hi + lo with hi, lo of at most 26 significant bits. */
const SPLITTER = 134217729;
/** The low part of the last `ddMul` (double-double results come back in two parts). */
let ddLo = 0;

/** (ah + al)·(bh + bl) in double-double arithmetic: returns the high part, leaves the low one in ddLo. */
function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  // Dekker's exact product: ah·bh = p + e exactly (no FMA needed).
  let c = SPLITTER * ah;
  const ahh = c - (c - ah), ahl = ah - ahh;
  c = SPLITTER * bh;
  const bhh = c - (c - bh), bhl = bh - bhh;
  const e = ahh * bhh - p + ahh * bhl + ahl * bhh + ahl * bhl + (ah * bl + al * bh);
  const hi = p + e;
  ddLo = e - (hi - p);
  return hi;
}

/**
 * base^n for an integer n ≥ 0 and 0 ≤ base ≤ 1 (Adam's β₁ᵗ, β₂ᵗ), by binary exponentiation in
 * double-double arithmetic, rounded once at the end. Plain repeated squaring doubles the relative
 * error at every squaring (about n/2 ulp for β^n); carrying ~106 bits keeps the result within 1 ulp
 * of Math.pow for any step count, with only + − × (exp(n·log β) would lose |n·log β| ulp). Where β^n
 * is subnormal the low parts underflow and the result is only accurate to a few units of 2^-1074.
 */
export function detPowInt(base: number, n: number): number {
  if (!(base >= 0 && base <= 1)) throw new EngineError('range', `detPowInt takes a base in [0, 1], got ${base}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new EngineError('range', `detPowInt takes an integer exponent ≥ 0, got ${n}`);
  let rh = 1, rl = 0, bh = base, bl = 0;
  for (let m = n; m > 0; m = Math.floor(m / 2)) {
    if (m % 2 === 1) {
      rh = ddMul(rh, rl, bh, bl);
      rl = ddLo;
    }
    if (m > 1) {
      bh = ddMul(bh, bl, bh, bl);
      bl = ddLo;
    }
  }
  return rh + rl;
}
