import type { VariantName } from '../../../src/train';
import type { RunSeries, VariantSeries } from './series';

/**
 * Who got to a good test accuracy first, in a lab run: the target (90 % of the best smoothed test
 * accuracy), when each network first held it, and the race to it, which verdicts.ts puts in words.
 */

/** “Got there first” needs the other network to take at least this many times as many steps. */
const FASTER = 1.5;
export const SMOOTH = 5;
export const HOLD = 3;
/** A target needs a best 10 points above chance. */
const LEARNED = 0.1;
/** The network that is not `v`. */
export const OTHER: Readonly<Record<VariantName, VariantName>> = { plain: 'bn', bn: 'plain' };

/** Mean test accuracy over the evaluations (j − SMOOTH, j]. */
export function smoothed(s: VariantSeries, j: number): number {
  const from = Math.max(0, j - SMOOTH + 1);
  let sum = 0;
  for (let i = from; i <= j; i++) sum += s.testAccuracy[i];
  return sum / (j - from + 1);
}

/** The step at which the network first had HOLD evaluations in a row at or above `target` (null: not yet). */
export function firstReached(s: VariantSeries, target: number): number | null {
  let run = 0;
  for (let i = 0; i < s.testN; i++) {
    run = s.testAccuracy[i] >= target ? run + 1 : 0;
    if (run === HOLD) return s.testStep[i - HOLD + 1];
  }
  return null;
}

/** The first step at which one evaluation reached `target` (held or not), or null. */
export function firstTouched(s: VariantSeries, target: number): number | null {
  for (let i = 0; i < s.testN; i++) if (s.testAccuracy[i] >= target) return s.testStep[i];
  return null;
}

/** The step at which the run of evaluations at or above `target` that the latest one ends began (null: the latest is below). */
export function aboveSince(s: VariantSeries, target: number): number | null {
  let i = s.testN - 1;
  if (i < 0 || !(s.testAccuracy[i] >= target)) return null;
  while (i > 0 && s.testAccuracy[i - 1] >= target) i--;
  return s.testStep[i];
}

export const bestSmoothed = (s: VariantSeries, n = s.testN): number => {
  let best = -Infinity;
  for (let j = 0; j < n; j++) best = Math.max(best, smoothed(s, j));
  return best;
};

/** The evaluations before the n-th (a run as it stood then): the same columns, fewer of them. */
const upTo = (s: VariantSeries, n: number): VariantSeries => (n >= s.testN ? s : { ...s, testN: n });

/** The target: 90 % of the best smoothed test accuracy either network reached, in whole percent (null: none has learned). */
export function targetOf(plain: VariantSeries, bn: VariantSeries, chance: number): number | null {
  const best = Math.max(bestSmoothed(plain), bestSmoothed(bn));
  if (!(best >= chance + LEARNED)) return null;
  // Rounded before the floor: 100 · 0.9 · 0.7 is 62.999…, and 90 % of a best of 70 % is 63 %, not 62.
  return Math.floor(+(90 * best).toFixed(9)) / 100;
}

/**
 * Who got to the target first, as the run stood after its n-th evaluation. `first`: the network that
 * held it FASTER × sooner (see speedOf); `decided`: whether the race to this target has an answer yet.
 * It has none while one network is at or above the target (held, or on its latest evaluation) and the
 * other has never reached it, but the other has not yet run FASTER × as long: the target moves up as
 * the networks improve, so such a race starts again and again early in a run.
 */
function raceAt(series: RunSeries, n: number, chance: number): { target: number; first: VariantName | null; decided: boolean; pending: VariantName | null } | null {
  const plain = upTo(series.plain, n), bn = upTo(series.bn, n);
  if (plain.testN === 0 || bn.testN === 0) return null;
  const target = targetOf(plain, bn, chance);
  if (target === null) return null;
  const cut = { plain, bn };
  const reached = { plain: firstReached(plain, target), bn: firstReached(bn, target) };
  const touched = { plain: firstTouched(plain, target), bn: firstTouched(bn, target) };
  // A head start counts when the other took (or has run without getting there) FASTER × as many
  // steps, and at least 3 evaluations more: a step or two apart is noise. The other's first single
  // evaluation at the target counts too: a network that was there, dipped once and came back did not
  // get there later.
  const interval = Math.min(plain.testN > 1 ? plain.testStep[1] - plain.testStep[0] : Infinity, bn.testN > 1 ? bn.testStep[1] - bn.testStep[0] : Infinity);
  let first: VariantName | null = null, pending: VariantName | null = null;
  for (const v of ['plain', 'bn'] as const) {
    const o = cut[OTHER[v]], mine = reached[v];
    const there = mine !== null || aboveSince(cut[v], target) !== null;
    if (there && touched[OTHER[v]] === null) pending = v;
    if (mine === null) continue;
    const theirs = Math.min(reached[OTHER[v]] ?? o.testStep[o.testN - 1], touched[OTHER[v]] ?? Infinity);
    if (theirs >= FASTER * mine && theirs - mine >= 3 * interval) first = v;
  }
  return { target, first, pending, decided: first !== null || pending === null };
}

/** Who got there first, and, when that answer comes from an earlier race, its target and the step at which it was decided. */
export interface First {
  readonly first: VariantName | null;
  readonly earlier: { readonly target: number; readonly step: number } | null;
}

/** How many evaluations back an undecided race looks for the last decided one. */
const LOOK_BACK = 100;

/**
 * Who got there first. While the race to the current target is undecided, the last decided race
 * answers, if it named the network that is there now (the other never reached it): "BN got there
 * first" does not lapse each time BN's own progress raises the target (issue 15: it came and went
 * 3 to 4 times in the first 500 steps of the lab's default run). Such an answer is about that race's
 * target (`earlier`), which the speed sentence then names. A decided race stays decided: the other
 * network can only reach that target later still.
 */
export function firstOf(series: RunSeries, chance: number): First {
  const none: First = { first: null, earlier: null };
  const n = Math.min(series.plain.testN, series.bn.testN);
  const now = raceAt(series, n, chance);
  if (!now || now.decided) return { first: now?.first ?? null, earlier: null };
  for (let k = n - 1; k >= Math.max(1, n - LOOK_BACK); k--) {
    const then = raceAt(series, k, chance);
    if (!then?.decided) continue;
    return then.first !== null && then.first === now.pending ? { first: then.first, earlier: { target: then.target, step: series.bn.testStep[k - 1] } } : none;
  }
  return none;
}
