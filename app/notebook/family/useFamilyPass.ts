import { useState } from 'react';
import type { FashionSubset } from '../../../src/fashion';
import { useAppState } from '../../state/store';
import { errorMessage } from '../../worker/errorMessage';
import { useFashion } from '../images/useImagesPass';
import { within } from '../images/imagesView';
import type { ChunkedTask } from '../shared/chunkedTask';
import { useChunkedTask } from '../shared/useChunkedTask';
import { FAMILY_C, FAMILY_N, type FamilyBase, type FamilyPass, familyBaseSteps, familyPassSteps } from './familyView';

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

/** A generator's work, a piece per step; its view is null until it is done, then its result or what it threw. */
function stepsTask<T>(steps: Generator<void, T>): ChunkedTask<Result<T> | null> {
  let result: Result<T> | null = null;
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

/** The last finished view of a chunked task: a new one replaces it once it is done (until then the section shows the last). */
function useKept<T>(view: T | null): T | null {
  const [kept, setKept] = useState<T | null>(null);
  if (view && view !== kept) setKept(view);
  return view ?? kept;
}

/**
 * The seed's base (familyBase, the bulk of the engine's work), in slices of at most about SLICE_MS between
 * frames once the images are here (issue 15: in one task, 45–75 ms while the reader scrolled past). A new seed's
 * base is computed the same way; until it is done the section keeps showing the last one (its pass says its seed).
 */
function useFamilyBase(subset: FashionSubset | null, seed: number): Result<FamilyBase> | null {
  const { view } = useChunkedTask(() => stepsTask(familyBaseSteps((subset as FashionSubset).train, (subset as FashionSubset).imageRows, seed)), [subset, seed], subset !== null, SLICE_MS);
  return useKept(view);
}

const SLICE_MS = 12;

/** The section's engine pass for the store's settings, once the Fashion-MNIST images are here (the lab's file and cache). */
export function useFamilyPass(near: boolean): { load: FamilyLoad; retry: () => void } {
  const { subset, error, retry } = useFashion(near);
  const norm = useAppState((s) => s.famNorm);
  const groups = useAppState((s) => s.famGroups);
  const channel = within(useAppState((s) => s.famChannel), FAMILY_C);
  const swap = Math.max(1, within(useAppState((s) => s.famSwap), FAMILY_N));
  const base = useFamilyBase(subset, useAppState((s) => s.famSeed));
  // The settings' pass in slices too (in one render it was a task of 58 ms); the last one stays on screen meanwhile.
  const ready = base !== null && 'value' in base ? base.value : null;
  const { view } = useChunkedTask(() => stepsTask(familyPassSteps(ready as FamilyBase, { norm, groups, channel, swap })), [ready, norm, groups, channel, swap], ready !== null, SLICE_MS);
  const pass = useKept(view);
  const computed = base && 'message' in base ? base : pass;
  if (error) return { load: { status: 'error', message: error }, retry };
  if (!near) return { load: { status: 'waiting' }, retry };
  if (!computed) return { load: { status: 'loading' }, retry };
  if ('message' in computed) return { load: { status: 'refused', message: computed.message }, retry };
  return { load: { status: 'ready', pass: computed.value }, retry };
}
