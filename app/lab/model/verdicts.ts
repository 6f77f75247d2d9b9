import type { Divergence, VariantName } from '../../../src';
import { count, percent, value } from './labText';
import type { RunSeries, VariantSeries } from './series';
import { VARIANT_LABEL, VARIANT_PHRASE } from './variants';

/**
 * The lab's comparisons in words, computed from the run on screen and nothing else: who leads, who
 * got there first, and the headline that sums them up. `npm run train` prints the same sentences
 * for the same run (scripts/train-cli.ts builds the same RunSeries). A sentence that favours one
 * network is only written when its numbers do (tests/app/lab/model/verdicts.node.test.ts).
 */

/**
 * Test accuracies closer than this are “level”: 2 points, or 5 test examples where the test set is
 * small (150 points of a 2-D set: 3.3 points), since a few examples either way are noise.
 */
export const levelFor = (testRows: number): number => Math.max(0.02, testRows > 0 ? 5 / testRows : 0);
/** “Got there first” needs the other network to take at least this many times as many steps. */
export const FASTER = 1.5;

/**
 * Who does better: `lead` is who is ahead now, `first` who reached a good accuracy first.
 * 'mixed': BN got there first, but the network without BN is ahead now.
 */
export type Advantage = 'bn' | 'bn-first' | 'mixed' | 'level' | 'plain-first' | 'plain' | 'unknown';

export interface Verdict {
  /** Who does better in this run, all things computed below taken together. */
  readonly advantage: Advantage;
  /** One sentence for the top of the lab. */
  readonly headline: string;
  /** The latest common test evaluation, both networks. */
  readonly lead: string | null;
  /** Steps each network took to first reach a test accuracy near the best seen. */
  readonly speed: string | null;
}

type Diverged = Readonly<Record<VariantName, Divergence | null>>;

const OTHER: Readonly<Record<VariantName, VariantName>> = { plain: 'bn', bn: 'plain' };

/** Index of the last test evaluation at or before `step` (−1: none). */
function testIndexAt(s: VariantSeries, step: number): number {
  let i = s.testN - 1;
  while (i >= 0 && s.testStep[i] > step) i--;
  return i;
}

/** The step at which the network first reached `target` test accuracy (null: not yet). */
function firstReached(s: VariantSeries, target: number): number | null {
  for (let i = 0; i < s.testN; i++) if (s.testAccuracy[i] >= target) return s.testStep[i];
  return null;
}

function bestAccuracy(s: VariantSeries): number {
  let best = -Infinity;
  for (let i = 0; i < s.testN; i++) if (s.testAccuracy[i] > best) best = s.testAccuracy[i];
  return best;
}

interface Lead {
  readonly leader: VariantName | null;
  readonly text: string;
  readonly bothDiverged?: boolean;
}

/** Who leads on test accuracy at the latest step both were evaluated at (or how a divergence decided it). */
function leadOf(series: RunSeries, diverged: Diverged, level: number): Lead | null {
  const { plain, bn } = series;
  if (diverged.plain && diverged.bn) return { leader: null, bothDiverged: true, text: `Both networks diverged: without BN at step ${count(diverged.plain.step)}, with BN at step ${count(diverged.bn.step)}.` };
  for (const v of ['plain', 'bn'] as const) {
    const d = diverged[v];
    if (!d) continue;
    const o = series[OTHER[v]], i = o.testN - 1;
    const now = i >= 0 ? ` and is at ${percent(o.testAccuracy[i])} test accuracy (step ${count(o.testStep[i])})` : '';
    return { leader: OTHER[v], text: `${VARIANT_LABEL[v]} diverged at step ${count(d.step)}; the network ${VARIANT_PHRASE[OTHER[v]]} trains on${now}.` };
  }
  if (plain.testN === 0 || bn.testN === 0) return null;
  const step = Math.min(plain.testStep[plain.testN - 1], bn.testStep[bn.testN - 1]);
  const ip = testIndexAt(plain, step), ib = testIndexAt(bn, step);
  if (ip < 0 || ib < 0) return null;
  const ap = plain.testAccuracy[ip], ab = bn.testAccuracy[ib];
  const numbers = `${percent(ab)} test accuracy with BN, ${percent(ap)} without (test loss ${value(bn.testLoss[ib])} and ${value(plain.testLoss[ip])})`;
  if (Math.abs(ab - ap) < level) return { leader: null, text: `At step ${count(step)} the two are level: ${numbers}.` };
  const leader: VariantName = ab > ap ? 'bn' : 'plain';
  return { leader, text: `At step ${count(step)} the network ${VARIANT_PHRASE[leader]} leads: ${numbers}.` };
}

