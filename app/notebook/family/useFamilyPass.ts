import { useMemo } from 'react';
import { useAppState } from '../../state/store';
import { useFashion } from '../images/useImagesPass';
import { within } from '../images/imagesView';
import { FAMILY_C, FAMILY_N, type FamilyPass, familyPass } from './familyView';

export type FamilyLoad =
  | { status: 'waiting' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; pass: FamilyPass }
  | { status: 'refused'; message: string };

/** The section's engine pass for the store's settings, once the Fashion-MNIST images are here (the lab's file and cache). */
export function useFamilyPass(near: boolean): { load: FamilyLoad; retry: () => void } {
  const { subset, error, retry } = useFashion(near);
  const norm = useAppState((s) => s.famNorm);
  const groups = useAppState((s) => s.famGroups);
  const channel = within(useAppState((s) => s.famChannel), FAMILY_C);
  const swap = Math.max(1, within(useAppState((s) => s.famSwap), FAMILY_N));
  const seed = useAppState((s) => s.famSeed);
  const computed = useMemo((): { pass: FamilyPass } | { message: string } | null => {
    if (!subset) return null;
    try {
      return { pass: familyPass(subset.train, subset.imageRows, { norm, groups, channel, swap, seed }) };
    } catch (e) {
      return { message: e instanceof Error ? e.message : String(e) };
    }
  }, [subset, norm, groups, channel, swap, seed]);
  if (error) return { load: { status: 'error', message: error }, retry };
  if (!near) return { load: { status: 'waiting' }, retry };
  if (!computed) return { load: { status: 'loading' }, retry };
  if ('message' in computed) return { load: { status: 'refused', message: computed.message }, retry };
  return { load: { status: 'ready', pass: computed.pass }, retry };
}
