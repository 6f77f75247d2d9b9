import type { RunningStatsTrace } from '../../../src/runningStats';
import { fmt } from '../../ui/format';
import { tightTolerance } from './grade';
import type { Exercise } from './types';

/** What section 15's exercises are answered from: the stream of training batches on screen. */
export interface InferenceExerciseContext {
  readonly trace: RunningStatsTrace;
  readonly m: number;
  readonly momentum: number;
}

const f4 = (x: number) => fmt(x, 4);
/**
 * ±0.0001 (or 0.01 % of the answer): the biased-variance mistake differs from the answer by only
 * momentum·σ²/(m − 1). With μ given to 4 decimals and σ² to 5, the rounding a careful answer carries
 * stays under it (at most momentum·5·10⁻⁵ plus 5·10⁻⁵ for the answer's own 4 decimals).
 */
const runningTolerance = (answer: number) => tightTolerance(answer, 1e-4, 1e-4);

/** Section 15: the running mean and running variance after the first training batch. */
export function inferenceExercises({ trace, m, momentum }: InferenceExerciseContext): Exercise[] {
  const mu = trace.batchMean[0], v = trace.batchVar[0];
  const unbiased = (v * m) / (m - 1);
  const runMean = trace.runningMean[0], runVar = trace.runningVar[0];
  const k = momentum;
  const start = 'A fresh layer starts with running mean 0 and running variance 1 (as PyTorch’s does).';
  const swapped = `you weighted the new batch by 1 − momentum: PyTorch’s momentum ${fmt(k)} is the weight of the new batch (Ng’s β = ${fmt(1 - k)} is the weight of the old average; same rule).`;
  return [
    {
      kind: 'numeric',
      id: 'inference-running-mean',
      prompt: `${start} Predict its running mean after the first training batch, with momentum ${fmt(k)}.`,
      symbol: 'running mean',
      given: [`the first batch’s μ = ${f4(mu)}`, `momentum = ${fmt(k)}`],
      answer: runMean,
      tolerance: runningTolerance(runMean),
      hint: 'running ← (1 − momentum)·running + momentum·μ.',
      mistakes: [
        { name: swapped, value: (1 - k) * mu },
        { name: 'you gave the batch’s μ itself: the running mean only moves part of the way towards it.', value: mu },
      ],
    },
    {
      kind: 'numeric',
      id: 'inference-running-var',
      prompt: `${start} Predict its running variance after the first training batch, with momentum ${fmt(k)}.`,
      symbol: 'running variance',
      given: [`the first batch’s biased σ² = ${fmt(v, 5)}`, `m = ${m}`, `momentum = ${fmt(k)}`],
      answer: runVar,
      tolerance: runningTolerance(runVar),
      hint: `the running variance averages the unbiased variance, σ²·m/(m − 1) = ${f4(unbiased)}.`,
      mistakes: [
        { name: 'you averaged the biased σ²: PyTorch normalizes with the biased variance but keeps the unbiased one, σ²·m/(m − 1), in the running variance.', value: (1 - k) * 1 + k * v },
        { name: swapped, value: k * 1 + (1 - k) * unbiased },
        { name: `two slips at once: you averaged the biased σ² and weighted the new batch by 1 − momentum. PyTorch keeps the unbiased σ²·m/(m − 1) = ${f4(unbiased)}, with weight momentum = ${fmt(k)}.`, value: k * 1 + (1 - k) * v },
        { name: 'you started the running variance at 0; PyTorch starts it at 1.', value: k * unbiased },
      ],
    },
  ];
}
