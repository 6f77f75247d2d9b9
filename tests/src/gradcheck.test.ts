import { describe, expect, test } from 'vitest';
import {
  EngineError,
  batchNormBackward,
  batchNormBackwardSimplified,
  batchNormForward,
  checkGradient,
  checkModelGradients,
  createBatchNorm,
  createModel,
  createRng,
  matrix,
  params,
  relativeError,
  type Matrix,
  type Model,
} from '../../src';

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  return matrix(rows, cols, Float64Array.from({ length: rows * cols }, () => rng.gaussian()));
}

/** γ and β away from their defaults (1, 0), so a missing γ or β term in a backward shows up. */
function perturbAffine(model: Model, seed: number): void {
  const rng = createRng(seed);
  for (const p of params(model)) {
    if (p.name.startsWith('gamma')) p.value.forEach((_, i) => (p.value[i] = 0.5 + rng.uniform()));
    if (p.name.startsWith('beta')) p.value.forEach((_, i) => (p.value[i] = 0.3 * rng.gaussian()));
  }
}

describe('checkGradient on plain functions', () => {
  test('f(x) = Σ xᵢ·sin(xᵢ) [5]: the exact gradient passes to 1e-8, a wrong one fails', () => {
    const x = Float64Array.from([0.3, -1.2, 2.5, 0.01, -0.7]);
    const f = (v: Float64Array) => v.reduce((s, xi) => s + xi * Math.sin(xi), 0);
    const grad = Array.from(x, (xi) => Math.sin(xi) + xi * Math.cos(xi));
    const ok = checkGradient(f, x, grad);
    expect(ok.maxRelError).toBeLessThan(1e-8);
    expect(ok.entries).toHaveLength(5);
    const wrong = checkGradient(f, x, grad.map((g, i) => (i === 2 ? g * 1.01 : g)));
    expect(wrong.maxRelError).toBeGreaterThan(5e-3);
    expect(wrong.entries.find((e) => e.relError > 5e-3)?.index).toBe(2);
  });

  test('x is restored bit for bit, and only the requested indices are checked', () => {
    const x = Float64Array.from([0.1, 0.2, 0.3]);
    const copy = x.slice();
    const r = checkGradient((v) => v[0] * v[1] * v[2], x, [0.06, 0.03, 0.02], { indices: [2, 0] });
    expect(Array.from(x)).toEqual(Array.from(copy));
    expect(r.entries.map((e) => e.index)).toEqual([2, 0]);
    expect(() => checkGradient((v) => v[0], x, [1, 2])).toThrow(EngineError);
    expect(() => checkGradient((v) => v[0], x, [1, 0, 0], { h: 0 })).toThrow(/positive/);
  });

  test('relativeError = |a − n| / max(|a|, |n|, floor)', () => {
    expect(relativeError(1, 1.1)).toBeCloseTo(0.1 / 1.1, 15);
    expect(relativeError(0, 1e-12)).toBeCloseTo(1e-4, 15);
  });

  test('it tells the exact BN backward from the notes’ simplified one (z [5 × 3], γ ≠ 1)', () => {
    const bn = createBatchNorm(3);
    bn.gamma.set([1.5, 0.7, 2]);
    const z = randomMatrix(5, 3, 4);
    const w = randomMatrix(5, 3, 5); // L = Σ w ⊙ BN(z)
    const L = (data: Float64Array) => {
      const y = batchNormForward(bn, matrix(5, 3, data), { updateRunningStats: false }).y.data;
      return y.reduce((s, v, i) => s + v * w.data[i], 0);
    };
    const fwd = batchNormForward(bn, z, { updateRunningStats: false });
    const exact = batchNormBackward(bn, fwd, w).dz.data.slice();
    const simple = batchNormBackwardSimplified(bn, fwd, w).dz.data.slice();
    expect(checkGradient(L, z.data, exact).maxRelError).toBeLessThan(1e-6);
    expect(checkGradient(L, z.data, simple).maxRelError).toBeGreaterThan(0.1);
  });
});

describe('checkModelGradients', () => {
  test("NUMERICS case 15: Linear→BN→ReLU→Linear→BN→softmax-CE, x [8 × 3], every parameter to 1e-6 relative", () => {
    const model = createModel({ inputs: 3, hidden: [5], classes: 3, activation: 'relu', bn: 'before', outputBn: true }, createRng(21));
    perturbAffine(model, 2);
    const x = randomMatrix(8, 3, 22);
    const r = checkModelGradients(model, x, [0, 1, 2, 2, 1, 0, 1, 2], { h: 1e-5 });
    expect(r.results.map((p) => p.name)).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2']);
    expect(r.results.map((p) => p.entries.length)).toEqual([15, 5, 5, 15, 3, 3]);
    // away from ReLU kinks: every ReLU input is far (≥ 1e-3) from 0 compared with h = 1e-5
    expect(r.minReluInput).toBeGreaterThan(1e-3);
    expect(Number.isFinite(r.loss)).toBe(true);
    for (const p of r.results) expect(p.maxRelError, p.name).toBeLessThan(1e-6);
  });

  test("a deeper net [7 × 2] → 6 → 5 → 4 classes, tanh, BN 'after', with biases: every parameter to 1e-6", () => {
    // (No BN on the logits here: it would cancel β₂ exactly, leaving a gradient of 0 to compare with noise.)
    const model = createModel({ inputs: 2, hidden: [6, 5], classes: 4, activation: 'tanh', bn: 'after' }, createRng(5));
    perturbAffine(model, 3);
    for (const p of params(model)) if (p.name.startsWith('b') && !p.name.startsWith('beta')) p.value.forEach((_, i) => (p.value[i] = 0.1 * (i - 2)));
    const r = checkModelGradients(model, randomMatrix(7, 2, 6), [0, 1, 2, 3, 0, 1, 2]);
    expect(r.results.map((p) => p.name)).toEqual(['W1', 'b1', 'gamma1', 'beta1', 'W2', 'b2', 'gamma2', 'beta2', 'W3', 'b3']);
    expect(r.maxRelError).toBeLessThan(1e-6);
  });

  test('eval mode (running statistics as constants), sigmoid, no BN on logits: every parameter to 1e-6', () => {
    const model = createModel({ inputs: 3, hidden: [4], classes: 2, activation: 'sigmoid', bn: 'before' }, createRng(8));
    perturbAffine(model, 4);
    const r = checkModelGradients(model, randomMatrix(3, 3, 9), [1, 0, 1], { mode: 'eval' });
    expect(r.maxRelError).toBeLessThan(1e-6);
  });

  test('checks only the named parameters; leaves values and running statistics untouched; rejects unknown names', () => {
    const model = createModel({ inputs: 3, hidden: [4], classes: 2, bn: 'before' }, createRng(8));
    const before = params(model).map((p) => Array.from(p.value));
    const bn = model.layers[1];
    const r = checkModelGradients(model, randomMatrix(4, 3, 9), [1, 0, 1, 0], { names: ['gamma1'] });
    expect(r.results.map((p) => p.name)).toEqual(['gamma1']);
    expect(params(model).map((p) => Array.from(p.value))).toEqual(before);
    if (bn.kind === 'batchnorm') expect(Array.from(bn.runningMean)).toEqual([0, 0, 0, 0]);
    expect(() => checkModelGradients(model, randomMatrix(4, 3, 9), [1, 0, 1, 0], { names: ['W9'] })).toThrow(/no parameter "W9"/);
  });
});
