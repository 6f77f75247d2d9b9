import { detExp, detLog } from './detMath';
import { EngineError } from './errors';
import { type Matrix, ensure } from './matrix';

/**
 * Row-wise softmax by log-sum-exp: subtract each row's max before exponentiating, so
 * [1000, 1001, 1002] gives [0.0900306, 0.2447285, 0.6652410] instead of NaN.
 */
export function softmax(logits: Matrix, out?: Matrix): Matrix {
  const p = ensure(out, logits.rows, logits.cols);
  const L = logits.data, P = p.data, n = logits.cols;
  for (let i = 0; i < logits.rows; i++) {
    const r = i * n;
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (L[r + j] > max) max = L[r + j];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const e = detExp(L[r + j] - max);
      P[r + j] = e;
      sum += e;
    }
    for (let j = 0; j < n; j++) P[r + j] /= sum;
  }
  return p;
}

export interface SoftmaxCrossEntropy {
  /** Mean cross-entropy over the batch: L = −(1/m) Σᵢ log pᵢ,yᵢ. */
  loss: number;
  /** Softmax probabilities (the notes' A₂), [m × classes]. */
  readonly probs: Matrix;
  /** ∂L/∂logits = (softmax − Y_onehot)/m, [m × classes]. */
  readonly dLogits: Matrix;
  /** Number of rows whose arg-max equals the label. */
  correct: number;
}

export function checkLabels(labels: ArrayLike<number>, m: number, classes: number): void {
  if (labels.length !== m) throw new EngineError('shape', `expected ${m} labels, got ${labels.length}`);
  for (let i = 0; i < m; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes) {
      throw new EngineError('label', `label ${i} is ${y}, expected an integer in [0, ${classes - 1}]`);
    }
  }
}

/**
 * Softmax cross-entropy with the loss averaged over the batch (hence the 1/m in the gradient,
 * which the notes' A₂ − Y leaves out). log p is computed as (l − max) − log Σ exp(l − max).
 */
export function softmaxCrossEntropy(logits: Matrix, labels: ArrayLike<number>, out?: SoftmaxCrossEntropy): SoftmaxCrossEntropy {
  const m = logits.rows, n = logits.cols;
  checkLabels(labels, m, n);
  const probs = ensure(out?.probs, m, n);
  const dLogits = ensure(out?.dLogits, m, n);
  const L = logits.data, P = probs.data, D = dLogits.data;
  let total = 0;
  let correct = 0;
  for (let i = 0; i < m; i++) {
    const r = i * n;
    let max = -Infinity, arg = 0;
    for (let j = 0; j < n; j++) {
      if (L[r + j] > max) {
        max = L[r + j];
        arg = j;
      }
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const e = detExp(L[r + j] - max);
      P[r + j] = e;
      sum += e;
    }
    const y = labels[i];
    total -= L[r + y] - max - detLog(sum);
    for (let j = 0; j < n; j++) {
      P[r + j] /= sum;
      D[r + j] = (P[r + j] - (j === y ? 1 : 0)) / m;
    }
    if (arg === y) correct++;
  }
  const result = out && out.probs === probs && out.dLogits === dLogits ? out : { loss: 0, probs, dLogits, correct: 0 };
  result.loss = total / m;
  result.correct = correct;
  return result;
}
