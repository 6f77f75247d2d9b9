import { detLog } from './detMath';
import { detCos, detSin } from './detTrig';

/**
 * A small, seeded pseudo-random generator (mulberry32 for uniforms, Box–Muller for Gaussians).
 * Every source of randomness in the engine takes one of these explicitly: the same seed gives the
 * same numbers in Node, the browser and a Worker (Box–Muller's log, sin and cos are detLog, detSin and
 * detCos: Math's differ between engines in the last bit). The uniform stream's state is one 32-bit
 * integer (`state()`); Gaussians come in Box–Muller pairs, and the second of a pair is held back for
 * the next `gaussian()` call, outside that integer. So `createRng(0, rng.state())` continues `uniform()` exactly,
 * and `gaussian()` too when an even number of Gaussians has been drawn.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  gaussian(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** The uniform stream's state, to snapshot or clone a generator (see the note on Gaussians above). */
  state(): number;
}

/** Hash an arbitrary seed (any finite number) to a non-zero 32-bit state. */
function seedToState(seed: number): number {
  let h = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRng(seed: number, rawState?: number): Rng {
  let s = rawState ?? seedToState(seed);
  let spare: number | null = null;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    gaussian() {
      if (spare !== null) {
        const g = spare;
        spare = null;
        return g;
      }
      let u = uniform();
      while (u <= 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * detLog(u));
      spare = r * detSin(2 * Math.PI * v);
      return r * detCos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.floor(uniform() * n);
    },
    state() {
      return s;
    },
  };
}

/** Fisher–Yates shuffle in place. Mutates `a`. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(a: T, rng: Rng): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** A permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return shuffleInPlace(p, rng);
}
