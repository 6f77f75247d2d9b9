import { describe, expect, test } from 'vitest';
import { DET_TRIG_MAX, EngineError, createRng, detCos, detSin } from '../../src';
import { bitsDigest, nextUp, ulpDistance, worstUlps } from './ulp';

/** detSin and detCos against Math: within 1 ulp, special values, exact values, monotonicity, the range limit. */
const N = 100_000;

function uniformArgs(seed: number, lo: number, hi: number, n = N): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}

/** The doubles nearest k·π/2 for k = 1…n, and 3 neighbours either side: the hardest arguments to reduce. */
function nearMultiplesOfHalfPi(n: number): Float64Array {
  const out: number[] = [];
  for (let k = 1; k <= n; k++) {
    let x = (k * Math.PI) / 2;
    for (let i = 0; i < 3; i++) x = -nextUp(-x);
    for (let i = 0; i < 7; i++, x = nextUp(x)) out.push(x, -x);
  }
  return Float64Array.from(out);
}

const SIN_ARGS = uniformArgs(11, -1e4, 1e4);
const COS_ARGS = uniformArgs(12, -1e4, 1e4);

describe('within 1 ulp of Math', () => {
  test.each([
    ['detSin, 100,000 seeded |x| < 1e4', detSin, Math.sin, SIN_ARGS],
    ['detCos, 100,000 seeded |x| < 1e4', detCos, Math.cos, COS_ARGS],
    ['detSin, 100,000 seeded |x| < 2π', detSin, Math.sin, uniformArgs(13, -2 * Math.PI, 2 * Math.PI)],
    ['detCos, 100,000 seeded |x| < 2π', detCos, Math.cos, uniformArgs(14, -2 * Math.PI, 2 * Math.PI)],
    ['detSin, 100,000 seeded |x| up to 2^20·π/2', detSin, Math.sin, uniformArgs(15, -DET_TRIG_MAX, DET_TRIG_MAX)],
    ['detCos, 100,000 seeded |x| up to 2^20·π/2', detCos, Math.cos, uniformArgs(16, -DET_TRIG_MAX, DET_TRIG_MAX)],
    ['detSin near ±k·π/2, k ≤ 2,000', detSin, Math.sin, nearMultiplesOfHalfPi(2000)],
    ['detCos near ±k·π/2, k ≤ 2,000', detCos, Math.cos, nearMultiplesOfHalfPi(2000)],
  ])('%s', (_name, f, ref, args) => {
    const { max, at } = worstUlps(f, ref, args);
    expect(max, `${max} ulp at x = ${at}`).toBeLessThanOrEqual(1);
  });
});

/** Pinned like detMath's (see detMath.test.ts): when pinned, Node 20's Math gave the same bits on all of these. */
describe('the exact bits on the 100,000 seeded |x| < 1e4 are pinned', () => {
  test.each([
    ['detSin', detSin, SIN_ARGS, '60095bee9299c682'],
    ['detCos', detCos, COS_ARGS, 'aa9a3fcf8940a04b'],
  ])('%s', (_name, f, args, digest) => {
    expect(bitsDigest(args.map(f))).toBe(digest);
  });
});

describe('special and exact values', () => {
  test('NaN for NaN and ±∞; sin keeps the sign of zero; cos(±0) = 1; tiny x: sin x = x, cos x = 1', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(detSin(x)).toBeNaN();
      expect(detCos(x)).toBeNaN();
    }
    expect(Object.is(detSin(0), 0)).toBe(true);
    expect(Object.is(detSin(-0), -0)).toBe(true);
    expect(detCos(0)).toBe(1);
    expect(detCos(-0)).toBe(1);
    expect(detSin(1e-10)).toBe(1e-10);
    expect(detSin(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(detCos(1e-10)).toBe(1);
  });

  test('at the doubles nearest π/6, π/2, π: Math\'s values (sin(π/6) = 0.49999999999999994, cos(π) = −1, sin(π) = 1.2246467991473532e-16)', () => {
    expect(ulpDistance(detSin(Math.PI / 6), 0.49999999999999994)).toBeLessThanOrEqual(1);
    expect(detSin(Math.PI / 2)).toBe(1);
    expect(detCos(Math.PI)).toBe(-1);
    expect(detSin(Math.PI)).toBe(1.2246467991473532e-16); // sin of the double nearest π: π minus it, to 17 digits
    expect(detCos(Math.PI / 2)).toBe(6.123233995736766e-17);
  });

  test('odd and even: sin(−x) = −sin x, cos(−x) = cos x, bit for bit, on 10,000 seeded x', () => {
    for (const x of uniformArgs(17, 0, 1e4, 10_000)) {
      expect(Object.is(detSin(-x), -detSin(x))).toBe(true);
      expect(Object.is(detCos(-x), detCos(x))).toBe(true);
    }
  });

  test('sin² + cos² = 1 within 4e-16 on 10,000 seeded |x| < 100 (the engine\'s range)', () => {
    let worst = 0;
    for (const x of uniformArgs(18, -100, 100, 10_000)) worst = Math.max(worst, Math.abs(detSin(x) ** 2 + detCos(x) ** 2 - 1));
    expect(worst).toBeLessThan(4e-16);
  });
});

describe('monotonic across the reduction\'s boundaries (2,000 consecutive doubles around each)', () => {
  function monotoneAround(f: (x: number) => number, at: number, direction: 1 | -1): boolean {
    let x = at;
    for (let i = 0; i < 1000; i++) x = -nextUp(-x);
    let prev = f(x);
    for (let i = 0; i < 2000; i++) {
      x = nextUp(x);
      const y = f(x);
      if ((y - prev) * direction < 0) return false;
      prev = y;
    }
    return true;
  }
  test('sin rises through 0, π/4 (kernel → reduction), 2π, −π/4 and 0.3 (cos kernel\'s split, via π/2 − 0.3); cos falls through π/4, 3π/4, π/2', () => {
    for (const at of [0, Math.PI / 4, -Math.PI / 4, 2 * Math.PI, Math.PI / 2 - 0.3, Math.PI / 2 - 0.78125]) expect([at, monotoneAround(detSin, at, 1)]).toEqual([at, true]);
    for (const at of [Math.PI / 4, (3 * Math.PI) / 4, Math.PI / 2, 0.3, 0.78125]) expect([at, monotoneAround(detCos, at, -1)]).toEqual([at, true]);
  });
});

describe('the range limit', () => {
  const thrown = (g: () => unknown): unknown => {
    try {
      g();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  test('|x| up to 2^20·π/2 ≈ 1,647,099 works; beyond, an EngineError with code "range" names the argument', () => {
    expect(Number.isFinite(detSin(DET_TRIG_MAX))).toBe(true);
    expect(Number.isFinite(detCos(-DET_TRIG_MAX))).toBe(true);
    const beyond = nextUp(DET_TRIG_MAX);
    for (const f of [detSin, detCos]) {
      for (const x of [beyond, -beyond, 2e6, 1e300]) {
        const error = thrown(() => f(x));
        expect(error, `${f.name}(${x})`).toBeInstanceOf(EngineError);
        expect((error as EngineError).code).toBe('range');
        expect((error as EngineError).message).toContain(String(x));
      }
    }
  });
});
