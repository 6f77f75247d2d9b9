import { describe, expect, test } from 'vitest';
import type { BatchSweepPoint } from '../../../../src';
import { type BsNorm, type BsPoints, type BsSettings, pointKey } from '../../../../app/notebook/batch-size/bsView';
import { bsVerdict } from '../../../../app/notebook/batch-size/bsVerdict';

/** The verdict on Wu & He's shape, from the points only: each case the review found, and the review's measured points as a fixture. */
const all: BsSettings = { norms: ['bn', 'group', 'layer'], sizes: [2, 4, 8, 16, 32, 64], epochs: 2, seed: 1, groups: 4 };
const two: BsSettings = { ...all, norms: ['bn', 'group'] };
type Errors = Partial<Record<BsNorm, readonly (number | null)[]>>;

/** Points from eval-mode errors in % per size (null: diverged), and optional last-epoch training losses. */
function pointsOf(s: BsSettings, errors: Errors, losses: Partial<Record<BsNorm, readonly number[]>> = {}): BsPoints {
  const out: Record<string, BatchSweepPoint> = {};
  for (const [norm, errs] of Object.entries(errors) as [BsNorm, (number | null)[]][]) {
    errs.forEach((e, i) => {
      const m = s.sizes[i];
      const acc = e === null ? null : 1 - e / 100;
      out[pointKey(s, norm, m)] = { batch: m, norm, lr: 0.1, steps: 10, trainLoss: e === null ? null : (losses[norm]?.[i] ?? 1), testAccuracy: acc, testAccuracyTrainMode: acc, trainModeRows: 600, diverged: e === null ? { step: 3, reason: 'the training loss became NaN' } : null };
    });
  }
  return out;
}

