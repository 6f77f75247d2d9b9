import { type Pair, DEFAULT_PAIR, bnVariantOf } from './pair';
/**
 * Small mini-batches (m < 8) in the lab: the mini-batch curves become a moving mean (one batch's
 * accuracy at m = 2 can only be 0, ½ or 1, so the raw line is a hatch between those values), and a
 * note says what to expect from BN at that size. Pure.
 */

/** Below this batch size the mini-batch curves are smoothed and the note is shown. */
export const SMALL_BATCH = 8;

/** About how many examples the moving mean spans: 32 batches at m = 2, 16 at m = 4. */
const WINDOW_EXAMPLES = 64;

export interface Smoothing {
  /** Logged mini-batches per mean (the last `window`, fewer at the start of the run). */
  readonly window: number;
  /** What the smoothed line is, for the legend and the chart's description: “mean of the last 32 steps”. */
  readonly text: string;
}

/**
 * How the mini-batch curves are drawn for a run with batch size `batchSize`, logged every `logEvery`
 * steps: null (every logged batch as it is) from m = 8 up.
 */
export function trainSmoothing(batchSize: number, logEvery: number): Smoothing | null {
  if (!(batchSize < SMALL_BATCH)) return null;
  const window = Math.ceil(WINDOW_EXAMPLES / batchSize);
  const text = logEvery === 1 ? `mean of the last ${window} steps` : `mean of the last ${window} logged steps (one every ${logEvery})`;
  return { window, text };
}

/**
 * The trailing mean of the first `n` values over `window` entries: out[i] is the mean of the finite
 * values among values[i − window + 1 … i] (fewer at the start), NaN when none is finite. O(n).
 */
export function movingMean(values: ArrayLike<number>, n: number, window: number): Float64Array {
  const out = new Float64Array(n);
  const w = Math.max(1, Math.floor(window));
  let sum = 0, count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
    const old = i - w >= 0 ? values[i - w] : NaN;
    if (Number.isFinite(old)) {
      sum -= old;
      count--;
    }
    out[i] = count > 0 ? sum / count : NaN;
  }
  return out;
}

/** The note on a small batch size (m < 8), one paragraph (μ_B and σ²_B written with “_” for the subscript); null from m = 8 up. */
export function smallBatchNote(m: number, cnn = false, pair: Pair = DEFAULT_PAIR): string | null {
  if (!(m < SMALL_BATCH)) return null;
  const bn = bnVariantOf(pair.norms);
  // Only BN takes statistics over the batch; LayerNorm, GroupNorm, InstanceNorm and RMSNorm work inside each sample.
  if (bn === null) return `Each batch has only ${m} ${cnn ? 'images' : 'examples'}, so the mini-batch curves are noisy. Neither network uses BN: their normalizations take their statistics inside each sample, so m does not enter them.`;
  const other = pair.network[bn === 'bn' ? 'plain' : 'bn'].replace(/^The/, 'the');
  if (cnn) {
    // BatchNorm2d averages over every position of the m images: the statistics come from m·h·w values of m images.
    return (
      `Each batch’s μ_B and σ²_B come from only ${m} images (over all their positions), so they vary from batch to batch, and with BN each ` +
      'image’s output depends on the others in its batch. The test curves use BN in eval mode, whose running averages differ from each ' +
      'batch’s own statistics. Expect jagged BN curves.'
    );
  }
  const others = m === 2 ? 'the one other example' : `the ${m - 1} others`;
  const atTwo = m === 2 ? ' (at m = 2 a unit’s two normalized values are close to −1 and +1, unless its two inputs nearly coincide; the gradient through BN is then almost 0, so only γ, β and the output layer learn)' : '';
  return (
    `Each batch’s μ_B and σ²_B come from only ${m} examples, so they jump from batch to batch, and with BN each example’s output depends ` +
    `strongly on ${others} in its batch${atTwo}. The test curves use BN in eval mode, whose running averages differ from each batch’s own ` +
    `statistics. Expect jagged BN curves: BN may do worse here than ${other}.`
  );
}

/** Why the raw mini-batch accuracy of a small batch is a hatch: the few values it can take. m = 2 → “0, ½ or 1”. */
export function batchAccuracyValues(m: number): string {
  const named: Record<number, string> = { 2: '0, ½ or 1', 3: '0, ⅓, ⅔ or 1', 4: '0, ¼, ½, ¾ or 1' };
  return named[m] ?? `0, 1/${m}, 2/${m}, … or 1`;
}
