import { describe, expect, test } from 'vitest';
import {
  EngineError,
  NOTES_ACTIVATIONS,
  NOTES_BATCH,
  activationForward,
  createNotesNetwork,
  centralDifferences,
  checkNotesGradients,
  invSigmaGap,
  maxBatchSum,
  maxRelativeError,
  matrix,
  notesBackward,
  notesForward,
  notesMinusBetaOutput,
  notesNetworkAfter,
} from '../../src';

describe('the notes’ 2-layer network on its tiny batch', () => {
  test('shapes: X [6 × 2], Z₁ [6 × 4], Z₂ and A₂ [6 × 3]; labels are [0,1,2,0,1,2]; softmax rows sum to 1 (1e-12)', () => {
    const { net, batch } = notesNetworkAfter(0);
    const f = notesForward(net, batch);
    expect([batch.x.rows, batch.x.cols]).toEqual([NOTES_BATCH, 2]);
    expect([f.z1.rows, f.z1.cols, f.z2.rows, f.z2.cols, f.a2.rows, f.a2.cols]).toEqual([6, 4, 6, 3, 6, 3]);
    expect(Array.from(batch.labels)).toEqual([0, 1, 2, 0, 1, 2]);
    for (let i = 0; i < 6; i++) {
      const s = f.a2.data[i * 3] + f.a2.data[i * 3 + 1] + f.a2.data[i * 3 + 2];
      expect(Math.abs(s - 1)).toBeLessThan(1e-12);
    }
  });

  test('Z₁ = X·W₁ [6 × 4] matches a hand-written sum of products (1e-14)', () => {
    const { net, batch } = notesNetworkAfter(3);
    const f = notesForward(net, batch);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 4; j++) {
        const want = batch.x.data[i * 2] * net.layer1.W.data[j] + batch.x.data[i * 2 + 1] * net.layer1.W.data[4 + j];
        expect(Math.abs(f.z1.data[i * 4 + j] - want)).toBeLessThan(1e-14);
      }
    }
  });

  test('loss = −(1/m) Σ log A₂[i, yᵢ] over [6 × 3] probabilities (1e-12)', () => {
    const { net, batch } = notesNetworkAfter(2);
    const f = notesForward(net, batch);
    let want = 0;
    for (let i = 0; i < 6; i++) want -= Math.log(f.a2.data[i * 3 + batch.labels[i]]) / 6;
    expect(Math.abs(f.loss - want)).toBeLessThan(1e-12);
  });

  test('every exact gradient agrees with central differences of the mean loss (relative 1e-6), before and after training', () => {
    for (const steps of [0, 7]) {
      const { net, batch } = notesNetworkAfter(steps);
      const f = notesForward(net, batch);
      const c = checkNotesGradients(net, batch, f, notesBackward(net, batch, f));
      for (const key of ['dZ2Tilde', 'dGamma2', 'dBeta2', 'dZ2', 'dW2', 'dZ1Tilde', 'dGamma1', 'dBeta1', 'dZ1', 'dW1'] as const) {
        expect(c[key].exact, `${key} at step ${steps}`).toBeLessThan(1e-6);
      }
    }
  });

  test('sigmoid and tanh instead of ReLU: every exact gradient still agrees with central differences (relative 1e-6); only f′(Z̃₁) changes', () => {
    for (const activation of NOTES_ACTIVATIONS) {
      for (const steps of [0, 7]) {
        const { net, batch } = notesNetworkAfter(steps, undefined, undefined, undefined, activation);
        const f = notesForward(net, batch);
        const g = notesBackward(net, batch, f);
        const c = checkNotesGradients(net, batch, f, g);
        for (const key of ['dZ2Tilde', 'dGamma2', 'dBeta2', 'dZ2', 'dW2', 'dZ1Tilde', 'dGamma1', 'dBeta1', 'dZ1', 'dW1'] as const) {
          expect(c[key].exact, `${activation}: ${key} at step ${steps}`).toBeLessThan(1e-6);
        }
        // A₁ = f(Z̃₁), and ∂L/∂Z̃₁ = ∂L/∂A₁ ∘ f′(Z̃₁) with f′ written from f's output.
        expect(Array.from(f.a1.data)).toEqual(Array.from(activationForward(activation, f.bn1.y).data));
        for (let i = 0; i < g.dA1.data.length; i++) {
          const a = f.a1.data[i], y = f.bn1.y.data[i];
          const fPrime = activation === 'relu' ? (y > 0 ? 1 : 0) : activation === 'sigmoid' ? a * (1 - a) : 1 - a * a;
          expect(Math.abs(g.dZ1Tilde.data[i] - g.dA1.data[i] * fPrime)).toBeLessThan(1e-15);
        }
      }
    }
  });

  test('the activations share the initial weights; an unknown one is refused', () => {
    expect(Array.from(createNotesNetwork(11, 1e-5, 'tanh').layer1.W.data)).toEqual(Array.from(createNotesNetwork(11, 1e-5, 'relu').layer1.W.data));
    expect(() => createNotesNetwork(11, 1e-5, 'identity' as never)).toThrow(EngineError);
  });

  test('the notes’ forms are wrong by a visible margin: A₂ − Y is off by exactly m − 1 = 5; simplified ∂L/∂Z [6 × n] by more than 1%', () => {
    const { net, batch } = notesNetworkAfter(0);
    const f = notesForward(net, batch);
    const c = checkNotesGradients(net, batch, f, notesBackward(net, batch, f));
    expect(Math.abs((c.dZ2Tilde.notes as number) - 5)).toBeLessThan(1e-5);
    expect(c.dZ2.notes).toBeGreaterThan(0.01);
    expect(c.dZ1.notes).toBeGreaterThan(0.01);
    expect(c.dW1.notes).toBeGreaterThan(0.01);
  });

  test('exact ∂L/∂Z₁ [6 × 4] sums to 0 over the batch per neuron (1e-15); the simplified one does not', () => {
    const { net, batch } = notesNetworkAfter(4);
    const f = notesForward(net, batch);
    const g = notesBackward(net, batch, f);
    let simplifiedWorst = 0;
    for (let j = 0; j < 4; j++) {
      let s = 0, t = 0;
      for (let i = 0; i < 6; i++) {
        s += g.dZ1.data[i * 4 + j];
        t += g.dZ1Simplified.data[i * 4 + j];
      }
      expect(Math.abs(s)).toBeLessThan(1e-15);
      simplifiedWorst = Math.max(simplifiedWorst, Math.abs(t));
    }
    expect(simplifiedWorst).toBeGreaterThan(1e-4);
  });

  test('replaying SGD steps is deterministic (exact equality) and 20 steps lower the loss', () => {
    const a = notesNetworkAfter(20), b = notesNetworkAfter(20);
    expect(Array.from(a.losses)).toEqual(Array.from(b.losses));
    expect(a.losses[20]).toBeLessThan(a.losses[0]);
    expect(Array.from(notesNetworkAfter(5).losses)).toEqual(Array.from(a.losses.subarray(0, 5)).concat(notesNetworkAfter(5).losses[5]));
  });

  test('the notes’ −β output [6 × 4] has batch mean −β where the engine’s has +β (1e-12)', () => {
    const { net, batch } = notesNetworkAfter(6);
    const f = notesForward(net, batch);
    const minus = notesMinusBetaOutput(net.bn1, f.bn1);
    for (let j = 0; j < 4; j++) {
      let plusMean = 0, minusMean = 0;
      for (let i = 0; i < 6; i++) {
        plusMean += f.bn1.y.data[i * 4 + j] / 6;
        minusMean += minus.data[i * 4 + j] / 6;
      }
      expect(Math.abs(plusMean - net.bn1.beta[j])).toBeLessThan(1e-12);
      expect(Math.abs(minusMean + net.bn1.beta[j])).toBeLessThan(1e-12);
    }
  });
});

