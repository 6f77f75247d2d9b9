import { type ExperimentSettings, type StepMetrics, type VariantName, createExperiment, stepComparison } from '../../../src';
import type { ChunkedTask } from '../shared/chunkedTask';
import type { ExportTable } from '../../ui/export/table';

/**
 * Section 1's experiment, after Ioffe & Szegedy (2015), Fig. 1(b, c): the same sigmoid network trained
 * with and without BN, and the 15th, 50th and 85th percentiles of one unit's input to its sigmoid
 * (last hidden layer) measured every 10 steps on a fixed batch.
 */
export const COVARIATE_PRESET: Partial<ExperimentSettings> = {
  dataset: 'spiral',
  depth: 3,
  width: 16,
  activation: 'sigmoid',
  optimizer: 'sgd',
  lr: 0.5,
  batch: 32,
  seed: 1,
  logEvery: 10,
  evalEvery: 50,
};
export const COVARIATE_STEPS = 600;
/** Training steps per slice call: one logged step, so a slice stays near its time budget on a slow phone. */
const CHUNK = 10;

/** One logged step: [q15, q85] as a band and q50, per network (absent once it diverged). */
export interface QuantileRow {
  readonly step: number;
  readonly plainBand?: [number, number];
  readonly plainMid?: number;
  readonly bnBand?: [number, number];
  readonly bnMid?: number;
}

export interface CovariateView {
  readonly rows: readonly QuantileRow[];
  readonly step: number;
  readonly total: number;
  /** Last test accuracy of each network (null before the first evaluation). */
  readonly accuracy: Readonly<Record<VariantName, number | null>>;
  /** Hidden layer probed (the last one). */
  readonly layer: number;
}

function lastLayer(m: StepMetrics) {
  return m.quantiles[m.quantiles.length - 1];
}

/** The experiment as a chunked task: CHUNK training steps per call, quantile rows merged by step. */
export function covariateShiftTask(): ChunkedTask<CovariateView> {
  const { comparison } = createExperiment(COVARIATE_PRESET);
  const rows = new Map<number, QuantileRow>();
  const accuracy: Record<VariantName, number | null> = { plain: null, bn: null };
  let layer = 0;
  return {
    step() {
      const chunk = stepComparison(comparison, Math.min(CHUNK, COVARIATE_STEPS - comparison.step));
      for (const v of ['plain', 'bn'] as const) {
        for (const m of chunk.logs[v]) {
          const q = lastLayer(m);
          layer = q.layer;
          const row = rows.get(m.step) ?? { step: m.step };
          rows.set(m.step, { ...row, [`${v}Band`]: [q.q15, q.q85], [`${v}Mid`]: q.q50 });
          if (m.testAccuracy !== null) accuracy[v] = m.testAccuracy;
        }
      }
      return comparison.step >= COVARIATE_STEPS || chunk.done;
    },
    view() {
      return { rows: [...rows.values()], step: comparison.step, total: COVARIATE_STEPS, accuracy: { ...accuracy }, layer };
    },
  };
}

/**
 * How far one network's median moved (first to last logged step), and that distance in units of the
 * band's mean width (q85 − q15): the drift measured against the spread, for the sentence under the charts.
 */
export function medianDrift(rows: readonly QuantileRow[], v: VariantName): { from: number; to: number; bands: number } | null {
  const mids: number[] = [], widths: number[] = [];
  for (const r of rows) {
    const mid = v === 'plain' ? r.plainMid : r.bnMid;
    const band = v === 'plain' ? r.plainBand : r.bnBand;
    if (mid === undefined || !band) continue;
    mids.push(mid);
    widths.push(band[1] - band[0]);
  }
  if (mids.length < 2) return null;
  const meanWidth = widths.reduce((s, w) => s + w, 0) / widths.length;
  const from = mids[0], to = mids[mids.length - 1];
  return { from, to, bands: meanWidth > 0 ? Math.abs(to - from) / meanWidth : Infinity };
}

/** An accuracy in [0, 1] as a percentage with one decimal, or words when there is none yet. */
export function percent(x: number | null): string {
  return x === null ? 'not measured yet' : `${(100 * x).toFixed(1)} %`;
}

/** One network's percentile chart as a table (its text alternative and downloads). */
export const quantileTable = (rows: readonly QuantileRow[], variant: 'plain' | 'bn'): ExportTable => ({
  columns: [
    { key: 'step', label: 'training step' },
    { key: 'q15', label: '15th percentile' },
    { key: 'q50', label: 'median' },
    { key: 'q85', label: '85th percentile' },
  ],
  rows: rows.map((r) => {
    const band = variant === 'plain' ? r.plainBand : r.bnBand;
    return { step: r.step, q15: band?.[0], q50: variant === 'plain' ? r.plainMid : r.bnMid, q85: band?.[1] };
  }),
});
