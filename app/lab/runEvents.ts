import type { StoreApi } from 'zustand/vanilla';
import type { Divergence, VariantName } from '../../src/train';
import { ghostPassed } from './model/ghost';
import { appendLogs, createRunSeries } from './model/series';
import type { RunUpdates } from './runUpdates';
import type { BoundaryState, ReplayState, RunState, SweepState } from './runStore';
import type { LabEvent } from './worker/messages';

/**
 * What each Worker event does to the run store: the run's events (applyRunEvent) and the sweep's
 * (applySweepEvent), with the decisions that keep redraws rare as pure functions.
 */

type Diverged = Readonly<Record<VariantName, Divergence | null>>;

/** The same object while nothing diverged anew, so views of it do not redraw; else the new one. */
export function keepDiverged(before: Diverged, next: Diverged): Diverged {
  const same = (v: VariantName) => before[v]?.step === next[v]?.step;
  return same('plain') && same('bn') ? before : next;
}

/** A new boundary; a network that diverged (no image) keeps the last boundary it had. */
export function nextBoundary(e: Extract<LabEvent, { type: 'boundary' }>, before: BoundaryState | null): BoundaryState {
  const images = { plain: e.images.plain ?? before?.images.plain ?? null, bn: e.images.bn ?? before?.images.bn ?? null };
  return { step: e.step, resolution: e.resolution, extent: e.extent, images };
}

/** The sweep after a progress event, and whether it is news to show at once (a finished rate, or the end). */
export function nextSweep(e: Extract<LabEvent, { type: 'sweep' }>, before: SweepState): { sweep: SweepState; urgent: boolean } {
  const points = e.points.length === before.points.length ? before.points : e.points;
  const sweep: SweepState = { ...before, phase: e.done ? 'done' : 'running', completedSteps: e.completedSteps, totalSteps: e.totalSteps, points };
  return { sweep, urgent: e.done || points !== before.points };
}

/** A replay under way has ended once the Worker says where the run stands (its first status after a resume). */
export const replayEnded = (replay: ReplayState | null): ReplayState | null => (replay && !replay.done ? { ...replay, done: true } : replay);

/** An event of the current run (the caller drops those of replaced runs). */
export function applyRunEvent(e: LabEvent, updates: RunUpdates, run: StoreApi<RunState>): void {
  switch (e.type) {
    case 'loading':
      return updates.now({ phase: 'loading', loading: e.what });
    case 'ready':
      return updates.now({ phase: 'ready', loading: null, info: e.info, series: createRunSeries(e.info.hidden.length), version: 0, replaced: null });
    case 'metrics': {
      const { series } = run.getState();
      if (!series) return;
      appendLogs(series, e.logs);
      const before = updates.latest('diverged');
      const diverged = keepDiverged(before, e.diverged);
      const passed = ghostPassed(updates.latest('ghost'), e.step);
      // The step counter follows at once (a Pause then shows where the run is, not where it was a
      // quarter second before); the charts' data, a few times a second.
      run.setState({ step: e.step });
      // A new divergence is news: show it at once; so is the end of the ghost.
      return (diverged === before && !passed ? updates.queue : updates.now)({ diverged, version: series.version, ...(passed ? { ghost: null } : {}) });
    }
    case 'boundary':
      return updates.queue({ boundary: nextBoundary(e, updates.latest('boundary')) });
    case 'status':
      return updates.now({ playing: e.playing, step: e.step, stepsPerSecond: e.stepsPerSecond, stopped: e.stopped, replay: replayEnded(updates.latest('replay')) });
    case 'error':
      return updates.now({ phase: 'error', error: e.message, playing: false, replay: null });
  }
}

/** An event of the current sweep. */
export function applySweepEvent(e: LabEvent, updates: RunUpdates): void {
  const sweep = updates.latest('sweep');
  if (e.type === 'error') updates.now({ sweep: { ...sweep, phase: 'error', error: e.message } });
  else if (e.type === 'loading') updates.now({ sweep: { ...sweep, phase: 'loading' } });
  else if (e.type === 'sweep') {
    const next = nextSweep(e, sweep);
    (next.urgent ? updates.now : updates.queue)({ sweep: next.sweep });
  }
}
