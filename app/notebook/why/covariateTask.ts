import { createExperiment } from '../../../src/experiment';
import { evaluate } from '../../../src/metrics';
import { type Comparison, type StepMetrics, type VariantName, stepComparison } from '../../../src/train';
import type { ChunkedTask } from '../shared/chunkedTask';
import { COVARIATE_PRESET, COVARIATE_SEEDS, COVARIATE_STEPS, type CovariateView, type QuantileRow, bandKeys } from './covariateShift';

/**
 * Section 1's experiment run (covariateShift.ts says what it measures): the training engine, which a first
 * visit does not download with the page. It runs in covariate.worker.ts, or on the page where there are no
 * Workers (WhyParts.tsx imports it then).
 */

/** Training steps per slice call: one logged step, so a slice stays near its time budget on a slow phone. */
const CHUNK = 10;

function lastLayer(m: StepMetrics) {
  return m.quantiles[m.quantiles.length - 1];
}

function recordRow(rows: Map<number, QuantileRow>, m: StepMetrics, v: VariantName): number {
  const q = lastLayer(m);
  const row: Record<string, unknown> = { ...(rows.get(m.step) ?? { step: m.step }) };
  row[bandKeys(v).band] = [q.q15, q.q85];
  row[bandKeys(v).mid] = q.q50;
  if (v === 'bn' && q.preBn) {
    row.bnPreBand = [q.preBn.q15, q.preBn.q85];
    row.bnPreMid = q.preBn.q50;
  }
  rows.set(m.step, row as unknown as QuantileRow);
  return q.layer;
}

/**
 * The experiment as a chunked task at `depth` hidden layers: first seed 1 (charted, CHUNK training steps
 * per call, quantile rows merged by step), then the other seeds for the spread of test accuracy.
 */
export function covariateShiftTask(depth: number = COVARIATE_PRESET.depth ?? 3): ChunkedTask<CovariateView> {
  // Seeds after the first are only scored: they log (probe and evaluate) once, at the end.
  const quiet = { logEvery: COVARIATE_STEPS, evalEvery: COVARIATE_STEPS };
  const runs = COVARIATE_SEEDS.map((seed, k) => createExperiment({ ...COVARIATE_PRESET, depth, seed, ...(k > 0 && quiet) }).comparison);
  const rows = new Map<number, QuantileRow>();
  const accuracy: Record<VariantName, number | null> = { plain: null, bn: null };
  const seedAccuracy: Record<VariantName, number[]> = { plain: [], bn: [] };
  let layer = 0, current = 0;
  return {
    step() {
      const c = runs[current];
      const chunk = stepComparison(c, Math.min(CHUNK, COVARIATE_STEPS - c.step));
      for (const v of ['plain', 'bn'] as const) {
        for (const m of chunk.logs[v]) {
          if (current === 0) layer = recordRow(rows, m, v);
          if (m.testAccuracy !== null && current === 0) accuracy[v] = m.testAccuracy;
        }
      }
      if (c.step >= COVARIATE_STEPS || chunk.done) {
        for (const v of ['plain', 'bn'] as const) seedAccuracy[v].push(finalAccuracy(c, v));
        current++;
      }
      return current >= runs.length;
    },
    view() {
      return {
        rows: [...rows.values()],
        step: runs[0].step,
        total: COVARIATE_STEPS,
        accuracy: { ...accuracy },
        seedAccuracy: { plain: [...seedAccuracy.plain], bn: [...seedAccuracy.bn] },
        depth,
        layer,
      };
    },
  };
}

/** A finished run's eval-mode test accuracy (NaN for a network that diverged). */
function finalAccuracy(c: Comparison, v: VariantName): number {
  const variant = c.variants[v];
  return variant.diverged ? NaN : evaluate(variant.model, c.test ?? c.train).accuracy;
}

