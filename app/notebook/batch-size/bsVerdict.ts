import { type BsNorm, type BsPoints, type BsSettings, BS_NORM_NAMES, errorPct, pointKey } from './bsView';

/**
 * Whether the finished points show the shape of Wu & He's (2018) Figure 1, in words: BN's eval-mode
 * error much higher at the smallest batch than at the largest, the per-sample norms flat and close to
 * BN at the largest. Only from the points: nothing is said before they are there. No React here.
 */

/** How far BN must rise from the largest m to the smallest, in percentage points. */
export const BN_RISE_MIN = 10;
/** How far a per-sample norm may move between the two ends (either way), and lie above BN at the largest m, in points. */
export const FLAT_MAX = 5;
/** An error at or above this (%) is near chance (90 % for 10 classes): that network did not learn. */
export const CHANCE_ERROR = 70;
/** The batch sizes the ends must reach for the shape to be tested: Wu & He's BN barely moves from 32 to 8, rises 3.7 points at 4 (within one seed's noise here) and 11.1 at 2. */
export const SMALL_MAX = 2;
export const LARGE_MIN = 16;
/** Chance loss of 10 classes, ln 10. */
const CHANCE_LOSS = Math.log(10);

export type BsVerdictKind = 'waiting' | 'diverged' | 'range' | 'yes' | 'partly' | 'no';
export interface BsVerdict {
  readonly kind: BsVerdictKind;
  readonly text: string;
  /** The same for a slide: without BN's training losses, with the noise in one clause (equal to text while waiting or diverged). */
  readonly short?: string;
}

