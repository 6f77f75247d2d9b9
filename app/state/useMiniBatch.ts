import { useMemo } from 'react';
import { sampleMiniBatch } from '../../src/minibatch';
import { useAppState } from './store';

/**
 * The shared mini-batch z (one neuron, m samples): drawn by the engine from the store's seed,
 * then with the reader's dragged points put in place.
 */
export function useMiniBatch(): Float64Array {
  const seed = useAppState((s) => s.seed);
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const overrides = useAppState((s) => s.overrides);
  return useMemo(() => {
    const z = sampleMiniBatch(seed, m, shift, scale);
    for (const [i, v] of Object.entries(overrides)) {
      const idx = Number(i);
      if (idx >= 0 && idx < m) z[idx] = v;
    }
    return z;
  }, [seed, m, shift, scale, overrides]);
}
