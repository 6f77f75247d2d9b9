import { useMemo } from 'react';
import type { BatchNorm } from '../../../src/batchnorm';
import { type RunningStatsTrace, runningStatsTrace } from '../../../src/runningStats';
import { withScaleShift } from './trainEvalView';
import { useAppState } from '../../state/store';

/** Batches the running statistics are shown over. */
export const TRACE_BATCHES = 50;

/**
 * The stream of training batches of section 15, from the store's batch settings, momentum and ε.
 * The statistics do not involve γ and β, so the trace is made with γ = 1, β = 0 and moving them does
 * not recompute it (or re-render its charts): `useTrainedLayer` puts the store's γ and β on its layer.
 */
export function useRunningTrace(): RunningStatsTrace {
  const seed = useAppState((s) => s.seed);
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const momentum = useAppState((s) => s.momentum);
  const eps = useAppState((s) => s.eps);
  return useMemo(() => runningStatsTrace({ seed, m, shift, scale, momentum, eps, batches: TRACE_BATCHES }), [seed, m, shift, scale, momentum, eps]);
}

/** The trace's layer after training, with the store's γ and β: what eval mode applies (sections 14–15). */
export function useTrainedLayer(trace: RunningStatsTrace): BatchNorm {
  const gamma = useAppState((s) => s.gamma);
  const beta = useAppState((s) => s.beta);
  return useMemo(() => withScaleShift(trace.bn, gamma, beta), [trace.bn, gamma, beta]);
}
