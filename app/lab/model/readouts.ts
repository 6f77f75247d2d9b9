import type { VariantName } from '../../../src/train';
import type { RunSeries, VariantSeries } from './series';

/** The latest logged numbers of a lab run, for the tables beside the charts. Pure. */

export interface GradNormRow {
  readonly layer: string;
  readonly plain: number | null;
  readonly bn: number | null;
}

const last = (s: VariantSeries, col: Float64Array): number | null => (s.n > 0 && Number.isFinite(col[s.n - 1]) ? col[s.n - 1] : null);

/** The latest ‖∂L/∂W_l‖ of each weight layer, both networks (null: nothing finite logged yet). */
export function latestGradNorms(series: RunSeries): GradNormRow[] {
  return series.plain.gradNorm.map((_, l) => ({ layer: `W${l + 1}`, plain: last(series.plain, series.plain.gradNorm[l]), bn: last(series.bn, series.bn.gradNorm[l]) }));
}

export interface Readout {
  readonly step: number | null;
  readonly trainLoss: number | null;
  readonly trainAccuracy: number | null;
  /** The latest test evaluation and the step it was made at. */
  readonly testStep: number | null;
  readonly testLoss: number | null;
  readonly testAccuracy: number | null;
}

/** One network's latest logged numbers, for the table beside the charts. */
export function readout(series: RunSeries, v: VariantName): Readout {
  const s = series[v], t = s.testN - 1;
  return {
    step: s.n > 0 ? s.step[s.n - 1] : null,
    trainLoss: last(s, s.trainLoss),
    trainAccuracy: last(s, s.trainAccuracy),
    testStep: t >= 0 ? s.testStep[t] : null,
    testLoss: t >= 0 && Number.isFinite(s.testLoss[t]) ? s.testLoss[t] : null,
    testAccuracy: t >= 0 && Number.isFinite(s.testAccuracy[t]) ? s.testAccuracy[t] : null,
  };
}
