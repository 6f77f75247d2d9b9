import { useMemo } from 'react';
import { batchNormSteps, EngineError, type BatchNormSteps } from '../../src';
import { useAppState } from '../state/store';
import { useMiniBatch } from '../state/useMiniBatch';

export interface BatchStepsResult {
  /** The shared mini-batch z (length m). */
  z: Float64Array;
  /** Every step of BN on z with the store's ε, γ, β; null when the engine refused (see `error`). */
  steps: BatchNormSteps | null;
  /** The engine's message when it refused (e.g. m = 1 in training mode). */
  error: string | null;
}

/** The engine's batch-norm steps for the shared mini-batch, recomputed when any control changes. */
export function useBatchSteps(): BatchStepsResult {
  const z = useMiniBatch();
  const eps = useAppState((s) => s.eps);
  const gamma = useAppState((s) => s.gamma);
  const beta = useAppState((s) => s.beta);
  return useMemo(() => {
    try {
      return { z, steps: batchNormSteps(z, { eps, gamma, beta }), error: null };
    } catch (e) {
      if (e instanceof EngineError) return { z, steps: null, error: e.message };
      throw e;
    }
  }, [z, eps, gamma, beta]);
}
