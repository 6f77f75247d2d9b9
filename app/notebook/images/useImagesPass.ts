import { useEffect, useMemo, useState } from 'react';
import type { FashionSubset } from '../../../src/fashion';
import { loadFashionCached } from '../../lab/loadFashion';
import { useAppState } from '../../state/store';
import { type ImagesPass, imagesPass, within } from './imagesView';

export type ImagesLoad =
  | { status: 'waiting' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; pass: ImagesPass; channel: number; sample: number }
  | { status: 'refused'; message: string };

/** The Fashion-MNIST subset, fetched once `near` (the lab's file and cache: one download for both). */
export function useFashion(near: boolean): { subset: FashionSubset | null; error: string | null; retry: () => void } {
  const [subset, setSubset] = useState<FashionSubset | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!near || subset) return;
    let live = true;
    loadFashionCached().then(
      (s) => live && setSubset(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [near, subset, attempt]);
  return {
    subset,
    error,
    retry: () => {
      setError(null);
      setAttempt((a) => a + 1);
    },
  };
}

/** The section's engine pass for the store's settings (recomputed when they change), once the images are here. */
export function useImagesPass(near: boolean): { load: ImagesLoad; retry: () => void } {
  const { subset, error, retry } = useFashion(near);
  const n = useAppState((s) => s.imgN);
  const c = useAppState((s) => s.imgC);
  const k = useAppState((s) => s.imgK);
  const seed = useAppState((s) => s.imgSeed);
  const gamma = useAppState((s) => s.imgGamma);
  const beta = useAppState((s) => s.imgBeta);
  const channel = useAppState((s) => s.imgChannel);
  const sample = useAppState((s) => s.imgSample);
  const computed = useMemo((): { pass: ImagesPass } | { message: string } | null => {
    if (!subset) return null;
    try {
      return { pass: imagesPass(subset.train, subset.imageRows, { n, c, k, seed, gamma, beta }) };
    } catch (e) {
      return { message: e instanceof Error ? e.message : String(e) };
    }
  }, [subset, n, c, k, seed, gamma, beta]);
  let load: ImagesLoad;
  if (error) load = { status: 'error', message: error };
  else if (!near) load = { status: 'waiting' };
  else if (!computed) load = { status: 'loading' };
  else if ('message' in computed) load = { status: 'refused', message: computed.message };
  else load = { status: 'ready', pass: computed.pass, channel: within(channel, computed.pass.z.shape[1]), sample: within(sample, computed.pass.z.shape[0]) };
  return { load, retry };
}
