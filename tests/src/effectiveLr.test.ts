import { describe, expect, test } from 'vitest';
import {
  EngineError,
  backward,
  createModel,
  createRng,
  createWorkspace,
  forwardLoss,
  linearLayers,
  maxRelativeDot,
  maxResidualAfterEps,
  selectRows,
  weightGradDots,
  type Model,
  type ModelOptions,
} from '../../src';
import { spiral } from './trainedModel';

const data = spiral(600, 1);
const batch = selectRows(data, Array.from({ length: 32 }, (_, i) => (i * 17) % 600));

/** A fresh model and its gradients on the [32 × 2] batch (train mode). */
function withGradients(options: Omit<ModelOptions, 'inputs' | 'classes'>, seed = 3): { model: Model; ws: ReturnType<typeof createWorkspace> } {
  const model = createModel({ inputs: 2, classes: 3, hidden: [16, 16], ...options }, createRng(seed));
  const ws = createWorkspace();
  forwardLoss(model, batch.x, batch.y, ws, { updateRunningStats: false });
  backward(model, ws);
  return { model, ws };
}

describe('weightGradDots: Σ_i W[i, j]·∂L/∂W[i, j] per output unit', () => {
  test('BN right after every linear layer, ε = 0, seeds 1–5: |dot_j| ≤ 1e-12·‖W[:, j]‖·‖∂L/∂W[:, j]‖ for W₁ [2 × 16], W₂ [16 × 16], W₃ [16 × 3]', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { model, ws } = withGradients({ bn: 'before', outputBn: true, eps: 0 }, seed);
      const dots = weightGradDots(model, ws);
      expect(dots.map((d) => [d.index, d.bnFollows, d.dot.length])).toEqual([[1, true, 16], [2, true, 16], [3, true, 3]]);
      for (const d of dots) expect(maxRelativeDot(d), `seed ${seed}, W${d.index}`).toBeLessThanOrEqual(1e-12);
    }
  });

  test('with PyTorch’s ε = 1e-5 the dot is BN’s ε part: dot_j = γ_j·ε/(σ²_j + ε)·∂L/∂γ_j to 1e-12 of the scale, and it is not rounding (> 1e-8 of the scale somewhere)', () => {
    const { model, ws } = withGradients({ bn: 'before', outputBn: true });
    for (const d of weightGradDots(model, ws)) {
      const eps = d.epsTerm!;
      for (let j = 0; j < d.dot.length; j++) expect(Math.abs(d.dot[j] - eps[j])).toBeLessThanOrEqual(1e-12 * d.scale[j]);
      expect(maxResidualAfterEps(d)).toBeLessThanOrEqual(1e-12);
    }
    expect(Math.max(...weightGradDots(model, ws).map(maxRelativeDot))).toBeGreaterThan(1e-8);
  });

  test('without BN the dot is of the size of its terms: max_j |dot_j|/scale_j > 0.1 for W₁ and W₂, and no ε part', () => {
    const { model, ws } = withGradients({ bn: 'none' });
    const dots = weightGradDots(model, ws);
    expect(dots.map((d) => [d.bnFollows, d.epsTerm, maxResidualAfterEps(d)])).toEqual([[false, null, null], [false, null, null], [false, null, null]]);
    expect(maxRelativeDot(dots[0])).toBeGreaterThan(0.1);
    expect(maxRelativeDot(dots[1])).toBeGreaterThan(0.1);
  });

  test('Σ_j dot_j is d/dc L(c·W₁) at c = 1: central differences with h = 1e-5 agree to 1e-6 relative (no BN, so it is not 0)', () => {
    const { model, ws } = withGradients({ bn: 'none' });
    const total = weightGradDots(model, ws)[0].dot.reduce((s, v) => s + v, 0);
    const W = linearLayers(model)[0].W.data, W0 = W.slice(), h = 1e-5;
    const lossAt = (c: number) => {
      for (let i = 0; i < W.length; i++) W[i] = c * W0[i];
      return forwardLoss(model, batch.x, batch.y, createWorkspace(), { updateRunningStats: false }).loss;
    };
    const fd = (lossAt(1 + h) - lossAt(1 - h)) / (2 * h);
    expect(Math.abs(fd - total) / Math.abs(total)).toBeLessThan(1e-6);
  });

  test('a workspace without a backward pass of this model throws EngineError', () => {
    const { model } = withGradients({ bn: 'before' });
    expect(() => weightGradDots(model, createWorkspace())).toThrow(EngineError);
    const ws = createWorkspace();
    forwardLoss(model, batch.x, batch.y, ws);
    expect(() => weightGradDots(model, ws)).toThrow(/forwardLoss and backward/);
  });
});
