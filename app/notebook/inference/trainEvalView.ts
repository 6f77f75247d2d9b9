import type { BatchNorm } from '../../../src/batchnorm';
import type { RunningStatsTrace, SampleContexts, SampleOutput } from '../../../src/runningStats';
import { fmt, tex } from '../../ui/format';
import { eq2, factor, term } from '../pass/notesMatrices';
import type { ExportTable } from '../../ui/export/table';

/** One point of the running-statistics chart: batch t's own statistic and the running one after it. */
export interface RunningPoint {
  readonly batch: number;
  readonly batchValue: number;
  readonly running: number;
}

/** The chart series for the mean or the variance, batches numbered from 1. */
export function runningSeries(trace: RunningStatsTrace, which: 'mean' | 'variance'): RunningPoint[] {
  const own = which === 'mean' ? trace.batchMean : trace.batchVar;
  const run = which === 'mean' ? trace.runningMean : trace.runningVar;
  return Array.from(own, (v, t) => ({ batch: t + 1, batchValue: v, running: run[t] }));
}

/**
 * The last update of the running mean and variance with its numbers:
 * new = (1 − momentum)·old + momentum·batch  (variance: batch σ² times m/(m − 1)).
 */
export function updateTex(trace: RunningStatsTrace, momentum: number, m: number): { mean: string; variance: string } {
  const t = trace.batchMean.length - 1;
  const oldMean = t > 0 ? trace.runningMean[t - 1] : 0;
  const oldVar = t > 0 ? trace.runningVar[t - 1] : 1;
  const keep = tex(1 - momentum, 3), mom = tex(momentum, 3);
  return {
    mean: eq2(
      String.raw`\mu_{\text{run}}`,
      String.raw`${keep}\cdot${factor(oldMean, 4)} + ${mom}\cdot${factor(trace.batchMean[t], 4)}`,
      tex(trace.runningMean[t], 4),
    ),
    variance: eq2(
      String.raw`\sigma^2_{\text{run}}`,
      String.raw`${keep}\cdot${factor(oldVar, 4)} + ${mom}\cdot\frac{${m}}{${m - 1}}\cdot${factor(trace.batchVar[t], 4)}`,
      tex(trace.runningVar[t], 4),
    ),
  };
}

/** y₁ = γ(z₁ − μ)/√(σ² + ε) + β with the statistics this mode used, or null when the engine refused. */
export function sampleTex(out: SampleOutput, z1: number, gamma: number, beta: number, eps: number, mode: 'train' | 'eval'): string | null {
  if (!out.ok) return null;
  const mu = mode === 'train' ? String.raw`\mu_{B}` : String.raw`\mu_{\text{run}}`;
  const s2 = mode === 'train' ? String.raw`\sigma^2_{B}` : String.raw`\sigma^2_{\text{run}}`;
  return eq2(
    String.raw`y_1 = \gamma\,\frac{z_1 - ${mu}}{\sqrt{${s2} + \varepsilon}} + \beta`,
    String.raw`${factor(gamma, 3)}\cdot\frac{${tex(z1, 4)} ${term(-out.mean, false, 4)}}{\sqrt{${tex(out.variance, 4)} + ${tex(eps, 2)}}} ${term(beta, false)}`,
    Number.isFinite(out.y) ? tex(out.y, 4) : String.raw`\text{no value: } 0/0`,
  );
}

/**
 * A one-neuron layer `bn` with scale γ and shift β in place of its own: same running statistics, ε and
 * momentum (shared, not copied: read-only use). `bn` is not mutated.
 */
export function withScaleShift(bn: BatchNorm, gamma: number, beta: number): BatchNorm {
  return { ...bn, gamma: Float64Array.of(gamma), beta: Float64Array.of(beta) };
}

/** The three settings of the sample, in display order. */
export function contextRows(c: SampleContexts, m: number): { label: string; out: SampleOutput }[] {
  return [
    { label: `in its own batch (m = ${m})`, out: c.inBatch },
    { label: `with ${m - 1} other sample${m - 1 === 1 ? '' : 's'}`, out: c.withOthers },
    { label: 'alone (m = 1)', out: c.alone },
  ];
}

/** The neuron's true distribution N(shift, scale²): what the running statistics should approach. */
export const truth = (shift: number, scale: number): { mean: number; variance: number } => ({ mean: shift, variance: scale * scale });

/**
 * A BN output as text: the number, or why there is none. (z − μ)/√(σ² + ε) is 0/0 when the batch has
 * σ² = 0 and ε = 0; that is what ε is for.
 */
export function outputText(y: number, digits = 6): string {
  return Number.isFinite(y) ? fmt(y, digits) : 'no value (0/0: σ² = 0 and ε = 0)';
}

/**
 * Whether a shifted test batch visibly keeps its shift through eval-mode BN: its output mean is at
 * least a quarter of |γ| away from β. Eval mode never looks at the batch, so it usually does; with
 * noisy running estimates (tiny m, momentum near 1) it can land near β by chance.
 */
export const shiftShowsInEval = (evalMean: number, bn: BatchNorm): boolean =>
  !(Math.abs(evalMean - bn.beta[0]) < 0.25 * Math.abs(bn.gamma[0]));

/** The running-statistics chart's data as a table (its text alternative and downloads). */
export const runningTable = (rows: readonly RunningPoint[], what: string): ExportTable => ({
  columns: [
    { key: 'batch', label: 'training batch' },
    { key: 'batchValue', label: `batch ${what}` },
    { key: 'running', label: `running ${what}` },
  ],
  rows: rows.map((r) => ({ ...r })),
});
