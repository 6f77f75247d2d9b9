import { useMemo, useState } from 'react';
import type { FashionSubset } from '../../../src/fashion';
import { useAppState } from '../../state/store';
import { errorMessage } from '../../worker/errorMessage';
import { useFashion } from '../images/useImagesPass';
import { within } from '../images/imagesView';
import type { ChunkedTask } from '../shared/chunkedTask';
import { useChunkedTask } from '../shared/useChunkedTask';
import { FAMILY_C, FAMILY_N, type FamilyBase, type FamilyPass, familyBaseSteps, familyPass } from './familyView';

export type FamilyLoad =
  | { status: 'waiting' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; pass: FamilyPass }
  | { status: 'refused'; message: string };

type Result<T> = { value: T } | { message: string };

function attempt<T>(f: () => T): Result<T> {
  try {
    return { value: f() };
  } catch (e) {
    return { message: errorMessage(e) };
  }
}

/** The seed's base, computed a piece per step (familyBaseSteps); its view is null until it is done. */
function baseTask(subset: FashionSubset, seed: number): ChunkedTask<Result<FamilyBase> | null> {
  const steps = familyBaseSteps(subset.train, subset.imageRows, seed);
  let result: Result<FamilyBase> | null = null;
  return {
    step() {
      const r = attempt(() => steps.next());
      if ('message' in r) result = r;
      else if (r.value.done) result = { value: r.value.value };
      return result !== null;
    },
    view: () => result,
  };
}

/**
 * The seed's base (familyBase, the bulk of the engine's work), in slices of at most about BASE_SLICE_MS between
 * frames once the images are here (issue 15: in one task, 45–75 ms while the reader scrolled past). A new seed's
 * base is computed the same way; until it is done the section keeps showing the last one (its pass says its seed).
 */
function useFamilyBase(subset: FashionSubset | null, seed: number): Result<FamilyBase> | null {
  const { view } = useChunkedTask(() => baseTask(subset as FashionSubset, seed), [subset, seed], subset !== null, BASE_SLICE_MS);
  const [kept, setKept] = useState<Result<FamilyBase> | null>(null);
  if (view && view !== kept) setKept(view);
  return view ?? kept;
}

const BASE_SLICE_MS = 12;

/** The section's engine pass for the store's settings, once the Fashion-MNIST images are here (the lab's file and cache). */
export function useFamilyPass(near: boolean): { load: FamilyLoad; retry: () => void } {
  const { subset, error, retry } = useFashion(near);
  const norm = useAppState((s) => s.famNorm);
  const groups = useAppState((s) => s.famGroups);
  const channel = within(useAppState((s) => s.famChannel), FAMILY_C);
  const swap = Math.max(1, within(useAppState((s) => s.famSwap), FAMILY_N));
  const base = useFamilyBase(subset, useAppState((s) => s.famSeed));
  const computed = useMemo((): Result<FamilyPass> | null => {
    if (!base || 'message' in base) return base;
    return attempt(() => familyPass(base.value, { norm, groups, channel, swap }));
  }, [base, norm, groups, channel, swap]);
  if (error) return { load: { status: 'error', message: error }, retry };
  if (!near) return { load: { status: 'waiting' }, retry };
  if (!computed) return { load: { status: 'loading' }, retry };
  if ('message' in computed) return { load: { status: 'refused', message: computed.message }, retry };
  return { load: { status: 'ready', pass: computed.value }, retry };
}
