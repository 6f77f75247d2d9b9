import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type EffectiveLrRun, stepEffectiveLrRun } from '../../../src/effectiveLrRun';
import { WD_EPS } from '../../state/slices/beyond';
import { useAppState } from '../../state/store';
import { useNearViewport } from '../shared/useNearViewport';
import { type WdSettings, createWdRun } from './wdView';

/** Steps per second while playing: 3,000 steps in about 4 s, slow enough to watch ‖W‖ move. */
export const WD_STEPS_PER_SECOND = 750;
/** Longest slice of training on the main thread (a frame is 16 ms; the page must stay responsive). */
export const WD_BUDGET_MS = 6;
/** Shortest time between two redraws while playing: drawing costs more than training. */
const REDRAW_MS = 250;

export interface WdRunState {
  /** The run (mutated as it trains: read it when `version` changes). */
  readonly run: EffectiveLrRun;
  /** Changes at each redraw. */
  readonly version: number;
  /** `version`, held still while playing: for the read-outs that typeset numbers (costly to redraw 4 times a second). */
  readonly stillVersion: number;
  readonly playing: boolean;
  readonly settings: WdSettings;
  play(): void;
  pause(): void;
  /** Back to step 0, paused. */
  reset(): void;
}

/** The store's settings for the run. */
export function useWdSettings(): WdSettings {
  const weightDecay = useAppState((s) => s.wdDecay);
  const lr = useAppState((s) => s.wdLr);
  const eps = WD_EPS[useAppState((s) => s.wdEps)];
  const steps = useAppState((s) => s.wdSteps);
  return useMemo(() => ({ weightDecay, lr, eps, steps }), [weightDecay, lr, eps, steps]);
}

/**
 * The weight-decay run of the store's settings, trained on the main thread in slices of at most
 * WD_BUDGET_MS at WD_STEPS_PER_SECOND. It starts playing once the section nears the viewport; a
 * changed setting starts a new run (playing if the old one was). Returns the ref of the element whose
 * nearness starts it, and the run with its controls.
 */
export function useWdRun<T extends Element>(): [ReturnType<typeof useNearViewport<T>>[0], WdRunState] {
  const [ref, near] = useNearViewport<T>();
  const settings = useWdSettings();
  // A reset is a new run of the same settings: the run is deterministic, so it replays exactly.
  const [resets, setResets] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useMemo(() => createWdRun(settings), [settings, resets]);
  const [version, setVersion] = useState(0);
  const [playing, setPlaying] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (near && !started.current) {
      started.current = true;
      setPlaying(true);
    }
  }, [near]);
  useEffect(() => {
    if (!playing) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = performance.now(), owed = 0, drawn = -Infinity;
    const slice = () => {
      const t0 = performance.now();
      owed += ((t0 - last) / 1000) * WD_STEPS_PER_SECOND;
      last = t0;
      while (owed >= 1 && run.step < run.options.steps && performance.now() - t0 < WD_BUDGET_MS) owed -= stepEffectiveLrRun(run, 1);
      const done = run.step >= run.options.steps;
      if (done || t0 - drawn >= REDRAW_MS) {
        drawn = t0;
        setVersion((v) => v + 1);
      }
      if (done) setPlaying(false);
      else timer = setTimeout(slice, 16);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [playing, run]);
  // The version the read-outs hold while playing: the one they were drawn at when it started.
  const [held, setHeld] = useState(0);
  const play = useCallback(() => {
    setHeld(version);
    setPlaying(run.step < run.options.steps);
  }, [run, version]);
  const pause = useCallback(() => setPlaying(false), []);
  const reset = useCallback(() => {
    setPlaying(false);
    setResets((r) => r + 1);
  }, []);
  // While playing, the read-outs keep the step they were drawn at when it started; they catch up when the run pauses or ends.
  return [ref, { run, version, stillVersion: playing ? held : version, playing, settings, play, pause, reset }];
}
