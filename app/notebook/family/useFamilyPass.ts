import { useEffect, useMemo, useState } from 'react';
import type { FashionSubset } from '../../../src/fashion';
import { useAppState } from '../../state/store';
import { errorMessage } from '../../worker/errorMessage';
import { useFashion } from '../images/useImagesPass';
import { within } from '../images/imagesView';
import { FAMILY_C, FAMILY_N, type FamilyBase, type FamilyPass, familyBase, familyPass } from './familyView';

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

/**
 * The seed's base (familyBase, the bulk of the engine's work): the first one in a task of its own once the images
 * are here, not in the render that makes the section live (issue 15); a new seed's in the render that answers it.
 */
function useFamilyBase(subset: FashionSubset | null, seed: number): Result<FamilyBase> | null {
  const [first, setFirst] = useState<{ subset: FashionSubset; seed: number; base: Result<FamilyBase> } | null>(null);
  useEffect(() => {
    if (!subset || first?.subset === subset) return;
    const timer = window.setTimeout(() => setFirst({ subset, seed, base: attempt(() => familyBase(subset.train, subset.imageRows, seed)) }), 0);
    return () => window.clearTimeout(timer);
  }, [subset, seed, first]);
  return useMemo(() => {
    if (!subset || first?.subset !== subset) return null;
    return first.seed === seed ? first.base : attempt(() => familyBase(subset.train, subset.imageRows, seed));
  }, [subset, seed, first]);
}

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
