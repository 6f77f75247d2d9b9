import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BatchSizeData } from '../../state/slices/batchSize';
import { useAppState } from '../../state/store';
import { bsControl, bsStore } from './bsControl';
import { type BsSettings, bsSettingsOf } from './bsView';

const pick = (s: BatchSizeData): BatchSizeData => ({ bsBn: s.bsBn, bsGn: s.bsGn, bsLn: s.bsLn, bsMin: s.bsMin, bsMax: s.bsMax, bsEpochs: s.bsEpochs, bsSeed: s.bsSeed, bsGroups: s.bsGroups });

/** The store's batch-size data (re-rendering only when one of them changes). */
export const useBsData = (): BatchSizeData => useAppState(useShallow(pick));

/** The sweep's settings, from the store. */
export function useBsSettings(): BsSettings {
  const d = useBsData();
  return useMemo(() => bsSettingsOf(d), [d]);
}

let started = false;

/**
 * Starts the sweep once per page, the first time the presentation step comes near the viewport and
 * nothing has run yet, so a fresh deck shows its points filling in. (The notebook's section waits for
 * Run: scrolling past it costs no CPU.) After that, Run, Pause, Resume and Reset are the reader's.
 */
export function useBsAutostart(near: boolean): void {
  useEffect(() => {
    if (!near || started) return;
    started = true;
    if (bsStore.getState().phase === 'idle') bsControl().run();
  }, [near]);
}

/** For tests: the next view near the viewport starts the sweep again. */
export function resetBsAutostart(): void {
  started = false;
}
