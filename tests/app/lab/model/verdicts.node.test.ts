import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Divergence, StepMetrics, VariantName } from '../../../../src';
import { appendLogs, createRunSeries, type RunSeries } from '../../../../app/lab/model/series';
import { type Advantage, levelFor, showsNoAdvantage, verdictOf } from '../../../../app/lab/model/verdicts';

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

describe('who leads, in words computed from the run', () => {
  test('BN ahead by more than the level margin: “batch norm helps”, with both accuracies', () => {
    const v = verdictOf(runOf([0.33, 0.35, 0.4, 0.45, 0.5, 0.5], [0.85, 0.9, 0.9, 0.9, 0.9, 0.9]), NONE, 150);
    expect(v.advantage).toBe('bn');
    expect(v.headline).toBe('In this run, batch norm helps: the network with BN is ahead, and got there first.');
    expect(v.lead).toBe('At step 60 the network with BN leads: 90.0 % test accuracy with BN, 50.0 % without (test loss 0.3 and 0.7).');
    expect(v.speed).toBe('First reached 81.0 % test accuracy: with BN at step 10; without BN not yet (50.0 % at step 60).');
    // Three evaluations are too few to call a head start.
    expect(verdictOf(runOf([0.33, 0.4, 0.5], [0.6, 0.8, 0.9]), NONE, 150).headline).toBe('In this run, batch norm helps: the network with BN is ahead.');
  });

  test('the network without BN ahead: said plainly, never as a BN win', () => {
    const v = verdictOf(runOf([0.85, 0.9, 0.9, 0.9, 0.9, 0.9], [0.33, 0.35, 0.4, 0.45, 0.5, 0.6]), NONE, 150);
    expect(v.advantage).toBe('plain');
    expect(v.headline).toBe('In this run, batch norm does not help: the network without BN is ahead, and got there first.');
    expect(showsNoAdvantage(v.advantage)).toBe(true);
  });

  test('within 5 test examples (150 rows) or 2 points: level; BN reaching 90 % of the best 3× sooner is “got there first”', () => {
    expect(levelFor(150)).toBeCloseTo(0.0333, 4);
    expect(levelFor(600)).toBe(0.02);
    const first = verdictOf(runOf([0.33, 0.33, 0.5, 0.7, 0.9, 0.95], [0.9, 0.94, 0.95, 0.95, 0.95, 0.96]), NONE, 150);
    expect(first.advantage).toBe('bn-first');
    expect(first.speed).toBe('First reached 86.0 % test accuracy: with BN at step 10; without BN at step 50.');
    // 6 examples of 150 apart is beyond the margin, 4 is not.
    expect(verdictOf(runOf([0.9, 0.94, 0.94], [0.9, 0.9, 0.9]), NONE, 150).advantage).toBe('plain');
    expect(verdictOf(runOf([0.9, 0.9, 0.9 + 4 / 150], [0.9, 0.9, 0.9]), NONE, 150).advantage).toBe('level');
    const level = verdictOf(runOf([0.9, 0.94, 0.95], [0.9, 0.94, 0.96]), NONE, 150);
    expect(level.advantage).toBe('level');
    expect(level.headline).toMatch(/shows no advantage/);
  });

  test('BN first but the network without BN ahead now: “mixed”, both said, and a pointer to a preset', () => {
    const v = verdictOf(runOf([0.33, 0.33, 0.5, 0.7, 0.9, 0.99], [0.9, 0.92, 0.92, 0.92, 0.92, 0.93]), NONE, 150);
    expect(v.advantage).toBe('mixed');
    expect(v.headline).toBe('In this run, batch norm got there first, but by now the network without BN is ahead.');
    expect(showsNoAdvantage('mixed')).toBe(true);
  });

  test('a divergence decides the lead; both diverged is no verdict', () => {
    const run = runOf([0.5], [0.6, 0.7]);
    const one = verdictOf(run, { plain: { step: 12, reason: 'x' }, bn: null }, 150);
    expect(one.advantage).toBe('bn');
    expect(one.lead).toBe('Without BN diverged at step 12; the network with BN trains on and is at 70.0 % test accuracy (step 20).');
    const both = verdictOf(run, { plain: { step: 12, reason: 'x' }, bn: { step: 15, reason: 'y' } }, 150);
    expect(both.advantage).toBe('unknown');
    expect(both.headline).toMatch(/Both networks diverged/);
  });

  test('before any test evaluation: no verdict, no numbers', () => {
    expect(verdictOf(null, NONE, 150)).toMatchObject({ advantage: 'unknown', lead: null, speed: null });
    expect(verdictOf(runOf([], []), NONE, 150).advantage).toBe('unknown');
  });

  test('property: whenever the network without BN is at least as good at every evaluation, nothing calls it a BN win', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ACC, ACC), { minLength: 1, maxLength: 40 }), fc.integer({ min: 10, max: 1000 }), (pairs, rows) => {
        const plain = pairs.map(([a, b]) => Math.max(a, b));
        const bn = pairs.map(([a, b]) => Math.min(a, b));
        const v = verdictOf(runOf(plain, bn), NONE, rows);
        const allowed: Advantage[] = ['level', 'plain', 'plain-first', 'unknown'];
        expect(allowed).toContain(v.advantage);
        expect(`${v.headline} ${v.lead ?? ''} ${v.speed ?? ''}`).not.toMatch(SAYS_BN_WINS);
      }),
      { numRuns: 300 },
    );
  });

  test('property: the headline names the leader the numbers show (beyond the level margin)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(ACC, ACC), { minLength: 1, maxLength: 30 }), (pairs) => {
        const run = runOf(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const [lp, lb] = pairs.at(-1)!;
        const v = verdictOf(run, NONE, 150);
        if (lb - lp >= levelFor(150)) expect(v.advantage).toBe('bn');
        else if (lp - lb >= levelFor(150)) expect(['plain', 'mixed']).toContain(v.advantage);
        else expect(['level', 'bn-first', 'plain-first']).toContain(v.advantage);
      }),
      { numRuns: 300 },
    );
  });
});
