import type { Divergence, VariantName } from '../../../src/train';
import { count, percent, value } from './labText';
import type { RunSeries, VariantSeries } from './series';
import { DEFAULT_PAIR, NORM_SHORT, type Pair } from './pair';
import { HOLD, OTHER, SMOOTH, aboveSince, firstOf, firstReached, firstTouched, smoothed, targetOf } from './race';

export { HOLD, SMOOTH } from './race';

/**
 * The lab's comparisons in words, computed from the run on screen and nothing else: who leads, who
 * got there first, and the headline that sums them up. `npm run train` prints the same sentences
 * for the same run (scripts/train-cli.ts builds the same RunSeries). A sentence that favours one
 * network is only written when its numbers do (tests/app/lab/model/verdicts.node.test.ts).
 *
 * One test evaluation is noisy (150 points of a 2-D set), so: accuracies are means over the last
 * SMOOTH evaluations; a new leader is named only once its lead has held for HOLD evaluations in a
 * row. While it has not: if the latest means are level, the headline says level as usual; if they
 * show the other network ahead, the text says that it has pulled ahead and that the verdict changes
 * once this holds. “Reached” means HOLD evaluations in a row at or above the target; and nothing
 * is said about who leads while both networks are within NEAR_CHANCE of chance.
 */

/**
 * Test accuracies closer than this are “level”: 2 points, or 5 test examples where the test set is
 * small (150 points of a 2-D set: 3.3 points), since a few examples either way are noise.
 */
export const levelFor = (testRows: number): number => Math.max(0.02, testRows > 0 ? 5 / testRows : 0);
/** Within 5 points of chance a network has not learned (a target needs 10 points above it: race.ts). */
export const NEAR_CHANCE = 0.05;
/** A lead of 15 points or more is “far ahead”. */
export const FAR = 0.15;

/**
 * Who does better: `lead` is who is ahead now, `first` who reached a good accuracy first.
 * 'mixed': BN got there first, but the network without BN is ahead now. 'neither': no network has learned.
 */
export type Advantage = 'bn' | 'bn-first' | 'mixed' | 'level' | 'plain-first' | 'plain' | 'neither' | 'unknown';

export interface Verdict {
  /** Who does better in this run, all things computed below taken together. */
  readonly advantage: Advantage;
  /** One sentence for the top of the lab. */
  readonly headline: string;
  /** The latest test evaluations, both networks. */
  readonly lead: string | null;
  /** Steps each network took to first reach a test accuracy near the best seen. */
  readonly speed: string | null;
}

type Diverged = Readonly<Record<VariantName, Divergence | null>>;

/** Who is ahead by the means at evaluation j alone: null when they are within `level`. */
function aheadAt(plain: VariantSeries, bn: VariantSeries, j: number, level: number): VariantName | null {
  const d = smoothed(bn, j) - smoothed(plain, j);
  return Math.abs(d) < level ? null : d > 0 ? 'bn' : 'plain';
}

/** The leader after each of the first `n` common evaluations, with hysteresis (a change must hold HOLD evaluations). */
function leaderAt(plain: VariantSeries, bn: VariantSeries, n: number, level: number): VariantName | null {
  let leader: VariantName | null = null, candidate: VariantName | null = null, held = 0;
  for (let j = 0; j < n; j++) {
    const raw = aheadAt(plain, bn, j, level);
    if (raw === leader) [candidate, held] = [null, 0];
    else if (raw === candidate) held += 1;
    else [candidate, held] = [raw, 1];
    if (held >= HOLD || j < HOLD) [leader, candidate, held] = [raw, null, 0];
  }
  return leader;
}

interface Lead {
  readonly leader: VariantName | null;
  readonly text: string;
  /** Both diverged, or none has learned: no leader to speak of. */
  readonly none?: 'diverged' | 'chance';
  /** The leader's lead, by the latest means, is at least FAR (smoothed test accuracy). */
  readonly far?: boolean;
  /** The other network diverged before this one was tested: it leads, but no accuracy says by how much. */
  readonly untested?: boolean;
  /** By the latest means the other network is ahead of the held leader (`leader` is null); the change has not held yet. */
  readonly pulledAhead?: VariantName;
}

