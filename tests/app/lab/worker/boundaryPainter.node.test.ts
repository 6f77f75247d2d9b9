import { describe, expect, test } from 'vitest';
import { createExperiment, stepComparison } from '../../../../src';
import { createBoundaryProbe } from '../../../../app/lab/worker/boundary';
import { BOUNDARY_COST_FACTOR, BOUNDARY_EVERY_MS, boundaryDue, boundaryGap, createBoundaryPainter } from '../../../../app/lab/worker/boundaryPainter';
import type { LabEvent } from '../../../../app/lab/worker/messages';

describe('when the boundary is redrawn while playing', () => {
  test.each([
    // cost of the last boundary (ms) → ms of training before the next
    [0, BOUNDARY_EVERY_MS],
    [40, BOUNDARY_EVERY_MS],
    [50, BOUNDARY_EVERY_MS], // 5 × 50 = 250: the two rules meet
    [60, BOUNDARY_COST_FACTOR * 60],
    [300, 1500],
  ])('boundaryGap(%s) = %s', (cost, want) => expect(boundaryGap(cost)).toBe(want));

  test.each([
    // clock, last finished at, its cost → due?
    [1249, 1000, 0, false],
    [1250, 1000, 0, true],
    [2499, 1000, 300, false],
    [2500, 1000, 300, true],
  ])('at %s ms, after one finished at %s ms that took %s ms → %s', (t, at, cost, want) => {
    expect(boundaryDue(t, { at, cost })).toBe(want);
  });
});

describe('createBoundaryPainter', () => {
  const setup = (withProbe: boolean) => {
    let t = 0;
    const events: LabEvent[] = [];
    const c = createExperiment({ seed: 3 }).comparison;
    const probe = withProbe ? createBoundaryProbe({ x0: -1, x1: 1, y0: -1, y1: 1 }, 4) : null;
    const painter = createBoundaryPainter(8, c, probe, (e) => {
      events.push(e);
      t += 70; // drawing "takes" 70 ms
    }, () => t);
    return { c, events, painter, clock: { at: (ms: number) => (t = ms) } };
  };

  test('one boundary per step, timed: the next is due boundaryGap(its cost) after it finished', () => {
    const { c, events, painter, clock } = setup(true);
    clock.at(1000);
    painter.paint();
    painter.paint(); // same step: not drawn again
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'boundary', runId: 8, step: 0, resolution: 4 });
    // Finished at 1070 after 70 ms: 350 ms of training before the next.
    expect(painter.due(1070 + 5 * 70 - 1)).toBe(false);
    expect(painter.due(1070 + 5 * 70)).toBe(true);
    stepComparison(c, 2);
    painter.paint();
    expect(events.map((e) => (e.type === 'boundary' ? e.step : null))).toEqual([0, 2]);
  });

  test('without a probe (Fashion-MNIST) nothing is drawn, and one is due every BOUNDARY_EVERY_MS', () => {
    const { events, painter, clock } = setup(false);
    clock.at(500);
    painter.paint();
    expect(events).toEqual([]);
    expect(painter.due(500 + BOUNDARY_EVERY_MS - 1)).toBe(false);
    expect(painter.due(500 + BOUNDARY_EVERY_MS)).toBe(true);
  });
});
