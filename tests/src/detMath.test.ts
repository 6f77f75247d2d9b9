import { describe, expect, test } from 'vitest';
import { EngineError, createRng, detExp, detExpm1, detLog, detPowInt, detTanh } from '../../src';
import { bitsDigest, fromBits, nextUp, ulpDistance, worstUlps } from './ulp';

/**
 * detMath against Math: within 1 ulp on 100,000 seeded arguments per function, the special values
 * Math gives, exact known values and monotonicity. (Node's Math and detMath may well agree bit for bit;
 * another engine's Math need not, which is why the engine uses detMath — see tests/e2e/determinism.e2e.ts.)
 */
const N = 100_000;

/** N arguments uniform in [lo, hi), from a seeded stream. */
function uniformArgs(seed: number, lo: number, hi: number, n = N): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}

/** N positive doubles with uniformly random bit patterns below 2^1024: subnormals to ~1.8e308, every binade alike. */
function positiveBitPatterns(seed: number, n = N): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => {
    const hi = rng.int(0x7ff00000), lo = rng.int(0x100000000);
    return fromBits((BigInt(hi) << 32n) | BigInt(lo)) || Number.MIN_VALUE;
  });
}

describe('ulp helpers (the yardstick of these tests)', () => {
  test('neighbours are 1 apart, ±0 are 0 apart, NaN only matches NaN', () => {
    expect(ulpDistance(1, nextUp(1))).toBe(1);
    expect(ulpDistance(-Number.MIN_VALUE, Number.MIN_VALUE)).toBe(2);
    expect(ulpDistance(0, -0)).toBe(0);
    expect(ulpDistance(1, 1 + 2 ** -50)).toBe(4);
    expect(ulpDistance(NaN, NaN)).toBe(0);
    expect(ulpDistance(NaN, 1)).toBe(Infinity);
    expect(ulpDistance(Number.MAX_VALUE, Infinity)).toBe(1);
  });
});

const EXP_ARGS = uniformArgs(1, -745.2, 710);
const EXPM1_ARGS = uniformArgs(3, -40, 710);
const LOG_ARGS = positiveBitPatterns(5);
const TANH_ARGS = uniformArgs(7, -30, 30);

describe('within 1 ulp of Math on 100,000 seeded arguments', () => {
  test.each([
    ['detExp', detExp, Math.exp, EXP_ARGS],
    ['detExp near 0', detExp, Math.exp, uniformArgs(2, -1.2, 1.2)],
    ['detExpm1', detExpm1, Math.expm1, EXPM1_ARGS],
    ['detExpm1 near 0', detExpm1, Math.expm1, uniformArgs(4, -1e-3, 1e-3)],
    ['detLog (subnormals to 1.8e308)', detLog, Math.log, LOG_ARGS],
    ['detLog near 1', detLog, Math.log, uniformArgs(6, 0.5, 2)],
    ['detTanh', detTanh, Math.tanh, TANH_ARGS],
    ['detTanh near 0', detTanh, Math.tanh, uniformArgs(8, -1.5, 1.5)],
  ])('%s', (_name, f, ref, args) => {
    const { max, at } = worstUlps(f, ref, args);
    expect(max, `${max} ulp at x = ${at}`).toBeLessThanOrEqual(1);
  });
});

/**
 * The exact bits are part of every seeded run, so they are pinned: a change in any last bit (a
 * mistyped constant, a reordered sum that stays within 1 ulp) changes the run's numbers and fails here.
 * Derived from the port itself; when pinned, Node 20's Math gave the same bits on all of these arguments.
 */
describe('the exact bits on the seeded arguments above are pinned', () => {
  test.each([
    ['detExp', detExp, EXP_ARGS, '602deffc0429566d'],
    ['detExpm1', detExpm1, EXPM1_ARGS, 'd21bca614e621d9f'],
    ['detLog', detLog, LOG_ARGS, '3779624ec9b48300'],
    ['detTanh', detTanh, TANH_ARGS, '07c1140556adbbef'],
  ])('%s', (_name, f, args, digest) => {
    expect(bitsDigest(args.map(f))).toBe(digest);
  });
});

describe('special values, as Math gives them', () => {
  const specials = [NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE];
  test.each([
    ['detExp', detExp, Math.exp],
    ['detExpm1', detExpm1, Math.expm1],
    ['detLog', detLog, Math.log],
    ['detTanh', detTanh, Math.tanh],
  ])('%s on NaN, ±∞, ±0, ±subnormal, the smallest normal and ±MAX_VALUE', (_name, f, ref) => {
    for (const x of specials) expect([x, ulpDistance(f(x), ref(x))]).toEqual([x, 0]);
  });

  test('exp: overflow above 709.78 and underflow to subnormals and 0, like Math', () => {
    expect(detExp(709.782712893384)).toBe(Math.exp(709.782712893384)); // the largest finite result
    expect(detExp(709.7827128933841)).toBe(Infinity);
    expect(detExp(710)).toBe(Infinity);
    expect(detExp(-708.5)).toBeLessThan(2.2250738585072014e-308); // subnormal
    for (const x of [-708.5, -720, -740, -744.44, -745.1, -745.13]) expect(ulpDistance(detExp(x), Math.exp(x))).toBeLessThanOrEqual(1);
    expect(detExp(-745.1332191019411)).toBe(Number.MIN_VALUE);
    expect(detExp(-745.14)).toBe(0);
    expect(Object.is(detExp(-1000), 0)).toBe(true);
  });

  test('log: −∞ at ±0, NaN below 0, the smallest subnormal, +∞', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-0)).toBe(-Infinity);
    expect(detLog(-1e-300)).toBeNaN();
    expect(detLog(-Infinity)).toBeNaN();
    expect(detLog(Number.MIN_VALUE)).toBe(Math.log(Number.MIN_VALUE));
    expect(detLog(Infinity)).toBe(Infinity);
  });

  test('tanh and expm1 keep the sign of zero; expm1(−∞) = −1', () => {
    expect(Object.is(detTanh(-0), -0)).toBe(true);
    expect(Object.is(detExpm1(-0), -0)).toBe(true);
    expect(detExpm1(-Infinity)).toBe(-1);
    expect(detExpm1(-50)).toBe(-1);
  });
});