const chanceText = (chance: number) => `chance is ${percent(chance)}`;

function divergedLead(series: RunSeries, diverged: Diverged, chance: number, p: Pair): Lead | null {
  if (diverged.plain && diverged.bn) return { leader: null, none: 'diverged', text: `Both networks diverged: ${p.phrase.plain} at step ${count(diverged.plain.step)}, ${p.phrase.bn} at step ${count(diverged.bn.step)}.` };
  for (const v of ['plain', 'bn'] as const) {
    const d = diverged[v];
    if (!d) continue;
    const o = series[OTHER[v]], i = o.testN - 1;
    const head = `${p.network[v]} diverged at step ${count(d.step)}`;
    if (i < 0) return { leader: OTHER[v], untested: true, text: `${head}; the network ${p.phrase[OTHER[v]]} trains on.` };
    const acc = smoothed(o, i);
    if (acc < chance + NEAR_CHANCE) return { leader: null, none: 'chance', text: `${head}; the network ${p.phrase[OTHER[v]]} did not diverge, but has not learned either (${percent(acc)} test accuracy, ${chanceText(chance)}).` };
    return { leader: OTHER[v], text: `${head}; the network ${p.phrase[OTHER[v]]} trains on and is at ${percent(o.testAccuracy[i])} test accuracy (step ${count(o.testStep[i])}).` };
  }
  return null;
}

/** Who leads on test accuracy (means over the last SMOOTH evaluations, with hysteresis), or how a divergence decided it. */
function leadOf(series: RunSeries, diverged: Diverged, level: number, chance: number, p: Pair): Lead | null {
  if (diverged.plain || diverged.bn) return divergedLead(series, diverged, chance, p);
  const { plain, bn } = series;
  const n = Math.min(plain.testN, bn.testN);
  if (n === 0) return null;
  const j = n - 1, step = plain.testStep[j];
  const ap = smoothed(plain, j), ab = smoothed(bn, j);
  const over = j + 1 >= SMOOTH ? ` (mean of the last ${SMOOTH} evaluations, steps ${count(plain.testStep[j - SMOOTH + 1])}–${count(step)})` : '';
  const numbers = `${percent(ab)} test accuracy ${p.phrase.bn}, ${percent(ap)} ${p.norms[0] === 'none' ? 'without' : p.phrase.plain}${over}; test loss now ${value(bn.testLoss[j])} and ${value(plain.testLoss[j])}`;
  if (Math.max(ap, ab) < chance + NEAR_CHANCE) return { leader: null, none: 'chance', text: `At step ${count(step)} neither network has learned yet: ${numbers} (${chanceText(chance)}).` };
  const leader = leaderAt(plain, bn, n, level);
  if (!leader) return { leader, text: `At step ${count(step)} the two are level: ${numbers}.` };
  // The held leader, but the latest means no longer show it ahead: the change has not held yet.
  const now = aheadAt(plain, bn, j, level), was = `At step ${count(step)} the network ${p.phrase[leader]} has been ahead`;
  if (now === null) return { leader: null, text: `${was}; by the latest means the two are level: ${numbers}.` };
  if (now !== leader) return { leader: null, pulledAhead: now, text: `${was}, but by the latest means the network ${p.phrase[now]} is: ${numbers}.` };
  return { leader, far: farAhead(plain, bn, j, leader), text: `At step ${count(step)} the network ${p.phrase[leader]} leads: ${numbers}.` };
}

/**
 * Whether the leader is far ahead at evaluation j: by FAR on each of the last HOLD evaluations' means (a
 * lead near FAR otherwise turned "does not help: ahead" into "hurts: far ahead" and back every evaluation
 * or two). It is never said on less than FAR now, nor before there are HOLD evaluations.
 */
