import { varianceCancellation, type VarianceCancellation, type VarianceEstimate } from '../../../src/varianceNumerics';

export interface VarianceRow extends VarianceEstimate {
  /** How the row reads: "float32, one pass (E[z²] − μ²)". */
  name: string;
  /** A variance cannot be negative: the row is impossible, not just inaccurate. */
  negative: boolean;
  /** Off by more than 1 %. */
  wrong: boolean;
}

export interface VarianceView extends Omit<VarianceCancellation, 'estimates'> {
  rows: VarianceRow[];
}

/** Section 5's cancellation table: the engine's four estimates, named and flagged. */
export function varianceView(z: Float64Array, offset: number): VarianceView {
  const c = varianceCancellation(z, offset);
  return {
    ...c,
    rows: c.estimates.map((e) => ({
      ...e,
      name: `${e.precision}, ${e.method === 'one-pass' ? 'one pass: E[z²] − μ²' : 'two passes: mean of (z − μ)²'}`,
      negative: e.value < 0,
      wrong: !(e.relativeError <= 0.01),
    })),
  };
}
