import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Divergence, StepMetrics, VariantName } from '../../../../src';
import { appendLogs, createRunSeries, type RunSeries } from '../../../../app/lab/model/series';
import { HOLD, SMOOTH, levelFor, showsNoAdvantage, verdictOf } from '../../../../app/lab/model/verdicts';

/** A logged step with the given test accuracy (and a loss that follows it), evaluated every 10 steps. */
const metrics = (step: number, acc: number | null): StepMetrics => ({
  step, epoch: 0, trainLoss: acc === null ? 1 : 1 - acc, trainAccuracy: acc ?? 0.5,
  testLoss: acc === null ? null : 1.2 - acc, testAccuracy: acc, quantiles: [], gradNorms: [1, 1],
});

/** A run whose test accuracies at steps 10, 20, … are `plain` and `bn`. */
function runOf(plain: readonly number[], bn: readonly number[]): RunSeries {
  const s = createRunSeries(1);
  const logs = (accs: readonly number[]) => accs.flatMap((a, i) => [metrics(10 * i + 5, null), metrics(10 * (i + 1), a)]);
  appendLogs(s, { plain: logs(plain), bn: logs(bn) });
  return s;
}

const NONE: Record<VariantName, Divergence | null> = { plain: null, bn: null };
/** Test accuracies as they come: whole examples out of 150. */
const ACC = fc.integer({ min: 0, max: 150 }).map((k) => k / 150);
const SAYS_BN_WINS = /batch norm helps|with BN is ahead|with BN leads|batch norm got there first/;

const rep = (x: number, n: number) => Array.from({ length: n }, () => x);

