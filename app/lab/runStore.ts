import { createStore } from 'zustand/vanilla';
import { useSyncExternalStore } from 'react';
import type { SweepPoint } from '../../src/sweep';
import type { Divergence, VariantName } from '../../src/train';
import type { Ghost } from './model/ghost';
import type { RunSeries } from './model/series';
import type { BoundaryImage, Extent, RunInfo } from './worker/messages';

/**
 * The training lab's live run: what the Worker reported, for the panels to show. Not in the URL (a
 * link reproduces a run by its settings and seed). `series` is mutated in place by the controller;
 * `version` changes with it, so selectors can depend on it.
 */
export interface BoundaryState {
  readonly step: number;
  readonly resolution: number;
  readonly extent: Extent;
  readonly images: Readonly<Record<VariantName, BoundaryImage | null>>;
}

export interface SweepState {
  readonly phase: 'idle' | 'loading' | 'running' | 'done' | 'error';
  readonly rates: readonly number[];
  readonly steps: number;
  readonly completedSteps: number;
  readonly totalSteps: number;
  readonly points: readonly SweepPoint[];
  readonly error: string | null;
}

/** A run resumed at a step (a reload, a link, Back): the Worker replays it there, then it waits, paused. */
export interface ReplayState {
  readonly target: number;
  /** The replay has ended (at its step, or earlier if both networks diverged). */
  readonly done: boolean;
}

export interface RunState {
  readonly phase: 'idle' | 'loading' | 'ready' | 'error';
  /** What is loading (“the Fashion-MNIST subset”), or the error in words. */
  readonly loading: string | null;
  readonly error: string | null;
  readonly info: RunInfo | null;
  readonly playing: boolean;
  readonly step: number;
  readonly stopped: 'both-diverged' | 'step-limit' | null;
  readonly stepsPerSecond: Readonly<Record<VariantName, number>>;
  readonly diverged: Readonly<Record<VariantName, Divergence | null>>;
  readonly series: RunSeries | null;
  readonly version: number;
  readonly boundary: BoundaryState | null;
  readonly sweep: SweepState;
  /** The previous run, drawn faint on the charts (see model/ghost.ts), or null. */
  readonly ghost: Ghost | null;
  readonly replay: ReplayState | null;
  /**
   * While a new run loads (no `info` yet), the info of the run it replaced: panels keep their layout
   * from it (see `layoutInfo`) instead of unmounting their charts and mounting them again when the
   * new run is ready — two long renders per preset. Null once the new run is ready.
   */
  readonly replaced: RunInfo | null;
}

export const IDLE_SWEEP: SweepState = { phase: 'idle', rates: [], steps: 0, completedSteps: 0, totalSteps: 0, points: [], error: null };

export const INITIAL_RUN: RunState = {
  phase: 'idle',
  loading: null,
  error: null,
  info: null,
  playing: false,
  step: 0,
  stopped: null,
  stepsPerSecond: { plain: 0, bn: 0 },
  diverged: { plain: null, bn: null },
  series: null,
  version: 0,
  boundary: null,
  sweep: IDLE_SWEEP,
  ghost: null,
  replay: null,
  replaced: null,
};

/**
 * The info that decides a panel's layout (how many hidden layers, whether the data is 2-D): the run's,
 * or while a new run loads, the replaced run's. Only for layout: what a panel draws comes from the
 * run itself (its series and boundary are empty until it is ready).
 */
export const layoutInfo = (s: RunState): RunInfo | null => s.info ?? (s.phase === 'loading' ? s.replaced : null);

export const runStore = createStore<RunState>()(() => INITIAL_RUN);

/** What `selector` picks of the run, as zustand's useStore, but on the server too: the build's pre-render draws the run the store holds (picture.ts), not its initial state. */
export function useRun<T>(selector: (s: RunState) => T): T {
  const picked = () => selector(runStore.getState());
  return useSyncExternalStore(runStore.subscribe, picked, picked);
}
