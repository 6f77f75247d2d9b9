/**
 * The lab's stepped sliders: a slider position is an index into a list of sensible values (1-2-5
 * steps for the learning rate, powers of two and the paper's 60 and 100 for sizes).
 */
export const LR_STEPS: readonly number[] = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10];
export const WIDTH_STEPS: readonly number[] = [2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 100, 128];
export const BATCH_STEPS: readonly number[] = [2, 4, 8, 16, 32, 60, 64, 128, 256];

/** The index of the value nearest to `v` on a log scale (values and v positive). */
export function nearestIndex(values: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(Math.log(values[i] / v)) < Math.abs(Math.log(values[best] / v))) best = i;
  }
  return best;
}