describe('bsVerdict', () => {
  test('a printed difference is the difference of the printed numbers (errors 66.84 and 20.16 print 66.8 and 20.2, so +46.6 points, not +46.7)', () => {
    const s2: BsSettings = { ...two, sizes: [2, 64] };
    const v = bsVerdict(s2, pointsOf(s2, { bn: [66.84, 20.16], group: [28.84, 28.76] }));
    expect(v.text).toContain('goes from 20.2\u00a0% at m = 64 to 66.8\u00a0% at m = 2 (+46.6 points)');
  });

  test('the review’s default run (width 16, 2 epochs): GroupNorm 16.4 points worse at m = 64 and 25 behind BN is not “yes”; BN’s untrained m = 2 is named', () => {
    const p = pointsOf(all, {
      bn: [66.8, 27.0, 23.8, 23.2, 20.5, 20.2],
      group: [28.8, 29.7, 31.2, 32.8, 35.3, 45.2],
      layer: [30.7, 27.7, 29.8, 26.2, 26.3, 35.8],
    }, { bn: [2.21, 1.37, 0.97, 0.79, 0.7, 0.65] });
    const v = bsVerdict(all, p);
    expect(v.kind).toBe('partly');
    expect(v.text).toContain('GroupNorm\'s error is 16.4 points higher at m = 64 than at m = 2 (fewer steps at large m), where Wu & He’s GroupNorm is flat');
    expect(v.text).toContain('GroupNorm\'s error at m = 64 is 25.0 points above BN\'s');
    expect(v.text).toContain('LayerNorm\'s error is 5.1 points higher at m = 64');
    expect(v.text).toContain('LayerNorm\'s error at m = 64 is 15.6 points above BN\'s');
    expect(v.text).toContain('BN\'s training loss at m = 2 stayed at 2.21 (chance 2.30): it did not train there, a stronger failure than Wu & He’s.');
    expect(v.text).toMatch(/One seed: GroupNorm \(G = 4\) at m = 32 gave 24\.3 % with seed 1 and 34\.5 % with seed 2 \(width 32, 3 epochs\), .*standard error of about 1\.8 points\.$/);
    // The slide's words: the same verdict and BN's untrained m = 2, the noise in one clause.
    expect(v.short).toBe('Only in part: BN gets worse at small batches, but not everything else matches Wu & He’s Figure 1: BatchNorm\'s eval-mode test error is 20.2\u00a0% at m = 64 and 66.8\u00a0% at m = 2. GroupNorm\'s error is 16.4 points higher at m = 64 than at m = 2; LayerNorm\'s error is 5.1 points higher at m = 64 than at m = 2. BN\'s training loss at m = 2 stayed at 2.21 (chance 2.30): it did not train there, a stronger failure than Wu & He’s. One seed: differences under about 10 points can change with another.');
  });

  test('yes only when BN rises ≥ 10 points and each per-sample norm stays within 5 both ways and within 5 of BN at the largest m', () => {
    const v = bsVerdict(all, pointsOf(all, { bn: [51.2, 22.3, 17.3, 20.3, 25.0, 25.5], group: [20.8, 20.3, 21.3, 20.3, 23.7, 24.0], layer: [19.5, 20.8, 20.5, 20.0, 23.2, 23.0] }));
    expect(v.kind).toBe('yes');
    expect(v.text).toMatch(/^Yes, this run reproduces the shape of Wu & He’s Figure 1: BatchNorm's eval-mode test error goes from 25.5\u00a0% at m = 64 to 51.2\u00a0% at m = 2 \(\+25.7 points\), while GroupNorm's goes from 24.0\u00a0% to 20.8\u00a0% \(−3.2 points\), and LayerNorm's goes from 23.0\u00a0% to 19.5\u00a0% \(−3.5 points\)\. BN gets worse at small batches; GroupNorm and LayerNorm change by at most 5 points between the ends and lie within 5 points of BN at m = 64\./);
    expect(v.text).not.toContain('did not train');
    expect(v.text).toContain('BN\'s training loss in the last epoch: 1.00 at m = 2, 1.00 at m = 64 (chance 2.30).');
  });

  test('a per-sample norm rising at small m too, or lying far above BN at the largest m, makes it “only in part”', () => {
    const rises = bsVerdict(all, pointsOf(all, { bn: [50, 0, 0, 0, 0, 20], group: [40, 0, 0, 0, 0, 22], layer: [22, 0, 0, 0, 0, 21] }));
    expect(rises.kind).toBe('partly');
    expect(rises.text).toContain('GroupNorm\'s error rises by 18.0 points from m = 64 to m = 2 as well');
    const above = bsVerdict(all, pointsOf(all, { bn: [50, 0, 0, 0, 0, 20], group: [31, 0, 0, 0, 0, 30], layer: [22, 0, 0, 0, 0, 21] }));
    expect(above.kind).toBe('partly');
    expect(above.text).toContain('GroupNorm\'s error at m = 64 is 10.0 points above BN\'s');
  });

  test('no when BN does not rise by 10 points', () => {
    const v = bsVerdict(two, pointsOf(two, { bn: [25, 0, 0, 0, 0, 20], group: [22, 0, 0, 0, 0, 21] }));
    expect(v.kind).toBe('no');
    expect(v.text).toContain('The shape needs BN\'s error to rise by 10 points or more from m = 64 to m = 2 (it rises by 5.0).');
  });

  test('an end near chance (≥ 70 %) other than BN at the smallest m: it did not learn, so no shape (G = 8 over 16 units)', () => {
    const v = bsVerdict(two, pointsOf(two, { bn: [66.8, 0, 0, 0, 0, 20.2], group: [90.2, 0, 0, 0, 0, 90.0] }));
    expect(v.kind).toBe('no');
    expect(v.text).toMatch(/^No: GroupNorm at m = 2 stayed near chance \(90.2\u00a0%\): it did not learn, so this run cannot show the shape\./);
    // BN near chance at m = 2 is the collapse itself, not a failure to learn.
    expect(bsVerdict(two, pointsOf(two, { bn: [72.8, 0, 0, 0, 0, 21.8], group: [22.8, 0, 0, 0, 0, 23.8] })).kind).toBe('yes');
  });

  test('a per-sample norm far BELOW BN at the largest m is not “within 5 points of BN” (BN at m = 64: 38.2 %, LayerNorm 26.0 %)', () => {
    const s2: BsSettings = { ...all, norms: ['bn', 'layer'], sizes: [2, 64] };
    const v = bsVerdict(s2, pointsOf(s2, { bn: [51.3, 38.2], layer: [21.7, 26.0] }));
    expect(v.kind).toBe('partly');
    expect(v.text).toContain("LayerNorm's error at m = 64 is 12.2 points below BN's");
    const s3: BsSettings = { ...s2 };
    const w = bsVerdict(s3, pointsOf(s3, { bn: [51.3, 20.2], layer: [21.7, 12.0] }));
    expect(w.kind).toBe('partly');
    expect(w.text).toContain("LayerNorm's error at m = 64 is 8.2 points below BN's");
  });

  test('a range without m = 2 (Wu & He’s BN rises only 3.7 points at 4), or without m ≥ 16, cannot test the shape', () => {
    const big: BsSettings = { ...two, sizes: [32, 64] };
    const v = bsVerdict(big, pointsOf(big, { bn: [21, 20], group: [30, 40] }));
    expect(v.kind).toBe('range');
    expect(v.text).toContain('In Wu & He’s figure BN barely moves from 32 to 8 images (23.6 → 24.8 %) and rises only 3.7 points at 4 (27.3 %), within this run\'s noise; include m = 2 (34.7 % there) to test the shape.');
    const fromFour: BsSettings = { ...two, sizes: [4, 8, 16, 32] };
    expect(bsVerdict(fromFour, pointsOf(fromFour, { bn: [27, 25, 24, 23], group: [24, 24, 24, 24] })).kind).toBe('range');
    const tiny: BsSettings = { ...two, sizes: [2, 4] };
    const w = bsVerdict(tiny, pointsOf(tiny, { bn: [60, 27], group: [29, 30] }));
    expect(w.kind).toBe('range');
    expect(w.text).toContain('The large-batch reference is missing');
    expect(w.text).not.toContain('include m = 2');
  });

  test('diverged ends get their own kind, in the right number; a diverged point between the ends is named', () => {
    const s: BsSettings = { ...all, norms: ['bn', 'group'] };
    expect(bsVerdict(s, pointsOf(s, { bn: [null, 0, 0, 0, 0, 20], group: [30, 0, 0, 0, 0, null] }))).toEqual({ kind: 'diverged', text: 'No verdict: BatchNorm at m = 2 and GroupNorm at m = 64 diverged (their points have no accuracy).' });
    expect(bsVerdict(s, pointsOf(s, { bn: [null, 0, 0, 0, 0, 20], group: [30, 0, 0, 0, 0, 31] })).text).toBe('No verdict: BatchNorm at m = 2 diverged (its point has no accuracy).');
    const v = bsVerdict(s, pointsOf(s, { bn: [50, 25, null, 22, 21, 20], group: [30, 30, 30, 30, 30, 28] }));
    expect(v.kind).toBe('partly');
    expect(v.text).toContain('BatchNorm at m = 8 diverged (a gap in its line).');
  });

  test('waiting: without BN or another norm, with one size, or before the ends are trained', () => {
    const s: BsSettings = { ...all, sizes: [2, 4, 8, 16] };
    const some = pointsOf(s, { bn: [60, 0, 0, 20], group: [30, 0, 0, 31] });
    expect(bsVerdict({ ...s, norms: ['bn', 'group', 'layer'] }, some)).toEqual({ kind: 'waiting', text: 'The verdict waits for LayerNorm at m = 2, LayerNorm at m = 16.' });
    expect(bsVerdict({ ...s, norms: ['group', 'layer'] }, some).kind).toBe('waiting');
    expect(bsVerdict({ ...s, sizes: [2] }, some).kind).toBe('waiting');
  });
});
