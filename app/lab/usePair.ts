import { useMemo } from 'react';
import { DEFAULT_GROUPS, DEFAULT_NORMS } from '../../src/choices';
import { type Pair, pairOf } from './model/pair';
import { useRun } from './runStore';

/**
 * The two networks of the run on screen, with their names (model/pair.ts), from the settings the
 * Worker used: without and with BN until a run says otherwise. One object per pair, so views that
 * depend on it recompute only when the pair changes.
 */
export function usePair(): Pair {
  const a = useRun((s) => s.info?.settings?.norms?.[0] ?? DEFAULT_NORMS[0]);
  const b = useRun((s) => s.info?.settings?.norms?.[1] ?? DEFAULT_NORMS[1]);
  const groups = useRun((s) => s.info?.settings?.groups ?? DEFAULT_GROUPS);
  return useMemo(() => pairOf([a, b], groups), [a, b, groups]);
}
