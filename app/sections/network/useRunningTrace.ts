import { useMemo } from 'react';
import { type RunningStatsTrace, runningStatsTrace } from '../../../src';
import { useAppState } from '../../state/store';

/** Batches the running statistics are shown over. */
export const TRACE_BATCHES = 50;

/** The stream of training batches of section 15, from the store's batch settings, momentum and ε. */
export function useRunningTrace(): RunningStatsTrace {
  const seed = useAppState((s) => s.seed);
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const momentum = useAppState((s) => s.momentum);
  const eps = useAppState((s) => s.eps);
  const gamma = useAppState((s) => s.gamma);
  const beta = useAppState((s) => s.beta);
  return useMemo(
    () => runningStatsTrace({ seed, m, shift, scale, momentum, eps, gamma, beta, batches: TRACE_BATCHES }),
    [seed, m, shift, scale, momentum, eps, gamma, beta],
  );
}
