import type { StepMetrics, VariantName } from '../../../src/train';
import { DEFAULT_PAIR, type Pair } from './pair';

/**
 * Everything a lab run logged, kept in full (for export) in growable columns: one Float64Array per
 * quantity, so a run of 30,000 logged steps costs a few megabytes, not a heap of objects.
 * Appending mutates; `version` counts appends so views know when to redraw.
 */
export interface VariantSeries {
  /** Logged steps so far, and the capacity of the columns. */
  n: number;
  step: Float64Array;
  trainLoss: Float64Array;
  trainAccuracy: Float64Array;
  /** Per hidden layer (index 0 = layer 1): the probed unit's input quantiles. */
  q15: Float64Array[];
  q50: Float64Array[];
  q85: Float64Array[];
  /** Per weight layer (index 0 = W₁): ‖∂L/∂W‖. */
  gradNorm: Float64Array[];
  /** Test-set evaluations (every evalEvery steps): their own count and columns. */
  testN: number;
  testStep: Float64Array;
  testLoss: Float64Array;
  testAccuracy: Float64Array;
}

export interface RunSeries {
  readonly hiddenLayers: number;
  readonly plain: VariantSeries;
  readonly bn: VariantSeries;
  version: number;
}

const columns = (count: number, capacity: number): Float64Array[] => Array.from({ length: count }, () => new Float64Array(capacity));

function createVariantSeries(hiddenLayers: number, capacity: number): VariantSeries {
  return {
    n: 0,
    step: new Float64Array(capacity),
    trainLoss: new Float64Array(capacity),
    trainAccuracy: new Float64Array(capacity),
    q15: columns(hiddenLayers, capacity),
    q50: columns(hiddenLayers, capacity),
    q85: columns(hiddenLayers, capacity),
    gradNorm: columns(hiddenLayers + 1, capacity),
    testN: 0,
    testStep: new Float64Array(capacity),
    testLoss: new Float64Array(capacity),
    testAccuracy: new Float64Array(capacity),
  };
}

export function createRunSeries(hiddenLayers: number, capacity = 1024): RunSeries {
  return { hiddenLayers, plain: createVariantSeries(hiddenLayers, capacity), bn: createVariantSeries(hiddenLayers, capacity), version: 0 };
}

const grown = (a: Float64Array, size: number): Float64Array => {
  const b = new Float64Array(size);
  b.set(a);
  return b;
};

/** Makes room for `extra` more rows in the train columns (doubling), mutating `s`. */
function reserve(s: VariantSeries, extra: number): void {
  const need = s.n + extra;
  if (need <= s.step.length) return;
  const size = Math.max(need, 2 * s.step.length);
  s.step = grown(s.step, size);
  s.trainLoss = grown(s.trainLoss, size);
  s.trainAccuracy = grown(s.trainAccuracy, size);
  for (const group of [s.q15, s.q50, s.q85, s.gradNorm]) group.forEach((col, i) => (group[i] = grown(col, size)));
}

function reserveTest(s: VariantSeries): void {
  if (s.testN < s.testStep.length) return;
  const size = 2 * s.testStep.length;
  s.testStep = grown(s.testStep, size);
  s.testLoss = grown(s.testLoss, size);
  s.testAccuracy = grown(s.testAccuracy, size);
}

function append(s: VariantSeries, logs: readonly StepMetrics[]): void {
  reserve(s, logs.length);
  for (const m of logs) {
    const i = s.n++;
    s.step[i] = m.step;
    s.trainLoss[i] = m.trainLoss;
    s.trainAccuracy[i] = m.trainAccuracy;
    for (let l = 0; l < s.q50.length; l++) {
      const q = m.quantiles[l];
      s.q15[l][i] = q ? q.q15 : NaN;
      s.q50[l][i] = q ? q.q50 : NaN;
      s.q85[l][i] = q ? q.q85 : NaN;
    }
    for (let l = 0; l < s.gradNorm.length; l++) s.gradNorm[l][i] = m.gradNorms[l] ?? NaN;
    if (m.testLoss !== null && m.testAccuracy !== null) {
      reserveTest(s);
      const j = s.testN++;
      s.testStep[j] = m.step;
      s.testLoss[j] = m.testLoss;
      s.testAccuracy[j] = m.testAccuracy;
    }
  }
}

/** Appends one metrics event's logs to both networks' columns (mutates `series`, bumps its version). */
export function appendLogs(series: RunSeries, logs: Readonly<Record<VariantName, readonly StepMetrics[]>>): void {
  append(series.plain, logs.plain);
  append(series.bn, logs.bn);
  series.version += 1;
}

const cell = (x: number): string => (Number.isFinite(x) ? String(x) : '');

/**
 * The whole run as CSV, one row per network and logged step: step, network, train loss/accuracy,
 * test loss/accuracy (empty where not evaluated), the quantiles per hidden layer (the CNN: per block,
 * of channel 1), ‖∂L/∂W‖ per layer.
 * Non-finite values are left empty.
 */
export function seriesCsv(series: RunSeries, network: 'mlp' | 'cnn' = 'mlp', p: Pair = DEFAULT_PAIR): string {
  const L = series.hiddenLayers;
  const head = ['step', 'network', 'train_loss', 'train_accuracy', 'test_loss', 'test_accuracy'];
  // The CNN's quantiles are of channel 1 of each convolution block.
  const probe = (l: number) => (network === 'cnn' ? `block${l}_channel1` : `layer${l}`);
  for (let l = 1; l <= L; l++) head.push(`${probe(l)}_q15`, `${probe(l)}_q50`, `${probe(l)}_q85`);
  for (let l = 1; l <= L + 1; l++) head.push(`grad_norm_W${l}`);
  const rows = [head.join(',')];
  for (const [name, s] of [[p.column.plain, series.plain], [p.column.bn, series.bn]] as const) {
    let t = 0;
    for (let i = 0; i < s.n; i++) {
      while (t < s.testN && s.testStep[t] < s.step[i]) t++;
      const tested = t < s.testN && s.testStep[t] === s.step[i];
      const row = [cell(s.step[i]), name, cell(s.trainLoss[i]), cell(s.trainAccuracy[i]), tested ? cell(s.testLoss[t]) : '', tested ? cell(s.testAccuracy[t]) : ''];
      for (let l = 0; l < L; l++) row.push(cell(s.q15[l][i]), cell(s.q50[l][i]), cell(s.q85[l][i]));
      for (let l = 0; l <= L; l++) row.push(cell(s.gradNorm[l][i]));
      rows.push(row.join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}
