import { useMemo } from 'react';
import { batchNormSteps, type BatchNormSteps } from '../../../src/bnSteps';
import { EngineError } from '../../../src/errors';
import { useAppState } from '../../state/store';
import { useMiniBatch } from '../../state/useMiniBatch';

export interface BatchStepsResult {
  /** The shared mini-batch z (length m). */
  z: Float64Array;
  /** Every step of BN on z with the store's ε, γ, β; null when the engine refused (see `error`). */
  steps: BatchNormSteps | null;
  /** The engine's message when it refused (e.g. m = 1 in training mode). */
  error: string | null;
}

function useSteps(affine: boolean): BatchStepsResult {
  const z = useMiniBatch();
  const eps = useAppState((s) => s.eps);
  // Without the affine step the selectors return constants, so moving γ or β does not re-render.
  const gamma = useAppState((s) => (affine ? s.gamma : 1));
  const beta = useAppState((s) => (affine ? s.beta : 0));
  return useMemo(() => {
    try {
      return { z, steps: batchNormSteps(z, { eps, gamma, beta }), error: null };
    } catch (e) {
      if (e instanceof EngineError) return { z, steps: null, error: e.message };
      throw e;
    }
  }, [z, eps, gamma, beta]);
}

/** The engine's batch-norm steps for the shared mini-batch, recomputed when any control changes. */
export function useBatchSteps(): BatchStepsResult {
  return useSteps(true);
}

/**
 * The steps up to Zₙₒᵣₘ (μ, z − μ, σ², √(σ² + ε), Zₙₒᵣₘ), for sections that show nothing after it:
 * computed with γ = 1 and β = 0 (so `y` is Zₙₒᵣₘ and `gamma`/`beta` are not the store's), and not
 * re-rendered when γ or β moves.
 */
export function useBatchStatistics(): BatchStepsResult {
  return useSteps(false);
}
