import { describe, expect, test } from 'vitest';
import { seedBands, seedSummary } from '../../../../app/lab/model/seedView';
import type { SeedCurve } from '../../../../app/lab/worker/seedStudy';

/** A seed evaluated at steps 10, 20, … with these test accuracies (loss = 1 − accuracy). */
const curve = (seed: number, plain: number[], bn: number[], diverged: { plain?: number; bn?: number } = {}): SeedCurve => {
  const t = (acc: number[]) => ({ step: acc.map((_, i) => 10 * (i + 1)), accuracy: acc, loss: acc.map((a) => 1 - a) });
  return { seed, step: 10 * Math.max(plain.length, bn.length), diverged: { plain: diverged.plain ?? null, bn: diverged.bn ?? null }, tests: { plain: t(plain), bn: t(bn) } };
};

describe('the seed study’s bands and sentence', () => {
  test('lowest, median and highest over the seeds at each evaluation every seed has reached', () => {
    const lines = seedBands([curve(1, [0.3, 0.5], [0.6, 0.9]), curve(2, [0.4, 0.6], [0.7, 0.8]), curve(3, [0.35], [0.8])], 'accuracy');
    const bn = Object.fromEntries(lines.filter((l) => l.variant === 'bn').map((l) => [l.role, l.points]));
    expect(bn).toEqual({ q15: [{ s: 10, v: 0.6 }], q50: [{ s: 10, v: 0.7 }], q85: [{ s: 10, v: 0.8 }] });
  });

  test('a seed whose network diverged keeps its evaluations up to the divergence and does not hold the others back', () => {
    const lines = seedBands([curve(1, [0.3], [0.6, 0.9, 0.9], { plain: 12 }), curve(2, [0.4, 0.5, 0.6], [0.7, 0.8, 0.9])], 'accuracy');
    const plainMid = lines.find((l) => l.id === 'plain-q50')!.points;
    expect(plainMid).toEqual([{ s: 10, v: 0.35 }, { s: 20, v: 0.5 }, { s: 30, v: 0.6 }]);
  });

  test('the sentence counts the verdict of each seed and gives the spread of test accuracy, and never counts a no-BN win as BN’s', () => {
    const six = (a: number) => [a, a, a, a, a, a];
    const s = seedSummary([curve(1, six(0.5), six(0.9)), curve(2, six(0.9), six(0.5)), curve(3, six(0.7), six(0.7))], 150, 3)!;
    expect(s.tally).toEqual({ bn: 1, plain: 1, level: 1 });
    expect(s.text).toBe('At step 60, seed by seed: on 1 of 3 seeds the network with BN is ahead; on 1 of 3 seeds the two are level; on 1 of 3 seeds the network without BN is ahead. Test accuracy at the last evaluation: with BN 50.0 % to 90.0 % (median 70.0 %); without BN 50.0 % to 90.0 % (median 70.0 %).');
    expect(seedSummary([], 150, 3)).toBeNull();
  });
});
