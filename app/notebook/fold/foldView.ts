import {
  type BatchMateEffect,
  type FoldResult,
  type Matrix,
  type Model,
  batchMateEffect,
  createModel,
  createRng,
  foldBatchNorm,
  foldError,
  timePredictions,
  transpose,
  zeros,
} from '../../../src';
import type { ChunkedTask } from '../shared/chunkedTask';
import type { LabSnapshot } from '../../lab/worker/messages';

/**
 * The fold section's pure view-model: the lab's BN network folded (foldBatchNorm), checked on the
 * lab's test set a slice at a time, shown one sample among two sets of batch-mates, and timed.
 * Every slice of work is short (see FOLD_ROWS, TIME_MS): the page stays responsive.
 */

/** The largest |folded − unfolded| allowed, relative to max(1, max |logit|): far above rounding (≈ 1e-15), far below any real difference. */
export const FOLD_TOLERANCE = 1e-12;
/** Test rows compared per slice. */
export const FOLD_ROWS = 50;
/** Rows timed per pass, and the time each timed slice runs (ms); ROUNDS slices per network. */
export const TIME_ROWS = 32;
export const TIME_MS = 4;
export const ROUNDS = 6;
/** Batch-mates per batch in the train-mode demonstration: the sample plus 15 others, a batch of 16. */
export const MATES = 15;

export interface FoldTiming {
  /** Median over the rounds of ms per sample, eval mode. */
  readonly unfolded: number;
  readonly folded: number;
}

export interface FoldView {
  readonly step: number;
  readonly fold: FoldResult;
  /** Test rows compared so far, of `total`. */
  readonly compared: number;
  readonly total: number;
  readonly maxAbs: number;
  readonly maxLogit: number;
  readonly relative: number;
  /** null until measured; or when the test set is too small for two sets of batch-mates. */
  readonly mates: BatchMateEffect | null;
  readonly timing: FoldTiming | null;
}

/** Rows [from, to) of x as a new matrix. */
export function rowSlice(x: Matrix, from: number, to: number): Matrix {
  const d = x.cols, out = zeros(to - from, d);
  out.data.set(x.data.subarray(from * d, to * d));
  return out;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

/** Sample 0 of the test set with rows 1…15 as its batch-mates, then with rows 16…30. */
function mateEffect(model: Model, folded: Model, x: Matrix): BatchMateEffect | null {
  if (x.rows < 1 + 2 * MATES) return null;
  return batchMateEffect(model, folded, rowSlice(x, 0, 1), rowSlice(x, 1, 1 + MATES), rowSlice(x, 1 + MATES, 1 + 2 * MATES));
}

/**
 * The fold of a snapshot as a chunked task: one slice per call (the fold itself; FOLD_ROWS test rows
 * compared; the batch-mates; one timed round of either network). `now` is the clock timing reads.
 */
export function foldTask(snapshot: LabSnapshot, now: () => number): ChunkedTask<FoldView> {
  const { model } = snapshot;
  const fold = foldBatchNorm(model);
  const x = snapshot.test?.x ?? zeros(0, model.layers[0].kind === 'linear' ? model.layers[0].inputs : 1);
  const timed = rowSlice(x, 0, Math.min(TIME_ROWS, x.rows));
  let compared = 0, maxAbs = 0, maxLogit = 0;
  let mates: BatchMateEffect | null = null;
  const times: { unfolded: number[]; folded: number[] } = { unfolded: [], folded: [] };
  let phase: 'compare' | 'mates' | 'time' | 'done' = x.rows > 0 ? 'compare' : 'done';
  const view = (): FoldView => ({
    step: snapshot.step, fold, compared, total: x.rows, maxAbs, maxLogit, relative: maxAbs / Math.max(1, maxLogit), mates,
    timing: times.folded.length === ROUNDS ? { unfolded: median(times.unfolded), folded: median(times.folded) } : null,
  });
  const step = (): boolean => {
    if (phase === 'compare') {
      const to = Math.min(x.rows, compared + FOLD_ROWS);
      const e = foldError(model, fold.model, rowSlice(x, compared, to));
      maxAbs = Math.max(maxAbs, e.maxAbs);
      maxLogit = Math.max(maxLogit, e.maxLogit);
      compared = to;
      if (compared === x.rows) phase = 'mates';
    } else if (phase === 'mates') {
      mates = mateEffect(model, fold.model, x);
      phase = 'time';
    } else if (phase === 'time') {
      // Alternate the two networks, so a change of the machine's load hits both alike.
      const which = times.unfolded.length > times.folded.length ? 'folded' : 'unfolded';
      times[which].push(timePredictions(which === 'folded' ? fold.model : model, timed, now, TIME_MS).msPerSample);
      if (times.folded.length === ROUNDS) phase = 'done';
    }
    return phase === 'done';
  };
  return { step, view };
}

/** A network like the lab's but with BN after each activation: what folding keeps, and the engine's reason. */
export function afterActivationKept(snapshot: LabSnapshot): FoldResult['kept'] {
  const c = snapshot.model.config;
  const model = createModel({ ...c, bn: 'after', outputBn: false }, createRng(snapshot.settings.seed));
  return foldBatchNorm(model).kept;
}

/** Up to `rows` × `cols` of a folded layer's W′ in the notes' orientation (units × inputs). */
export function weightCorner(W: Matrix, rows: number, cols: number): Matrix {
  const t = transpose(W);
  const r = Math.min(rows, t.rows), c = Math.min(cols, t.cols);
  const out = zeros(r, c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = t.data[i * t.cols + j];
  return out;
}
