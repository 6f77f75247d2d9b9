import { describe, expect, test } from 'vitest';
import { keepDiverged, nextBoundary, nextSweep } from '../../../app/lab/runEvents';
import { IDLE_SWEEP, type BoundaryState } from '../../../app/lab/runStore';
import type { BoundaryImage, LabEvent } from '../../../app/lab/worker/messages';

const d = (step: number) => ({ step, reason: 'the training loss 31.6 exceeded 20' });

describe('keepDiverged: the same object unless a network diverged anew (views of it then need not redraw)', () => {
  const none = { plain: null, bn: null };
  test.each([
    ['nothing, then nothing', none, { plain: null, bn: null }, 'before'],
    ['plain at 10, then plain at 10 (a new object)', { plain: d(10), bn: null }, { plain: d(10), bn: null }, 'before'],
    ['nothing, then plain at 10', none, { plain: d(10), bn: null }, 'next'],
    ['plain at 10, then both', { plain: d(10), bn: null }, { plain: d(10), bn: d(40) }, 'next'],
    ['plain at 10, then nothing (a new run)', { plain: d(10), bn: null }, none, 'next'],
  ] as const)('%s → %s', (_name, before, next, want) => {
    expect(keepDiverged(before, next)).toBe(want === 'before' ? before : next);
  });
});

describe('nextBoundary: a diverged network keeps its last boundary', () => {
  const img = (k: number): BoundaryImage => ({ classes: Uint8Array.of(k), confidence: Uint8Array.of(255) });
  const extent = { x0: -1, x1: 1, y0: -1, y1: 1 };
  const event = (step: number, plain: BoundaryImage | null, bn: BoundaryImage | null): Extract<LabEvent, { type: 'boundary' }> => ({ type: 'boundary', runId: 1, step, resolution: 1, extent, images: { plain, bn } });
  const a = img(0), b = img(1), c = img(2);
  const before: BoundaryState = { step: 10, resolution: 1, extent, images: { plain: a, bn: b } };
  test.each([
    ['both drawn', event(20, c, c), null, { plain: c, bn: c }],
    ['plain diverged: it keeps its last', event(20, null, c), before, { plain: a, bn: c }],
    ['both diverged', event(20, null, null), before, { plain: a, bn: b }],
    ['plain diverged before any boundary', event(20, null, c), null, { plain: null, bn: c }],
  ] as const)('%s', (_name, e, prev, images) => {
    expect(nextBoundary(e, prev)).toEqual({ step: 20, resolution: 1, extent, images });
  });
});

describe('nextSweep: progress is gathered; a finished rate or the end is news', () => {
  const point = (lr: number) => ({ lr, plain: { finalLoss: 1, diverged: null }, bn: { finalLoss: 1, diverged: null } }) as never;
  const running = { ...IDLE_SWEEP, phase: 'running' as const, points: [point(0.1)] };
  const event = (done: boolean, points: unknown[]): Extract<LabEvent, { type: 'sweep' }> => ({ type: 'sweep', runId: 1, done, completedSteps: 50, totalSteps: 100, points: points as never });
  test.each([
    ['more steps of the same rate', event(false, [point(0.1)]), 'running', false, 'kept'],
    ['a rate finished', event(false, [point(0.1), point(0.3)]), 'running', true, 'new'],
    ['the end', event(true, [point(0.1)]), 'done', true, 'kept'],
  ] as const)('%s → %s, shown at once: %s; points %s', (_name, e, phase, urgent, points) => {
    const next = nextSweep(e, running);
    expect(next.urgent).toBe(urgent);
    expect(next.sweep).toMatchObject({ phase, completedSteps: 50, totalSteps: 100 });
    if (points === 'kept') expect(next.sweep.points).toBe(running.points);
    else expect(next.sweep.points).toBe(e.points);
  });
});