describe('who leads, in words computed from the run', () => {
  test('BN ahead beyond the level margin: “batch norm helps”, with the means of the last 5 evaluations', () => {
    const v = verdictOf(runOf(rep(0.5, 12), rep(0.9, 12)), NONE, 150, 3);
    expect(v.advantage).toBe('bn');
    expect(v.headline).toBe('In this run, batch norm helps: the network with BN is ahead, and got there first.');
    expect(v.lead).toBe('At step 120 the network with BN leads: 90.0 % test accuracy with BN, 50.0 % without (mean of the last 5 evaluations, steps 80–120); test loss now 0.3 and 0.7.');
    expect(v.speed).toBe('First held 81 % test accuracy for 3 evaluations in a row (90 % of the best 5-evaluation mean either network reached): with BN from step 10; without BN not yet (50.0 % at step 120).');
  });

  test('one dip is not a head start: a network that reached the target, dipped once and held it later did not “get there” later (the CNN preset’s run: 70.0, 69.8, 63.8, 74.5, 79.0, 74.8 against 75.2, 73.7, 69.8, 79.0, 80.8, 77.8)', () => {
    const v = verdictOf(runOf([0.7, 0.698, 0.638, 0.745, 0.79, 0.748], [0.752, 0.737, 0.698, 0.79, 0.808, 0.778]), NONE, 600, 10);
    expect(v.headline).not.toMatch(/got there first/);
    expect(v.speed).toMatch(/without BN from step 40 \(first reached it at step 10, then fell below it again\)/);
    // 90 % of a best of 70 % is 63 % (100 · 0.9 · 0.7 is 62.999… in floating point).
    expect(verdictOf(runOf(rep(0.7, 6), rep(0.5, 6)), NONE, 600, 10).speed).toMatch(/^First held 63 % test accuracy/);
    // Not held yet: where it is now, and since when it is above the target (what "held" means is said once).
    const speed = (plain: number[]) => verdictOf(runOf(plain, rep(0.9, plain.length)), NONE, 600, 10).speed;
    expect(speed([0.5, 0.5, 0.5, 0.5, 0.5, 0.9])).toMatch(/: with BN from step 10; without BN not yet \(90\.0 % at step 60, its first evaluation at or above it\)\.$/);
    expect(speed([0.5, 0.5, 0.5, 0.5, 0.9, 0.9])).toMatch(/without BN not yet \(90\.0 % at step 60, at or above it since step 50\)\.$/);
    expect(speed([0.9, 0.5, 0.5, 0.5, 0.5, 0.9])).toMatch(/without BN not yet \(90\.0 % at step 60, back at or above it; first reached it at step 10\)\.$/);
    expect(speed([0.9, 0.5, 0.5, 0.5, 0.9, 0.9])).toMatch(/without BN not yet \(90\.0 % at step 60, at or above it since step 50; first reached it at step 10\)\.$/);
    expect(speed([0.9, 0.9, 0.5, 0.5, 0.5, 0.5])).toMatch(/without BN not yet \(50\.0 % at step 60, first reached it at step 10\)\.$/);
    // Without the dip, the same target reached at step 10 by both: no head start either way.
    const flat = verdictOf(runOf([0.7, 0.698, 0.7, 0.745, 0.79, 0.748], [0.752, 0.737, 0.698, 0.79, 0.808, 0.778]), NONE, 600, 10);
    expect(flat.headline).not.toMatch(/got there first/);
  });

  test('“got there first” does not lapse each time the leader’s own progress raises the target (the default run said it, dropped it and said it again 3 times in 500 steps)', () => {
    // BN climbs for 20 evaluations; without BN it stays at chance. Each new best raises the target above what BN has held.
    const bn = [0.4, 0.5, 0.6, 0.62, 0.64, 0.7, 0.72, 0.74, 0.8, 0.82, 0.84, 0.9, 0.91, 0.92, 0.95, 0.96, 0.97, 0.98, 0.98, 0.98];
    const said = bn.map((_, i) => /got there first/.test(verdictOf(runOf(rep(0.34, i + 1), bn.slice(0, i + 1)), NONE, 150, 3).headline));
    const from = said.indexOf(true);
    expect(from).toBeGreaterThan(0);
    expect(said.slice(from)).toEqual(said.slice(from).map(() => true));
  });

  test('“far ahead” (and “hurts”) needs a lead of 15 points on each of the last 3 evaluations’ means, not one: a lead near 15 flipped it every evaluation or two', () => {
    // Without BN at 90 %; BN at 80 %, then one evaluation at 0: the latest 5-evaluation mean drops to 64 %, a lead of 26 points on one evaluation only.
    const once = verdictOf(runOf(rep(0.9, 12), [...rep(0.8, 11), 0]), NONE, 150, 3);
    expect(once.headline).toMatch(/^In this run, batch norm does not help: the network without BN is ahead/);
    const thrice = verdictOf(runOf(rep(0.9, 14), [...rep(0.8, 11), 0, 0.8, 0.8]), NONE, 150, 3);
    expect(thrice.headline).toMatch(/^In this run, batch norm hurts: the network without BN is far ahead/);
  });

  test('a “got there first” that an earlier race decided names that race’s target under the headline (the line under it said neither network had held the current one)', () => {
    // BN climbs in steps; without BN stays at chance. Each step up raises the target, and the race to it starts again.
    const bn = [0.4, 0.45, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6, 0.75, 0.75, 0.75, 0.9, 0.9, 0.9, 0.9];
    let named = 0;
    for (let i = 1; i <= bn.length; i++) {
      const v = verdictOf(runOf(rep(0.34, i), bn.slice(0, i)), NONE, 150, 3);
      if (!/got there first/.test(v.headline)) continue;
      // Either the current target's race is decided (BN held it, and without BN has run 1.5 × as long since), or the sentence says which target the claim is about.
      const from = Number(v.speed?.match(/: with BN from step (\d+);/)?.[1] ?? Infinity);
      if (10 * i >= 1.5 * from) continue;
      expect(v.speed).toMatch(/ “Got there first” is about \d+ %, the target as it stood at step \d+ \(it has risen since\): with BN from step \d+; without BN not yet\.$/);
      named++;
    }
    expect(named).toBeGreaterThan(0);
    expect(verdictOf(runOf(rep(0.34, 11), bn.slice(0, 11)), NONE, 150, 3).speed).toMatch(/with BN from step 90; without BN not yet \(34\.0 % at step 110\)\. “Got there first” is about 59 %, the target as it stood at step 100 \(it has risen since\): with BN from step 60; without BN not yet\.$/);
  });

  test('the sentence on which target “got there first” is about comes only under a headline that says “got there first” (a “pulled ahead” headline had it)', () => {
    // The reviewer's run: without BN led, BN has pulled ahead in the latest evaluations; an earlier race named BN first.
    const plain = [...rep(0.7, 6), 0.6, ...rep(0.75, 6), 0.65, 0.65];
    const bn = [...rep(0.8, 6), ...rep(0.4, 4), ...rep(0.9, 5)];
    for (let i = 1; i <= plain.length; i++) {
      const v = verdictOf(runOf(plain.slice(0, i), bn.slice(0, i)), NONE, 150, 3);
      if (/Got there first/.test(v.speed ?? '')) expect(v.headline).toMatch(/got there first/);
    }
  });

  test('“far ahead” waits for 3 evaluations: one evaluation 30 points apart is “ahead”, not “hurts”', () => {
    expect(verdictOf(runOf([0.7], [0.4]), NONE, 150, 3).headline).not.toMatch(/hurts|far ahead/);
  });

  test('an undecided race keeps the last decided one only for the network that is at the new target: once without BN passes it, BN’s old head start is not claimed', () => {
    // BN got to ~60 % first; then without BN climbs to 95 %, a target BN never reached.
    const bn = [...rep(0.6, 8), ...rep(0.6, 8)];
    const plain = [...rep(0.34, 8), 0.7, 0.8, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95];
    expect(verdictOf(runOf(plain.slice(0, 8), bn.slice(0, 8)), NONE, 150, 3).headline).toMatch(/batch norm helps: .*, and got there first/);
    const later = verdictOf(runOf(plain, bn), NONE, 150, 3);
    expect(later.headline).not.toMatch(/batch norm got there first|with BN is ahead, and got there first/);
  });

  test('the network without BN ahead: said plainly, never as a BN win, and a preset is offered', () => {
    const v = verdictOf(runOf(rep(0.9, 12), rep(0.8, 12)), NONE, 150, 3);
    expect(v.advantage).toBe('plain');
    expect(v.headline).toBe('In this run, batch norm does not help: the network without BN is ahead, and got there first.');
    // 15 points or more: “hurts”.
    expect(verdictOf(runOf(rep(0.9, 12), rep(0.5, 12)), NONE, 150, 3).headline).toBe('In this run, batch norm hurts: the network without BN is far ahead, and got there first.');
    expect(showsNoAdvantage(v.advantage)).toBe(true);
  });

  test('level within 5 test examples of 150; BN reaching 90 % of the best sooner (3 evaluations in a row) is “got there first”', () => {
    expect(levelFor(150)).toBeCloseTo(0.0333, 4);
    expect(levelFor(600)).toBe(0.02);
    const first = verdictOf(runOf([0.33, 0.33, 0.5, 0.7, 0.9, ...rep(0.95, 10)], [0.9, 0.94, ...rep(0.95, 13)]), NONE, 150, 3);
    expect(first.advantage).toBe('bn-first');
    expect(first.speed).toMatch(/: with BN from step 10; without BN from step 50\.$/);
    const level = verdictOf(runOf(rep(0.9, 10), rep(0.91, 10)), NONE, 150, 3);
    expect(level.advantage).toBe('level');
    expect(level.headline).toMatch(/shows no advantage/);
  });

  test('noise: one high evaluation is averaged away; a network that pulls ahead is said to at once, but becomes the verdict’s leader only once its lead has held 3 evaluations', () => {
    expect(verdictOf(runOf(rep(0.9, 12), [...rep(0.9, 11), 0.99]), NONE, 150, 3).advantage).toBe('level');
    const pulling = verdictOf(runOf(rep(0.9, 12), [...rep(0.95, 10), 0.7, 0.7]), NONE, 150, 3);
    expect(pulling.advantage).toBe('level');
    expect(pulling.headline).toMatch(/^In this run, the network without BN has pulled ahead in the latest evaluations/);
    expect(verdictOf(runOf(rep(0.9, 14), [...rep(0.95, 10), 0.7, 0.7, 0.7, 0.7]), NONE, 150, 3).advantage).toBe('plain');
  });

  test('the other network pulling ahead of the held leader is said, never “neither is clearly ahead” (BN 0.95 × 10 then 0.6, 0.6 against 0.9 × 12: 81.0 vs 90.0)', () => {
    const v = verdictOf(runOf(rep(0.9, 12), [...rep(0.95, 10), 0.6, 0.6]), NONE, 150, 3);
    expect(v.advantage).toBe('level');
    expect(v.headline).toBe('In this run, the network without BN has pulled ahead in the latest evaluations, after the network with BN led; the verdict changes if that holds for 3 evaluations.');
    expect(v.lead).toBe('At step 120 the network with BN has been ahead, but by the latest means the network without BN is: 81.0 % test accuracy with BN, 90.0 % without (mean of the last 5 evaluations, steps 80–120); test loss now 0.6 and 0.3.');
    expect(`${v.headline} ${v.lead}`).not.toMatch(SAYS_BN_WINS);
    expect(`${v.headline} ${v.lead}`).not.toMatch(/neither network|gone for now/);
  });

  test('a held leader still ahead by less than the level margin gets the normal level headline, and keeps “got there first” (BN 93.0 vs 90.0, margin 3.3)', () => {
    const v = verdictOf(runOf([0.33, 0.33, 0.5, 0.7, ...rep(0.9, 11)], [0.9, ...rep(0.95, 12), 0.9, 0.9]), NONE, 150, 3);
    expect(v.advantage).toBe('bn-first');
    expect(v.headline).toBe('In this run, batch norm got there first; by now the two are level.');
    expect(v.lead).toBe('At step 150 the network with BN has been ahead; by the latest means the two are level: 93.0 % test accuracy with BN, 90.0 % without (mean of the last 5 evaluations, steps 110–150); test loss now 0.3 and 0.3.');
    expect(`${v.headline} ${v.lead}`).not.toMatch(/gone for now|pulled ahead/);
  });

  test('BN ahead by 15 points or more never reads “hurts”, not even while the old leader is held (without BN 0.4 × 7; with BN 0.33 × 5, 1, 1)', () => {
    const v = verdictOf(runOf(rep(0.4, 7), [...rep(0.33, 5), 1, 1]), NONE, 150, 3);
    expect(v.lead).toMatch(/59\.8 % test accuracy with BN, 40\.0 % without/);
    expect(v.headline).not.toMatch(/hurts|without BN is (far )?ahead|neither network/);
    expect(v.headline).toBe('In this run, the network with BN has pulled ahead in the latest evaluations, after the network without BN led; the verdict changes if that holds for 3 evaluations.');
    expect(v.advantage).not.toBe('plain');
  });

  test('BN first but the network without BN ahead now: “mixed”, both said, and a preset is offered', () => {
    const v = verdictOf(runOf([0.33, 0.33, 0.5, 0.7, 0.9, ...rep(0.99, 10)], [0.9, ...rep(0.92, 14)]), NONE, 150, 3);
    expect(v.advantage).toBe('mixed');
    expect(v.headline).toBe('In this run, batch norm got there first, but by now the network without BN is ahead.');
    expect(showsNoAdvantage('mixed')).toBe(true);
  });

  test('both near chance: neither has learned, no leader and no pointer; a spike near chance is not a head start', () => {
    const v = verdictOf(runOf(rep(0.34, 10), [0.34, 0.34, 0.58, ...rep(0.34, 7)]), NONE, 150, 3);
    expect(v.advantage).toBe('neither');
    expect(v.headline).toBe('Neither network has learned yet: both are near chance.');
    expect(v.speed).toBeNull();
    expect(showsNoAdvantage(v.advantage)).toBe(false);
  });

  test('a divergence decides the lead, unless the other network has not learned either; both diverged is no verdict', () => {
    const untested = verdictOf(runOf([], []), { plain: { step: 3, reason: 'x' }, bn: null }, 150, 3);
    expect(untested).toMatchObject({ advantage: 'bn', headline: 'The network without BN diverged; the network with BN trains on (not tested yet).', lead: 'The network without BN diverged at step 3; the network with BN trains on.' });
    const one = verdictOf(runOf([0.5], [0.6, 0.7]), { plain: { step: 12, reason: 'x' }, bn: null }, 150, 3);
    expect(one.advantage).toBe('bn');
    expect(one.lead).toBe('The network without BN diverged at step 12; the network with BN trains on and is at 70.0 % test accuracy (step 20).');
    const stuck = verdictOf(runOf([0.5], [0.33, 0.34]), { plain: { step: 12, reason: 'x' }, bn: null }, 150, 3);
    expect(stuck.advantage).toBe('neither');
    expect(stuck.lead).toMatch(/the network with BN did not diverge, but has not learned either \(33\.5 % test accuracy, chance is 33\.3 %\)\.$/);
    const both = verdictOf(runOf([0.5], [0.6]), { plain: { step: 12, reason: 'x' }, bn: { step: 15, reason: 'y' } }, 150, 3);
    expect(both.advantage).toBe('unknown');
    expect(both.headline).toMatch(/Both networks diverged/);
  });

  test('before any test evaluation: no verdict, no numbers', () => {
    expect(verdictOf(null, NONE, 150, 3)).toMatchObject({ advantage: 'unknown', lead: null, speed: null });
    expect(verdictOf(runOf([], []), NONE, 150, 3).advantage).toBe('unknown');
  });

  test('property: whenever the network without BN is at least as good at every evaluation, nothing calls it a BN win', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ACC, ACC), { minLength: 1, maxLength: 40 }), fc.integer({ min: 10, max: 1000 }), (pairs, rows) => {
        const v = verdictOf(runOf(pairs.map(([a, b]) => Math.max(a, b)), pairs.map(([a, b]) => Math.min(a, b))), NONE, rows, 3);
        expect(['level', 'plain', 'plain-first', 'neither', 'unknown']).toContain(v.advantage);
        expect(`${v.headline} ${v.lead ?? ''} ${v.speed ?? ''}`).not.toMatch(SAYS_BN_WINS);
      }),
      { numRuns: 300 },
    );
  });

  test('property: a headline that names a leader (helps, does not help, hurts, pulled ahead) has the latest 5-evaluation means behind it, by the level margin (15 points for “hurts”)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ACC, ACC), { minLength: 1, maxLength: 40 }), (pairs) => {
        const v = verdictOf(runOf(pairs.map((p) => p[0]), pairs.map((p) => p[1])), NONE, 150, 3);
        const last = pairs.slice(-SMOOTH), mean = (k: 0 | 1) => last.reduce((sum, p) => sum + p[k], 0) / last.length;
        const bnAhead = mean(1) - mean(0), level = levelFor(150) - 1e-9;
        if (v.advantage === 'bn') expect(bnAhead).toBeGreaterThanOrEqual(level);
        if (v.advantage === 'plain' || v.advantage === 'mixed') expect(-bnAhead).toBeGreaterThanOrEqual(level);
        if (/hurts/.test(v.headline)) expect(-bnAhead).toBeGreaterThanOrEqual(0.15 - 1e-9);
        if (/leads:/.test(v.lead ?? '')) expect(Math.abs(bnAhead)).toBeGreaterThanOrEqual(level);
        if (/with BN has pulled ahead/.test(v.headline)) expect(bnAhead).toBeGreaterThanOrEqual(level);
        if (/without BN has pulled ahead/.test(v.headline)) expect(-bnAhead).toBeGreaterThanOrEqual(level);
      }),
      { numRuns: 500 },
    );
  });

  test('property: once the same pair of accuracies has held for SMOOTH + HOLD evaluations, the headline names the leader the numbers show', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ACC, ACC), { maxLength: 30 }), fc.tuple(ACC, ACC), (pairs, [lp, lb]) => {
        fc.pre(Math.abs(Math.abs(lb - lp) - levelFor(150)) > 1e-9); // exactly on the margin, rounding decides
        const all = [...pairs, ...rep(0, SMOOTH + HOLD).map(() => [lp, lb] as const)];
        const v = verdictOf(runOf(all.map((p) => p[0]), all.map((p) => p[1])), NONE, 150, 3);
        if (Math.max(lp, lb) < 1 / 3 + 0.05) expect(v.advantage).toBe('neither');
        else if (lb - lp > levelFor(150)) expect(v.advantage).toBe('bn');
        else if (lp - lb > levelFor(150)) expect(['plain', 'mixed']).toContain(v.advantage);
        else expect(['level', 'bn-first', 'plain-first']).toContain(v.advantage);
      }),
      { numRuns: 300 },
    );
  });
});