function farAhead(plain: VariantSeries, bn: VariantSeries, j: number, leader: VariantName): boolean {
  const sign = leader === 'bn' ? 1 : -1;
  if (j < HOLD - 1) return false;
  for (let i = j - HOLD + 1; i <= j; i++) if (sign * (smoothed(bn, i) - smoothed(plain, i)) < FAR) return false;
  return true;
}

interface Speed {
  /** The network that reached the target in fewer steps by at least FASTER×, or null. */
  readonly first: VariantName | null;
  readonly text: string;
  /** When `first` comes from an earlier race (race.ts): a sentence naming that race's target, else empty. */
  readonly earlier: string;
}

/**
 * Steps to first reach (HOLD evaluations in a row) 90 % of the best smoothed test accuracy either
 * network has reached, in whole percent. Only said once some network has learned: its best is at
 * least 10 points above chance.
 */
function speedOf(series: RunSeries, chance: number, p: Pair): Speed | null {
  const { plain, bn } = series;
  if (plain.testN === 0 || bn.testN === 0) return null;
  const target = targetOf(plain, bn, chance);
  if (target === null) return null;
  const reached = { plain: firstReached(plain, target), bn: firstReached(bn, target) };
  const touched = { plain: firstTouched(plain, target), bn: firstTouched(bn, target) };
  // At or above the target earlier than it held it (or without holding it yet): said, since a single dip can be all
  // that separates the two. What "held" means is said once, at the start of the sentence; "reached" is one evaluation.
  const said = (v: VariantName): string => {
    const at = reached[v], t = touched[v];
    if (at !== null) return `${p.phrase[v]} from step ${count(at)}${t !== null && t < at ? ` (first reached it at step ${count(t)}, then fell below it again)` : ''}`;
    const s = series[v], last = s.testStep[s.testN - 1], since = aboveSince(s, target);
    const where = `${percent(s.testAccuracy[s.testN - 1])} at step ${count(last)}`;
    if (t === null) return `${p.phrase[v]} not yet (${where})`;
    if (since === null) return `${p.phrase[v]} not yet (${where}, first reached it at step ${count(t)})`;
    if (t === last) return `${p.phrase[v]} not yet (${where}, its first evaluation at or above it)`;
    if (since === last) return `${p.phrase[v]} not yet (${where}, back at or above it; first reached it at step ${count(t)})`;
    return `${p.phrase[v]} not yet (${where}, at or above it since step ${count(since)}${t < since ? `; first reached it at step ${count(t)}` : ''})`;
  };
  const text = `First held ${Math.round(100 * target)} % test accuracy for ${HOLD} evaluations in a row (90 % of the best ${SMOOTH}-evaluation mean either network reached): ${said('bn')}; ${said('plain')}.`;
  const { first, earlier } = firstOf(series, chance);
  if (!earlier || !first) return { first, text, earlier: '' };
  // "Got there first" is then about an earlier, lower target: said (when the headline says it), with where each network is on it now.
  const heldFrom = (v: VariantName) => {
    const at = firstReached(series[v], earlier.target);
    return at === null ? `${p.phrase[v]} not yet` : `${p.phrase[v]} from step ${count(at)}`;
  };
  const about = ` “Got there first” is about ${Math.round(100 * earlier.target)} %, the target as it stood at step ${count(earlier.step)} (it has risen since): ${heldFrom(first)}; ${heldFrom(OTHER[first])}.`;
  return { first, text, earlier: about };
}

function advantageOf(lead: Lead | null, first: VariantName | null): Advantage {
  if (!lead || lead.none === 'diverged') return 'unknown';
  if (lead.none === 'chance') return 'neither';
  if (lead.leader === 'bn') return 'bn';
  if (lead.leader === 'plain') return first === 'bn' ? 'mixed' : 'plain';
  if (first === 'bn') return 'bn-first';
  return first === 'plain' ? 'plain-first' : 'level';
}