describe('exact known values', () => {
  test('exp(0) = exp(−0) = 1, log(1) = +0, log(2) = Math.LN2, log(2^k) = k·ln 2, tanh(±large) = ±1', () => {
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
    expect(Object.is(detLog(1), 0)).toBe(true);
    expect(detLog(2)).toBe(Math.LN2);
    expect(detLog(1024)).toBe(10 * Math.LN2);
    expect(ulpDistance(detExp(1), Math.E)).toBeLessThanOrEqual(1);
    expect(ulpDistance(detLog(Math.E), 1)).toBeLessThanOrEqual(1);
    for (const x of [22, 30, 1e3, 1e300, Infinity]) {
      expect(detTanh(x)).toBe(1);
      expect(detTanh(-x)).toBe(-1);
    }
    expect(detTanh(1e-10)).toBe(1e-10); // tanh x = x − x³/3: x itself below 2^-28
  });
});

describe('monotonic across the algorithms\' internal boundaries (2,000 consecutive doubles around each)', () => {
  /** f over the 2,000 doubles starting 1,000 below `at` never decreases. */
  function nonDecreasingAround(f: (x: number) => number, at: number): boolean {
    let x = at;
    for (let i = 0; i < 1000; i++) x = -nextUp(-x);
    let prev = f(x);
    for (let i = 0; i < 2000; i++) {
      x = nextUp(x);
      const y = f(x);
      if (y < prev) return false;
      prev = y;
    }
    return true;
  }
  const halfLn2 = 0.34657359027997264, threeHalfLn2 = 1.0397207708399179;
  test.each([
    ['detExp', detExp, [0, 2 ** -28, halfLn2, -halfLn2, threeHalfLn2, -threeHalfLn2, 1, 50.5, 709.78, -708.39, -745]],
    ['detExpm1', detExpm1, [0, 2 ** -54, halfLn2, -halfLn2, threeHalfLn2, -threeHalfLn2, -0.25, 56 * Math.LN2, -56 * Math.LN2, 20 * Math.LN2]],
    ['detLog', detLog, [1, 1 + 2 ** -20, 1 - 2 ** -20, Math.SQRT2, Math.SQRT1_2, 2.2250738585072014e-308, 1e-310, 1e300]],
    ['detTanh', detTanh, [0, 2 ** -28, 1, -1, 22, -22, 0.55]],
  ])('%s', (_name, f, points) => {
    for (const at of points) expect([at, nonDecreasingAround(f, at)]).toEqual([at, true]);
  });
});

describe('detPowInt (Adam\'s β^t)', () => {
  test('within 1 ulp of Math.pow for β ∈ {0.9, 0.95, 0.99, 0.999, 0.9999} and 20,000 seeded t < 100,000 (results above 1e-300)', () => {
    const rng = createRng(9);
    let worst = 0;
    for (const beta of [0.9, 0.95, 0.99, 0.999, 0.9999]) {
      for (let i = 0; i < 4000; i++) {
        const t = rng.int(100_000);
        const ref = Math.pow(beta, t);
        if (ref > 1e-300) worst = Math.max(worst, ulpDistance(detPowInt(beta, t), ref));
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  test('exact cases: β^0 = 1 (0^0 too), 0^n = 0, 1^n = 1, 0.5^n = 2^-n exactly, β^1 = β', () => {
    expect(detPowInt(0.9, 0)).toBe(1);
    expect(detPowInt(0, 0)).toBe(1);
    expect(detPowInt(0, 7)).toBe(0);
    expect(detPowInt(1, 123456)).toBe(1);
    expect(detPowInt(0.5, 1074)).toBe(Number.MIN_VALUE);
    expect(detPowInt(0.5, 60)).toBe(2 ** -60);
    expect(detPowInt(0.999, 1)).toBe(0.999);
  });

  test('correctly rounded on 0.999^t for t = 2, 3, 10, 57, 100, 1,000 and 2,999 (the exact powers in BigInt)', () => {
    const m = 0.999 * 2 ** 53; // 0.999 = m·2^-53 exactly, m an integer
    expect(Number.isInteger(m)).toBe(true);
    for (const t of [2, 3, 10, 57, 100, 1000, 2999]) {
      const exact = BigInt(m) ** BigInt(t); // 0.999^t = exact · 2^(−53t)
      const shift = BigInt(exact.toString(2).length - 53);
      let q = exact >> shift; // the 53 leading bits, then round half to even
      const rest = exact - (q << shift), half = 1n << (shift - 1n);
      if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
      const scale = fromBits(BigInt(1023 + Number(shift) - 53 * t) << 52n); // 2^(shift − 53t), a normal double
      expect([t, ulpDistance(detPowInt(0.999, t), Number(q) * scale)]).toEqual([t, 0]);
    }
  });

  test('refuses a base outside [0, 1] and a negative or fractional exponent with an EngineError', () => {
    for (const [b, n] of [[1.5, 2], [-0.5, 2], [NaN, 1], [0.9, -1], [0.9, 1.5]]) {
      expect(() => detPowInt(b, n)).toThrow(EngineError);
    }
  });
});
