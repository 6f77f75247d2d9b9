import { describe, expect, test } from 'vitest';
import type { SweepPoint } from '../../../../src';
import { sweepDivergedText, sweepLossAxis, sweepMarks, sweepView } from '../../../../app/lab/model/sweepView';

const ok = (finalLoss: number) => ({ finalLoss, diverged: null }) as unknown as SweepPoint['plain'];
const gone = (step: number) => ({ finalLoss: null, diverged: { step, reason: 'the training loss became infinite' } }) as unknown as SweepPoint['plain'];
const points: SweepPoint[] = [
  { lr: 0.1, plain: ok(0.4), bn: ok(0.3) },
  { lr: 1, plain: ok(0.9), bn: ok(0.2) },
  { lr: 10, plain: gone(3), bn: ok(0.5) },
  { lr: 100, plain: gone(2), bn: gone(2) },
] as SweepPoint[];

describe('the sweep chart’s diverged runs: in a band above the plot, never at a loss value', () => {
  const view = sweepView(points);

  test('one mark per diverged (rate, network): the upper row without BN, the lower with BN, and no loss value', () => {
    const marks = sweepMarks(view);
    expect(marks).toEqual([
      { lr: 10, variant: 'plain', row: 0 },
      { lr: 100, variant: 'plain', row: 0 },
      { lr: 100, variant: 'bn', row: 1 },
    ]);
    for (const m of marks) expect(Object.keys(m)).not.toContain('v');
  });

  test('the loss axis is set by the runs that did not diverge only: 0 to just above the largest final loss', () => {
    const axis = sweepLossAxis(view);
    expect(axis.domain[0]).toBe(0);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(0.9);
    expect(axis.domain[1]).toBeLessThanOrEqual(1);
  });

  test('when every run diverged there is no loss to scale to: the axis is 0 to 1, and the band holds every run', () => {
    const all = sweepView([{ lr: 1, plain: gone(2), bn: gone(2) }] as SweepPoint[]);
    expect(sweepLossAxis(all).domain).toEqual([0, 1]);
    expect(sweepMarks(all)).toHaveLength(2);
  });

  test('in words, for the chart’s description', () => {
    expect(sweepDivergedText(view)).toBe(' Diverged, marked above the plot: without BN at 10 and 100; with BN at 100.');
    expect(sweepDivergedText(sweepView(points.slice(0, 2)))).toBe('');
  });
});