function headlineOf(advantage: Advantage, first: VariantName | null, lead: Lead | null, p: Pair): string {
  const andFirst = (v: VariantName) => (first === v ? ', and got there first' : '');
  if (lead?.untested && lead.leader) return `${p.network[OTHER[lead.leader]]} diverged; the network ${p.phrase[lead.leader]} trains on (not tested yet).`;
  const ahead = lead?.pulledAhead;
  if (ahead) return `In this run, the network ${p.phrase[ahead]} has pulled ahead in the latest evaluations, after the network ${p.phrase[OTHER[ahead]]} led; the verdict changes if that holds for ${HOLD} evaluations.`;
  if (p.norms[0] !== 'none') return pairHeadline(advantage, andFirst, lead, p);
  const norm = p.norms[1] === 'bn' ? 'batch norm' : NORM_SHORT[p.norms[1]], withIt = p.phrase.bn, without = p.phrase.plain;
  switch (advantage) {
    case 'bn': return `In this run, ${norm} helps: the network ${withIt} is ahead${andFirst('bn')}.`;
    case 'bn-first': return `In this run, ${norm} got there first; by now the two are level.`;
    case 'mixed': return `In this run, ${norm} got there first, but by now the network ${without} is ahead.`;
    case 'level': return `In this run, ${norm} shows no advantage: the two networks are level.`;
    case 'plain-first': return `In this run, ${norm} shows no advantage: the network ${without} got there first, and by now the two are level.`;
    case 'plain':
      return lead?.far ? `In this run, ${norm} hurts: the network ${without} is far ahead${andFirst('plain')}.` : `In this run, ${norm} does not help: the network ${without} is ahead${andFirst('plain')}.`;
    case 'neither': return 'Neither network has learned yet: both are near chance.';
    default: return lead?.none === 'diverged' ? 'Both networks diverged: no verdict. Try a smaller learning rate.' : 'No verdict yet: the networks have not been tested.';
  }
}

/** The headline for a pair whose first network is normalized (BN against GroupNorm, GroupNorm against none): who is ahead, by name. */
function pairHeadline(advantage: Advantage, andFirst: (v: VariantName) => string, lead: Lead | null, p: Pair): string {
  const [a, b] = [p.who.plain, p.who.bn];
  switch (advantage) {
    case 'bn': return `In this run, ${b} is ahead${andFirst('bn')}.`;
    case 'bn-first': return `In this run, ${b} got there first; by now the two are level.`;
    case 'mixed': return `In this run, ${b} got there first, but by now ${a} is ahead.`;
    case 'level': return `In this run, neither shows an advantage: ${a} and ${b} are level.`;
    case 'plain-first': return `In this run, ${a} got there first, and by now the two are level.`;
    case 'plain': return lead?.far ? `In this run, ${a} is far ahead${andFirst('plain')}.` : `In this run, ${a} is ahead${andFirst('plain')}.`;
    default: return headlineOf(advantage, null, lead, DEFAULT_PAIR);
  }
}

/**
 * Everything the lab says about who does better, for the run on screen. `testRows`: the size of the
 * test set, which sets how close is “level” (levelFor); `classes`: chance is 1/classes.
 */
export function verdictOf(series: RunSeries | null, diverged: Diverged, testRows: number, classes: number, pair: Pair = DEFAULT_PAIR): Verdict {
  if (!series) return { advantage: 'unknown', headline: headlineOf('unknown', null, null, pair), lead: null, speed: null };
  const chance = classes > 0 ? 1 / classes : 0;
  const lead = leadOf(series, diverged, levelFor(testRows), chance, pair);
  const speed = diverged.plain || diverged.bn ? null : speedOf(series, chance, pair);
  const first = speed?.first ?? null;
  const advantage = advantageOf(lead, first);
  const headline = headlineOf(advantage, first, lead, pair);
  // Which target "got there first" is about, only under a headline that says it.
  const about = speed && /got there first/.test(headline) ? speed.earlier : '';
  return { advantage, headline, lead: lead?.text ?? null, speed: speed ? speed.text + about : null };
}

/** Whether the page should point to a preset where BN does help (only for the comparison without and with BN). */
export const showsNoAdvantage = (a: Advantage, pair: Pair = DEFAULT_PAIR): boolean => pair.isDefault && (a === 'level' || a === 'plain' || a === 'plain-first' || a === 'mixed');
