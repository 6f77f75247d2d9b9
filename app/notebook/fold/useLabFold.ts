import { useCallback, useEffect, useRef, useState } from 'react';
import { labController } from '../../lab/controller';
import { useRun } from '../../lab/runStore';
import { usePair } from '../../lab/usePair';
import { bnVariantOf } from '../../lab/model/pair';
import type { LabSnapshot } from '../../lab/worker/messages';
import { useChunkedTask } from '../shared/useChunkedTask';
import { type FoldView, foldTask } from './foldView';

/** Steps the section's button trains the lab for, when it has not trained yet: fewer for the CNN, whose step costs ~20 of the 2-D MLP's. */
export const FOLD_TRAIN_STEPS = { mlp: 500, cnn: 100 } as const;
/** Longest slice of the fold's checks on the main thread (ms). */
const FOLD_BUDGET_MS = 6;

export interface LabFold {
  /** The lab's BN network as last asked for (null: not asked yet, or the lab is loading). */
  readonly snapshot: LabSnapshot | null;
  readonly asking: boolean;
  /** The lab's run: its phase and step now (it may have moved on since the snapshot). */
  readonly labPhase: string;
  readonly labStep: number;
  /** The step the lab is replaying to (a link or reload with lab-step), while it replays; else null. */
  readonly replayingTo: number | null;
  readonly view: FoldView | null;
  readonly done: boolean;
  /** The lab's two networks when neither has BN (“with LayerNorm and with GroupNorm”): nothing to fold; else null. */
  readonly noBn: string | null;
  /** Takes a new snapshot of the lab's network (and folds it). */
  refold(): void;
  /** Trains the lab FOLD_TRAIN_STEPS steps (of its network's kind) with its current settings, then folds. */
  train(): void;
}

/**
 * The training lab's BN network, asked of the lab's Worker once `start` is true and the lab's run is
 * ready, then folded and checked in slices of at most 6 ms (foldView.ts).
 */
export function useLabFold(start: boolean): LabFold {
  const labPhase = useRun((s) => s.phase);
  const labStep = useRun((s) => s.step);
  // The lab may compare two other normalizations: with no BN network there is nothing to fold, and nothing is asked.
  const pair = usePair();
  const noBn = bnVariantOf(pair.norms) === null ? `${pair.phrase.plain} and ${pair.phrase.bn}` : null;
  // A link with lab-step replays the run there first: fold what it reaches, not a step on the way.
  const replayingTo = useRun((s) => (s.replay && !s.replay.done ? s.replay.target : null));
  const [snapshot, setSnapshot] = useState<LabSnapshot | null>(null);
  const [asking, setAsking] = useState(false);
  const pending = useRef(false);
  const ask = useCallback(() => {
    if (pending.current) return;
    pending.current = true;
    void labController()
      .snapshot()
      .then((s) => {
        pending.current = false;
        setAsking(false);
        setSnapshot(s);
      });
  }, []);
  const refold = useCallback(() => {
    setAsking(true);
    ask();
  }, [ask]);
  // The lab's controller (and its Worker) starts on first use: here, if the lab section has not been reached.
  useEffect(() => {
    if (start) labController();
  }, [start]);
  useEffect(() => {
    if (start && labPhase === 'ready' && replayingTo === null && snapshot === null && noBn === null) ask();
  }, [start, labPhase, replayingTo, snapshot, ask, noBn]);
  const kind = snapshot?.kind ?? 'mlp';
  const train = useCallback(() => {
    // The Worker answers in order: the snapshot is taken after the steps.
    labController().step(FOLD_TRAIN_STEPS[kind]);
    refold();
  }, [refold, kind]);
  const trained = noBn === null && snapshot !== null && snapshot.step > 0 && !snapshot.diverged;
  const { view, done } = useChunkedTask(() => foldTask(snapshot as LabSnapshot, () => performance.now()), [snapshot], trained, FOLD_BUDGET_MS);
  return { snapshot: noBn === null ? snapshot : null, asking, labPhase, labStep, replayingTo, view: trained ? view : null, done, noBn, refold, train };
}