interface Speed {
  /** The network that reached the target in fewer steps by at least FASTER×, or null. */
  readonly first: VariantName | null;
  readonly text: string;
}

/**
 * Steps to first reach 90 % of the best test accuracy either network has reached (rounded down to
 * a whole percent). Only said once some network has learned something: its best is at least
 * 10 points above its first evaluation.
 */
function speedOf(series: RunSeries): Speed | null {
  const { plain, bn } = series;
  if (plain.testN === 0 || bn.testN === 0) return null;
  const best = Math.max(bestAccuracy(plain), bestAccuracy(bn));
  const start = Math.min(plain.testAccuracy[0], bn.testAccuracy[0]);
  if (!(best - start >= 0.1)) return null;
  const target = Math.floor(100 * 0.9 * best) / 100;
  const reached = { plain: firstReached(plain, target), bn: firstReached(bn, target) };
  const said = (v: VariantName): string => {
    const at = reached[v];
    if (at !== null) return `${VARIANT_PHRASE[v]} at step ${count(at)}`;
    const s = series[v];
    return `${VARIANT_PHRASE[v]} not yet (${percent(s.testAccuracy[s.testN - 1])} at step ${count(s.testStep[s.testN - 1])})`;
  };
  const text = `First reached ${percent(target)} test accuracy: ${said('bn')}; ${said('plain')}.`;
  // A head start counts when the other took (or has run without getting there) FASTER × as many
  // steps, and at least 3 evaluations more: a step or two apart is noise.
  const interval = Math.min(plain.testN > 1 ? plain.testStep[1] - plain.testStep[0] : Infinity, bn.testN > 1 ? bn.testStep[1] - bn.testStep[0] : Infinity);
  let first: VariantName | null = null;
  for (const v of ['plain', 'bn'] as const) {
    const mine = reached[v], o = series[OTHER[v]];
    if (mine === null) continue;
    const theirs = reached[OTHER[v]] ?? o.testStep[o.testN - 1];
    if (theirs >= FASTER * mine && theirs - mine >= 3 * interval) first = v;
  }
  return { first, text };
}

function advantageOf(lead: Lead | null, first: VariantName | null): Advantage {
  if (!lead || lead.bothDiverged) return 'unknown';
  if (lead.leader === 'bn') return 'bn';
  if (lead.leader === 'plain') return first === 'bn' ? 'mixed' : 'plain';
  if (first === 'bn') return 'bn-first';
  return first === 'plain' ? 'plain-first' : 'level';
}

function headlineOf(advantage: Advantage, first: VariantName | null, bothDiverged: boolean): string {
  const andFirst = (v: VariantName) => (first === v ? ', and got there first' : '');
  switch (advantage) {
    case 'bn': return `In this run, batch norm helps: the network with BN is ahead${andFirst('bn')}.`;
    case 'bn-first': return 'In this run, batch norm got there first; by now the two are level.';
    case 'mixed': return 'In this run, batch norm got there first, but by now the network without BN is ahead.';
    case 'level': return 'In this run, batch norm shows no advantage: the two networks are level.';
    case 'plain-first': return 'In this run, batch norm shows no advantage: the network without BN got there first, and by now the two are level.';
    case 'plain': return `In this run, batch norm does not help: the network without BN is ahead${andFirst('plain')}.`;
    default: return bothDiverged ? 'Both networks diverged: no verdict. Try a smaller learning rate.' : 'No verdict yet: the networks have not been tested.';
  }
}

/**
 * Everything the lab says about who does better, for the run on screen. `testRows`: the size of the
 * test set, which sets how close is “level” (levelFor).
 */
export function verdictOf(series: RunSeries | null, diverged: Diverged, testRows: number): Verdict {
  if (!series) return { advantage: 'unknown', headline: headlineOf('unknown', null, false), lead: null, speed: null };
  const lead = leadOf(series, diverged, levelFor(testRows));
  const speed = diverged.plain || diverged.bn ? null : speedOf(series);
  const first = speed?.first ?? null;
  const advantage = advantageOf(lead, first);
  return { advantage, headline: headlineOf(advantage, first, lead?.bothDiverged ?? false), lead: lead?.text ?? null, speed: speed?.text ?? null };
}

/** Whether the page should point to a preset where BN does help. */
export const showsNoAdvantage = (a: Advantage): boolean => a === 'level' || a === 'plain' || a === 'plain-first' || a === 'mixed';