describe('finite-difference helpers', () => {
  test('central differences of Σ v² over a length-5 vector give 2v (1e-8) and restore v exactly', () => {
    const v = Float64Array.from([0.3, -1.2, 2.5, 0, 7]);
    const before = Array.from(v);
    const d = centralDifferences(() => v.reduce((s, x) => s + x * x, 0), v);
    d.forEach((x, i) => expect(Math.abs(x - 2 * before[i])).toBeLessThan(1e-8));
    expect(Array.from(v)).toEqual(before);
  });

  test('maxRelativeError is max|a − r| / max|r| over length-3 vectors, and the absolute error for a zero reference', () => {
    expect(maxRelativeError([1, 2, 3], [1, 2, 4])).toBeCloseTo(0.25, 15);
    expect(maxRelativeError([0, 1e-3], [0, 0])).toBe(1e-3);
  });

  test('maxBatchSum of a [3 × 2] matrix is the largest |column sum|', () => {
    expect(maxBatchSum(matrix(3, 2, [1, -2, 2, 0.5, -4, 0.25]))).toBe(1.25);
    expect(maxBatchSum(matrix(2, 1, [0.5, -0.5]))).toBe(0);
  });

  test('invSigmaGap: √(1 + ε/σ²) − 1 per feature, infinite for σ² = 0', () => {
    expect(invSigmaGap([1, 4], 1e-5)).toBeCloseTo(Math.sqrt(1 + 1e-5) - 1, 15);
    expect(invSigmaGap([0.5, 0], 1e-5)).toBe(Infinity);
  });
});
