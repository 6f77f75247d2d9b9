import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EngineError, createRng, fromRows, softmax, softmaxCrossEntropy, zeros } from '../../src';
import { maxAbsError, numericGradient } from './finiteDifference';

describe('softmax, NUMERICS.md case 13', () => {
  test('case 13: stable softmax of [1000, 1001, 1002] [1 × 3] = [0.0900306, 0.2447285, 0.6652410] (1e-7)', () => {
    const p = softmax(fromRows([[1000, 1001, 1002]])).data;
    const want = [0.0900306, 0.2447285, 0.665241];
    want.forEach((w, j) => expect(Math.abs(p[j] - w)).toBeLessThan(1e-7));
  });

  test('the naive formula exp(l)/Σ exp(l) on the same logits is NaN (∞/∞), which the engine avoids', () => {
    const e = [1000, 1001, 1002].map(Math.exp);
    const naive = e.map((v) => v / e.reduce((s, x) => s + x, 0));
    expect(naive.every(Number.isNaN)).toBe(true);
  });

  test('case 13: cross-entropy on those logits is finite: −log p₂ = 0.4076059644 (1e-9)', () => {
    const ce = softmaxCrossEntropy(fromRows([[1000, 1001, 1002]]), [2]);
    expect(Math.abs(ce.loss - -Math.log(0.6652409557748219))).toBeLessThan(1e-9);
    expect(Math.abs(ce.loss - 0.4076059644)).toBeLessThan(1e-9);
    const tiny = softmaxCrossEntropy(fromRows([[-1000, 1000]]), [0]);
    expect(tiny.loss).toBe(2000); // log-sum-exp: exactly 2000, not −log(0) = ∞
  });

  test('property: rows of any [m × n] logits (|l| ≤ 10⁴) are probabilities summing to 1 (1e-15·n)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (m, row) => {
          const n = row.length;
          const logits = zeros(m, n);
          for (let i = 0; i < m; i++) logits.data.set(row.map((v) => v - i), i * n);
          const p = softmax(logits).data;
          for (let i = 0; i < m; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) {
              const v = p[i * n + j];
              if (!(v >= 0 && v <= 1)) return false;
              s += v;
            }
            if (Math.abs(s - 1) > 1e-15 * n) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('softmaxCrossEntropy: mean loss and its gradient, NUMERICS.md case 12', () => {
  const rng = createRng(12);
  const m = 5, classes = 4;
  const logits = zeros(m, classes);
  for (let i = 0; i < logits.data.length; i++) logits.data[i] = 3 * rng.gaussian();
  const labels = [0, 3, 1, 1, 2];

  test('case 12: ∂L/∂logits [5 × 4] against central finite differences (1e-8 absolute)', () => {
    const ce = softmaxCrossEntropy(logits, labels);
    const dLogits = ce.dLogits.data.slice();
    const fd = numericGradient(logits.data, () => softmaxCrossEntropy(logits, labels).loss);
    expect(maxAbsError(dLogits, fd)).toBeLessThan(1e-8);
  });

  test('the gradient is (softmax − one-hot)/m for the mean loss, not the notes\' A₂ − Y (exact)', () => {
    const ce = softmaxCrossEntropy(logits, labels);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < classes; j++) {
        const p = ce.probs.data[i * classes + j];
        expect(ce.dLogits.data[i * classes + j]).toBe((p - (j === labels[i] ? 1 : 0)) / m);
      }
    }
  });

  test('the loss is −(1/m) Σ log p(label), and `correct` counts arg-max hits (1e-12)', () => {
    const ce = softmaxCrossEntropy(logits, labels);
    let want = 0, hits = 0;
    for (let i = 0; i < m; i++) {
      const row = Array.from(logits.data.subarray(i * classes, (i + 1) * classes));
      const denom = row.reduce((s, v) => s + Math.exp(v), 0);
      want -= Math.log(Math.exp(row[labels[i]]) / denom) / m;
      if (row.indexOf(Math.max(...row)) === labels[i]) hits++;
    }
    expect(Math.abs(ce.loss - want)).toBeLessThan(1e-12);
    expect(ce.correct).toBe(hits);
  });

  test('reusing `out` returns the same record and buffers, with fresh loss and count', () => {
    const first = softmaxCrossEntropy(logits, labels);
    const probs = first.probs, loss = first.loss;
    const again = softmaxCrossEntropy(fromRows([[0, 0, 0, 9], [0, 0, 0, 9], [0, 0, 0, 9], [0, 0, 0, 9], [0, 0, 0, 9]]), [3, 3, 3, 3, 3], first);
    expect(again).toBe(first);
    expect(again.probs).toBe(probs);
    expect(again.correct).toBe(5);
    expect(again.loss).not.toBe(loss);
  });
});

describe('bad labels throw EngineError naming the label', () => {
  const logits = zeros(2, 3);
  test('wrong count: 3 labels for 2 rows', () => {
    expect(() => softmaxCrossEntropy(logits, [0, 1, 2])).toThrow('expected 2 labels, got 3');
  });
  test('out of range, negative, or not an integer', () => {
    expect(() => softmaxCrossEntropy(logits, [0, 3])).toThrow(EngineError);
    expect(() => softmaxCrossEntropy(logits, [0, 3])).toThrow('label 1 is 3, expected an integer in [0, 2]');
    expect(() => softmaxCrossEntropy(logits, [-1, 0])).toThrow('label 0 is -1');
    expect(() => softmaxCrossEntropy(logits, [0.5, 0])).toThrow(EngineError);
  });
});
