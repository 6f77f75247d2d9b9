import { CNN_IMAGE_SIDE } from '../../../src/cnnComparison';
import { cnnBatchMateEffect, cnnFoldError, foldCnn, imageRows, timeCnnPredictions } from '../../../src/cnnFold';
import type { NetworkKind } from '../../../src/experiment';
import { type FoldResult, foldBatchNorm } from '../../../src/fold';
import { type BatchMateEffect, type FoldError, batchMateEffect, foldError, timePredictions } from '../../../src/foldCheck';
import { type Matrix, zeros } from '../../../src/matrix';
import type { Model } from '../../../src/model';
import type { LabSnapshot } from '../../lab/worker/messages';

/**
 * The lab's BN network and its fold, MLP (fold.ts) or CNN (cnnFold.ts), behind one face for the fold
 * section's chunked task (foldView.ts): compare a range of test rows, the batch-mates, one timed round.
 */
export type FoldSummary = Pick<FoldResult, 'folded' | 'kept' | 'parametersBefore' | 'parametersAfter' | 'storedBefore' | 'storedAfter'> & {
  readonly network: NetworkKind;
  /** The CNN's: each folded block's weight W [O × C·k·k] before the fold (beside `folded`), and its kernel side. */
  readonly convBefore: readonly Matrix[];
  readonly kernel: number;
};

export interface FoldNet {
  readonly fold: FoldSummary;
  /** Test rows, and how many each comparison slice takes (a CNN's pass costs far more per row). */
  readonly total: number;
  readonly sliceRows: number;
  /** Rows each timed pass runs. */
  readonly timeRows: number;
  compare(from: number, to: number): FoldError;
  /** Test row 0 with rows 1…mates, then with the next `mates`; null when the test set is too small. */
  mates(mates: number): BatchMateEffect | null;
  /** ms per sample of one timed round (about `ms` long) of either network. */
  time(which: 'folded' | 'unfolded', now: () => number, ms: number): number;
}

/** Test rows compared per slice (MLP, CNN); rows per timed pass (MLP, CNN): each slice a few ms. */
export const FOLD_ROWS = { mlp: 50, cnn: 8 } as const;
export const TIME_ROWS = { mlp: 32, cnn: 4 } as const;

/** Rows [from, to) of x as a new matrix. */
export function rowSlice(x: Matrix, from: number, to: number): Matrix {
  const d = x.cols, out = zeros(to - from, d);
  out.data.set(x.data.subarray(from * d, to * d));
  return out;
}

function mlpNet(model: Model, x: Matrix): FoldNet {
  const fold = { ...foldBatchNorm(model), network: 'mlp' as const, convBefore: [], kernel: 0 };
  const timed = rowSlice(x, 0, Math.min(TIME_ROWS.mlp, x.rows));
  return {
    fold, total: x.rows, sliceRows: FOLD_ROWS.mlp, timeRows: timed.rows,
    compare: (from, to) => foldError(model, fold.model, rowSlice(x, from, to)),
    mates: (k) => (x.rows < 1 + 2 * k ? null : batchMateEffect(model, fold.model, rowSlice(x, 0, 1), rowSlice(x, 1, 1 + k), rowSlice(x, 1 + k, 1 + 2 * k))),
    time: (which, now, ms) => timePredictions(which === 'folded' ? fold.model : model, timed, now, ms).msPerSample,
  };
}

function cnnNet(snapshot: Extract<LabSnapshot, { kind: 'cnn' }>, x: Matrix): FoldNet {
  const { model } = snapshot, side = CNN_IMAGE_SIDE;
  const f = foldCnn(model);
  const convBefore = f.folded.map((l) => model.blocks[l.index - 1].conv.W);
  const fold = { ...f, kept: [], network: 'cnn' as const, convBefore, kernel: model.config.kernel };
  const timed = imageRows(x, 0, Math.min(TIME_ROWS.cnn, x.rows), side);
  return {
    fold, total: x.rows, sliceRows: FOLD_ROWS.cnn, timeRows: timed.shape[0],
    compare: (from, to) => cnnFoldError(model, fold.model, imageRows(x, from, to, side)),
    mates: (k) => (x.rows < 1 + 2 * k ? null : cnnBatchMateEffect(model, fold.model, imageRows(x, 0, 1 + 2 * k, side))),
    time: (which, now, ms) => timeCnnPredictions(which === 'folded' ? fold.model : model, timed, now, ms).msPerSample,
  };
}

/** The snapshot's network folded, with its test set (none: nothing to compare). */
export function foldNet(snapshot: LabSnapshot): FoldNet {
  if (snapshot.kind === 'cnn') return cnnNet(snapshot, snapshot.test?.x ?? zeros(0, CNN_IMAGE_SIDE * CNN_IMAGE_SIDE));
  const first = snapshot.model.layers[0];
  return mlpNet(snapshot.model, snapshot.test?.x ?? zeros(0, first.kind === 'linear' ? first.inputs : 1));
}
