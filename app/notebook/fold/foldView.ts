import { type FoldResult, foldBatchNorm } from '../../../src/fold';
import type { BatchMateEffect } from '../../../src/foldCheck';
import { type Matrix, transpose, zeros } from '../../../src/matrix';
import { createModel } from '../../../src/model';
import { createRng } from '../../../src/rng';
import type { ChunkedTask } from '../shared/chunkedTask';
import type { LabSnapshot } from '../../lab/worker/messages';
import { type FoldSummary, foldNet } from './foldNet';

/**
 * The fold section's pure view-model: the lab's BN network, MLP or CNN, folded (foldNet.ts), checked
 * on the lab's test set a slice at a time, shown one sample among two sets of batch-mates, and timed.
 * Every slice of work is short (see foldNet's FOLD_ROWS, TIME_MS): the page stays responsive.
 */

/** The largest |folded − unfolded| allowed, relative to max(1, max |logit|): far above rounding (≈ 1e-15), far below any real difference. */
export const FOLD_TOLERANCE = 1e-12;
/** The time each timed slice runs (ms); ROUNDS slices per network. */
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
  readonly fold: FoldSummary;
  /** Test rows each timed pass ran. */
  readonly timeRows: number;
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

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

/**
 * The fold of a snapshot as a chunked task: one slice per call (the fold itself; FOLD_ROWS test rows
 * compared; the batch-mates; one timed round of either network). `now` is the clock timing reads.
 */
export function foldTask(snapshot: LabSnapshot, now: () => number): ChunkedTask<FoldView> {
  const net = foldNet(snapshot), { fold, total } = net;
  let compared = 0, maxAbs = 0, maxLogit = 0;
  let mates: BatchMateEffect | null = null;
  const times: { unfolded: number[]; folded: number[] } = { unfolded: [], folded: [] };
  let phase: 'compare' | 'mates' | 'time' | 'done' = total > 0 ? 'compare' : 'done';
  const view = (): FoldView => ({
    step: snapshot.step, fold, timeRows: net.timeRows, compared, total, maxAbs, maxLogit, relative: maxAbs / Math.max(1, maxLogit), mates,
    timing: times.folded.length === ROUNDS ? { unfolded: median(times.unfolded), folded: median(times.folded) } : null,
  });
  const step = (): boolean => {
    if (phase === 'compare') {
      const to = Math.min(total, compared + net.sliceRows);
      const e = net.compare(compared, to);
      maxAbs = Math.max(maxAbs, e.maxAbs);
      maxLogit = Math.max(maxLogit, e.maxLogit);
      compared = to;
      if (compared === total) phase = 'mates';
    } else if (phase === 'mates') {
      mates = net.mates(MATES);
      phase = 'time';
    } else if (phase === 'time') {
      // Alternate the two networks, so a change of the machine's load hits both alike.
      const which = times.unfolded.length > times.folded.length ? 'folded' : 'unfolded';
      times[which].push(net.time(which, now, TIME_MS));
      if (times.folded.length === ROUNDS) phase = 'done';
    }
    return phase === 'done';
  };
  return { step, view };
}

/** A network like the lab's but with BN after each activation: what folding keeps, and the engine's reason (none for the CNN: its BN always follows the convolution). */
export function afterActivationKept(snapshot: LabSnapshot): FoldResult['kept'] {
  if (snapshot.kind === 'cnn') return [];
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
