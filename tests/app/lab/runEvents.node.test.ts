import { afterEach, describe, expect, test, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { applyRunEvent, keepDiverged, nextBoundary, nextSweep, replayEnded } from '../../../app/lab/runEvents';
import { FLUSH_MS, createRunUpdates } from '../../../app/lab/runUpdates';
import { INITIAL_RUN, IDLE_SWEEP, type BoundaryState, type RunState } from '../../../app/lab/runStore';
import type { Ghost } from '../../../app/lab/model/ghost';
import { createRunSeries } from '../../../app/lab/model/series';
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

describe('applyRunEvent: the step at once, the charts’ data a few times a second, the ghost until it is passed', () => {
  const noLogs = { plain: [], bn: [] };
  const metrics = (step: number): LabEvent => ({ type: 'metrics', runId: 1, step, logs: noLogs, diverged: { plain: null, bn: null } });
  const status = (step: number): LabEvent => ({ type: 'status', runId: 1, playing: false, step, stepsPerSecond: { plain: 0, bn: 0 }, stopped: null });
  function harness(patch: Partial<RunState>) {
    vi.useFakeTimers();
    const run = createStore<RunState>()(() => ({ ...INITIAL_RUN, phase: 'ready', series: createRunSeries(2), ...patch }));
    return { run, updates: createRunUpdates(run) };
  }
  const ghost = { step: 100 } as Ghost;
  afterEach(() => vi.useRealTimers());

  test('the counter follows each metrics event at once (Pause shows where the run is); the data’s version waits for the flush', () => {
    const { run, updates } = harness({});
    applyRunEvent(metrics(40), updates, run);
    expect(run.getState()).toMatchObject({ step: 40, version: 0 });
    vi.advanceTimersByTime(FLUSH_MS);
    expect(run.getState().version).toBe(1);
  });

  test('the ghost stays up to its step and goes at once when the run passes it', () => {
    const { run, updates } = harness({ ghost });
    applyRunEvent(metrics(100), updates, run);
    vi.advanceTimersByTime(FLUSH_MS);
    expect(run.getState().ghost).toBe(ghost);
    applyRunEvent(metrics(101), updates, run);
    expect(run.getState().ghost).toBeNull();
  });

  test('the first status after a resume ends the replay (kept, done, for the words); an error drops it', () => {
    expect(replayEnded(null)).toBeNull();
    const done = { target: 300, done: true };
    expect(replayEnded(done)).toBe(done);
    const { run, updates } = harness({ replay: { target: 300, done: false } });
    applyRunEvent(metrics(300), updates, run);
    expect(run.getState().replay).toEqual({ target: 300, done: false });
    applyRunEvent(status(300), updates, run);
    expect(run.getState()).toMatchObject({ step: 300, playing: false, replay: { target: 300, done: true } });
    applyRunEvent({ type: 'error', runId: 1, job: 'run', message: 'no' }, updates, run);
    expect(run.getState().replay).toBeNull();
  });
});