const pct = (v: number) => `${v.toFixed(1)}\u00a0%`;
const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)} points`;
const list = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const SHORT_NOISE = 'One seed: differences under about 10 points can change with another.';
const NOISE = 'One seed: GroupNorm (G = 4) at m = 32 gave 24.3 % with seed 1 and 34.5 % with seed 2 (width 32, 3 epochs), so check any difference under about 10 points with another seed (bs-seed); the 600 test images alone give a standard error of about 1.8 points.';

export function bsVerdict(s: BsSettings, points: BsPoints): BsVerdict {
  const others = s.norms.filter((n) => n !== 'bn');
  if (!s.norms.includes('bn') || others.length === 0 || s.sizes.length < 2) {
    return { kind: 'waiting', text: 'To compare with Wu & He’s figure, train BatchNorm and GroupNorm or LayerNorm at two batch sizes at least.' };
  }
  const lo = s.sizes[0], hi = s.sizes[s.sizes.length - 1];
  const at = (n: BsNorm, m: number) => points[pointKey(s, n, m)];
  const name = (n: BsNorm, m: number) => `${BS_NORM_NAMES[n]} at m = ${m}`;
  const missing = s.norms.flatMap((n) => [lo, hi].filter((m) => !at(n, m)).map((m) => name(n, m)));
  if (missing.length) return { kind: 'waiting', text: `The verdict waits for ${missing.join(', ')}.` };
  const isDiverged = (n: BsNorm, m: number) => errorPct(at(n, m)?.testAccuracy) === null;
  const divergedEnds = s.norms.flatMap((n) => [lo, hi].filter((m) => isDiverged(n, m)).map((m) => name(n, m)));
  if (divergedEnds.length) {
    const one = divergedEnds.length === 1;
    return { kind: 'diverged', text: `No verdict: ${list(divergedEnds)} diverged (${one ? 'its point has' : 'their points have'} no accuracy).` };
  }
  // Rounded to the 0.1 point the words print, so a printed difference is the difference of the printed numbers (66.8 − 20.2 = 46.6, not 46.65 → 46.7).
  const e = (n: BsNorm, m: number) => Math.round((errorPct(at(n, m)?.testAccuracy) as number) * 10) / 10;
  const rise = (n: BsNorm) => e(n, lo) - e(n, hi);
  const numbers = `BatchNorm's eval-mode test error goes from ${pct(e('bn', hi))} at m = ${hi} to ${pct(e('bn', lo))} at m = ${lo} (${pts(rise('bn'))}), while ${others
    .map((n) => `${BS_NORM_NAMES[n]}'s goes from ${pct(e(n, hi))} to ${pct(e(n, lo))} (${pts(rise(n))})`)
    .join(', and ')}`;
  // Points between the ends that diverged: the chart leaves a gap there; the words name them.
  const inner = s.norms.flatMap((n) => s.sizes.slice(1, -1).filter((m) => at(n, m) && isDiverged(n, m)).map((m) => name(n, m)));
  const innerText = inner.length ? ` ${list(inner)} diverged (a gap in ${inner.length === 1 ? 'its line' : 'their lines'}).` : '';
  const tail = `${innerText} ${NOISE}`, shortTail = `${innerText} ${SHORT_NOISE}`;

  // A network near chance at an end did not learn; BN near chance at the smallest m is the effect itself (below).
  const stuck = s.norms.flatMap((n) => [lo, hi].filter((m) => e(n, m) >= CHANCE_ERROR && !(n === 'bn' && m === lo)).map((m) => ({ n, m })));
  if (stuck.length) {
    const { n, m } = stuck[0];
    const head = `No: ${BS_NORM_NAMES[n]} at m = ${m} stayed near chance (${pct(e(n, m))}): it did not learn, so this run cannot show the shape. ${numbers}.`;
    return { kind: 'no', text: `${head}${tail}`, short: `${head}${shortTail}` };
  }
  if (lo > SMALL_MAX || hi < LARGE_MIN) {
    const why = [
      ...(lo > SMALL_MAX ? [`In Wu & He’s figure BN barely moves from 32 to 8 images (23.6 → 24.8 %) and rises only 3.7 points at 4 (27.3 %), within this run's noise; include m = 2 (34.7 % there) to test the shape.`] : []),
      ...(hi < LARGE_MIN ? [`The large-batch reference is missing: Wu & He compare with 32 images; include m = 16 or more.`] : []),
    ];
    const head = `This range cannot test the shape of Wu & He’s Figure 1: ${numbers}. ${why.join(' ')}`;
    return { kind: 'range', text: `${head}${tail}`, short: `${head}${shortTail}` };
  }

  const bnRises = rise('bn') >= BN_RISE_MIN;
  // What differs from Wu & He's figure, per per-sample norm: in full, and (for a slide) its first point only.
  const faultsOf = (n: BsNorm) => {
    const r = rise(n), gap = e(n, hi) - e('bn', hi), nm = BS_NORM_NAMES[n];
    return [
      ...(r > FLAT_MAX ? [`${nm}'s error rises by ${r.toFixed(1)} points from m = ${hi} to m = ${lo} as well`] : []),
      ...(r < -FLAT_MAX ? [`${nm}'s error is ${(-r).toFixed(1)} points higher at m = ${hi} than at m = ${lo} (fewer steps at large m), where Wu & He’s GroupNorm is flat`] : []),
      ...(gap > FLAT_MAX ? [`${nm}'s error at m = ${hi} is ${gap.toFixed(1)} points above BN's (Wu & He: GroupNorm within 0.5 points of BN at 32 images)`] : []),
      ...(gap < -FLAT_MAX ? [`${nm}'s error at m = ${hi} is ${(-gap).toFixed(1)} points below BN's (Wu & He: GroupNorm within 0.5 points of BN at 32 images)`] : []),
    ];
  };
  const faults = others.flatMap(faultsOf);
  const briefFaults = others.flatMap((n) => faultsOf(n).slice(0, 1).map((f) => f.replace(/ \(.*\)(, where .*)?$/, '')));
  const names = list(others.map((n) => BS_NORM_NAMES[n]));
  const kind = !bnRises ? 'no' : faults.length === 0 ? 'yes' : 'partly';
  const headOf = (numbers: string, faults: readonly string[]) => ({
    yes: `Yes, this run reproduces the shape of Wu & He’s Figure 1: ${numbers}. BN gets worse at small batches; ${names} ${others.length === 1 ? 'changes' : 'change'} by at most ${FLAT_MAX} points between the ends and ${others.length === 1 ? 'lies' : 'lie'} within ${FLAT_MAX} points of BN at m = ${hi}.`,
    partly: `Only in part: BN gets worse at small batches, but not everything else matches Wu & He’s Figure 1: ${numbers}. ${faults.join('; ')}.`,
    no: `No, this run does not reproduce the shape of Wu & He’s Figure 1: ${numbers}. The shape needs BN's error to rise by ${BN_RISE_MIN} points or more from m = ${hi} to m = ${lo} (${rise('bn') >= 0 ? `it rises by ${rise('bn').toFixed(1)}` : `it falls by ${(-rise('bn')).toFixed(1)}`}).${faults.length ? ` Also: ${faults.join('; ')}.` : ''}`,
  })[kind];
  const head = headOf(numbers, faults);
  const brief = headOf(`BatchNorm's eval-mode test error is ${pct(e('bn', hi))} at m = ${hi} and ${pct(e('bn', lo))} at m = ${lo}`, briefFaults);
  // BN's last-epoch training loss at the ends: near chance at the smallest m, it did not train there at all.
  const bnLoss = at('bn', lo)?.trainLoss ?? null, bnLossHi = at('bn', hi)?.trainLoss ?? null;
  const chance = CHANCE_LOSS.toFixed(2);
  const collapse = !bnRises || bnLoss === null ? ''
    : bnLoss >= 0.9 * CHANCE_LOSS ? ` BN's training loss at m = ${lo} stayed at ${bnLoss.toFixed(2)} (chance ${chance}): it did not train there, a stronger failure than Wu & He’s.`
    : ` BN's training loss in the last epoch: ${bnLoss.toFixed(2)} at m = ${lo}${bnLossHi === null ? '' : `, ${bnLossHi.toFixed(2)} at m = ${hi}`} (chance ${chance}).`;
  return { kind, text: `${head}${collapse}${tail}`, short: `${brief}${collapse.includes('did not train') ? collapse : ''}${shortTail}` };
}
