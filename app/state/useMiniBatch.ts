import { useMemo } from 'react';
import { sampleMiniBatch } from '../../src';
import { useAppState } from './store';

/** The shared mini-batch z (one neuron, m samples), drawn by the engine from the store's seed. */
export function useMiniBatch(): Float64Array {
  const seed = useAppState((s) => s.seed);
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  return useMemo(() => sampleMiniBatch(seed, m, shift, scale), [seed, m, shift, scale]);
}
