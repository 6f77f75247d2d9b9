import { createRng, shuffleInPlace } from '../../../src/rng';

/**
 * What an exercise seed picks, by the engine's seeded generator: each exercise mixes its own salt
 * into the seed, so exercises of one seed do not all ask about the same entry.
 */
function rngFor(seed: number, salt: number) {
  return createRng((seed * 7919 + salt * 104_729) >>> 0);
}

/** An index in 0 … n − 1. */
export function pickIndex(seed: number, salt: number, n: number): number {
  return rngFor(seed, salt).int(n);
}

/** One of the values. */
export function pickOne<T>(seed: number, salt: number, values: readonly T[]): T {
  return values[pickIndex(seed, salt, values.length)];
}

/** The items in an order of the seed's (a choice's options). */
export function shuffled<T>(seed: number, salt: number, items: readonly T[]): T[] {
  return shuffleInPlace([...items], rngFor(seed, salt + 1));
}

/** Numbers as the question gives them: 4 decimals, typographic minus, in brackets. */
export function listOf(values: ArrayLike<number>, fmt: (x: number) => string): string {
  return `[${Array.from(values, fmt).join(', ')}]`;
}

/** "New batch": the seed after this one, drawn by the engine's generator from it (never the same). */
export function nextSeed(seed: number): number {
  const next = pickIndex(seed, 999, 2 ** 31);
  return next === seed ? next + 1 : next;
}
