import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng, permutation, shuffleInPlace } from '../../src';

const draw = (n: number, f: () => number): number[] => Array.from({ length: n }, f);

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  return { mean, variance };
}

describe('createRng: determinism', () => {
  test('the same seed gives the same 1000 uniforms, gaussians and integers', () => {
    const a = createRng(42), b = createRng(42);
    expect(draw(1000, a.uniform)).toEqual(draw(1000, b.uniform));
    expect(draw(1000, a.gaussian)).toEqual(draw(1000, b.gaussian));
    expect(draw(1000, () => a.int(7))).toEqual(draw(1000, () => b.int(7)));
  });

  test('different seeds give different streams (seeds 1 and 2, first 100 uniforms)', () => {
    const a = draw(100, createRng(1).uniform), b = draw(100, createRng(2).uniform);
    expect(a.filter((x, i) => x === b[i]).length).toBe(0);
  });

  test('seed 0 and negative or fractional seeds are valid and deterministic', () => {
    for (const seed of [0, -1, 3.7, 2 ** 40]) {
      expect(draw(10, createRng(seed).uniform)).toEqual(draw(10, createRng(seed).uniform));
    }
  });

  test('state() snapshots a generator: createRng(_, state) continues the uniform stream exactly', () => {
    const a = createRng(9);
    draw(37, a.uniform);
    const b = createRng(0, a.state());
    expect(draw(50, b.uniform)).toEqual(draw(50, a.uniform));
  });

  test('after an even number of gaussian() calls the snapshot continues the Gaussian stream too', () => {
    const a = createRng(21);
    draw(6, a.gaussian);
    const b = createRng(0, a.state());
    expect(draw(20, b.gaussian)).toEqual(draw(20, a.gaussian));
  });

  test('property: any integer seed reproduces its own stream', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const x = draw(8, createRng(seed).uniform), y = draw(8, createRng(seed).uniform);
        return x.every((v, i) => v === y[i]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('createRng: distributions (N = 20000; tolerances ≈ 5 standard errors)', () => {
  const N = 20000;

  test('uniform: in [0, 1), mean 1/2 (±0.01), variance 1/12 (±0.005)', () => {
    const xs = draw(N, createRng(123).uniform);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.005);
  });

  test('gaussian: finite, mean 0 (±0.04), variance 1 (±0.05), ≈ 68.3% within one σ (±1.7%)', () => {
    const xs = draw(N, createRng(7).gaussian);
    expect(xs.every(Number.isFinite)).toBe(true);
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const within = xs.filter((x) => Math.abs(x) < 1).length / N;
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.017);
  });

  test('int(n): integers in [0, n), each of 6 values 1/6 of the time (±0.02)', () => {
    const rng = createRng(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < N; i++) {
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      counts[k]++;
    }
    for (const c of counts) expect(Math.abs(c / N - 1 / 6)).toBeLessThan(0.02);
  });
});

describe('permutations', () => {
  test('permutation(n) holds each of 0..n−1 exactly once, and is deterministic per seed (n = 50)', () => {
    const p = permutation(50, createRng(3));
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(permutation(50, createRng(3)))).toEqual(Array.from(p));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  test('shuffleInPlace mutates and returns its argument; every position is reachable (n = 4, 4000 shuffles)', () => {
    const rng = createRng(11);
    const firstSeen = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const a = ['a', 'b', 'c', 'd'];
      expect(shuffleInPlace(a, rng)).toBe(a);
      firstSeen.add(a.join(''));
    }
    // All 24 orders of 4 items appear (each has probability 1/24 per shuffle).
    expect(firstSeen.size).toBe(24);
  });

  test('permutation(0) and permutation(1) are trivial', () => {
    expect(Array.from(permutation(0, createRng(1)))).toEqual([]);
    expect(Array.from(permutation(1, createRng(1)))).toEqual([0]);
  });
});
