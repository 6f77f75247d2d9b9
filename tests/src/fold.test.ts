import { describe, expect, test } from 'vitest';
import {
  EngineError,
  createBatchNorm,
  createModel,
  createRng,
  foldBatchNorm,
  foldError,
  foldOutputChannels,
  params,
  type Model,
} from '../../src';
import { scrambleBatchNorms, spiral, trainedModel } from './trainedModel';

const kinds = (m: Model) => m.layers.map((l) => `${l.kind}${l.index}`);
const snapshot = (m: Model) => m.layers.map((l) => JSON.stringify(l, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v)));

/** A BN over n features with γ, β, running mean and variance far from their defaults. */
function scrambledBn(n: number, seed: number) {
  const bn = createBatchNorm(n), rng = createRng(seed);
  for (let j = 0; j < n; j++) {
    bn.gamma[j] = 0.5 + rng.uniform();
    bn.beta[j] = rng.gaussian();
    bn.runningMean[j] = 2 * rng.gaussian();
    bn.runningVar[j] = 0.1 + 3 * rng.uniform();
  }
  return bn;
}

const gaussians = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.gaussian());
};

describe('foldOutputChannels: the per-output-channel core', () => {
  test('linear W [3 × 4] with bias: W′[i, j] = W[i, j]·γ_j/√(σ²_j + ε), b′_j = (b_j − μ_j)·s_j + β_j (exact); inputs untouched', () => {
    const W = gaussians(12, 1), b = gaussians(4, 2), bn = scrambledBn(4, 3);
    const [W0, b0] = [W.slice(), b.slice()];
    const f = foldOutputChannels(W, b, bn, { outer: 3, outputs: 4, inner: 1 });
    for (let j = 0; j < 4; j++) {
      const s = bn.gamma[j] / Math.sqrt(bn.runningVar[j] + 1e-5);
      expect(f.scale[j]).toBe(s);
      expect(f.bias[j]).toBe((b[j] - bn.runningMean[j]) * s + bn.beta[j]);
      for (let i = 0; i < 3; i++) expect(f.weight[i * 4 + j]).toBe(W[i * 4 + j] * s);
    }
    expect([W, b]).toEqual([W0, b0]);
    // no bias: b = 0
    expect(foldOutputChannels(W, null, bn, { outer: 3, outputs: 4, inner: 1 }).bias[1]).toBe(-bn.runningMean[1] * f.scale[1] + bn.beta[1]);
  });

  test('conv-shaped weight [out 3, in 2, kh 2, kw 2] laid out flat: each output channel c scaled by s_c; eval-BN(conv(x) + b) = conv′(x) + b′ on a [2 × 3 × 3] input (1e-12)', () => {
    const out = 3, cin = 2, kh = 2, kw = 2, H = 3, Wd = 3;
    const weight = gaussians(out * cin * kh * kw, 4), bias = gaussians(out, 5), bn = scrambledBn(out, 6), x = gaussians(cin * H * Wd, 7);
    const f = foldOutputChannels(weight, bias, bn, { outer: 1, outputs: out, inner: cin * kh * kw });
    const at = (c: number, i: number, y: number, xx: number) => ((c * cin + i) * kh + y) * kw + xx;
    // Cross-correlation (PyTorch's conv2d) of x at output position (py, px), channel c.
    const conv = (w: Float64Array, b: Float64Array, c: number, py: number, px: number) => {
      let z = b[c];
      for (let i = 0; i < cin; i++) for (let y = 0; y < kh; y++) for (let xx = 0; xx < kw; xx++) z += w[at(c, i, y, xx)] * x[(i * H + py + y) * Wd + px + xx];
      return z;
    };
    for (let c = 0; c < out; c++) {
      for (let i = 0; i < cin; i++) for (let y = 0; y < kh; y++) for (let xx = 0; xx < kw; xx++) expect(f.weight[at(c, i, y, xx)]).toBe(weight[at(c, i, y, xx)] * f.scale[c]);
      for (let py = 0; py < 2; py++) {
        for (let px = 0; px < 2; px++) {
          const bnOut = (bn.gamma[c] * (conv(weight, bias, c, py, px) - bn.runningMean[c])) / Math.sqrt(bn.runningVar[c] + bn.eps) + bn.beta[c];
          expect(Math.abs(conv(f.weight, f.bias, c, py, px) - bnOut)).toBeLessThan(1e-12 * Math.max(1, Math.abs(bnOut)));
        }
      }
    }
  });

  test('sizes that do not fit throw EngineError naming them', () => {
    const bn = createBatchNorm(4);
    expect(() => foldOutputChannels(new Float64Array(11), null, bn, { outer: 3, outputs: 4, inner: 1 })).toThrow(/11 values does not have the layout \[3 × 4 × 1\]/);
    expect(() => foldOutputChannels(new Float64Array(15), null, bn, { outer: 3, outputs: 5, inner: 1 })).toThrow(/4 features cannot fold into 5 outputs/);
    expect(() => foldOutputChannels(new Float64Array(12), new Float64Array(3), bn, { outer: 3, outputs: 4, inner: 1 })).toThrow(/bias of 3 values/);
    expect(() => foldOutputChannels(new Float64Array(0), null, bn, { outer: 0, outputs: 4, inner: 1 })).toThrow(EngineError);
  });
});

describe('foldBatchNorm: a whole model', () => {
  // 2 000 spiral points, a different seed from the training data.
  const test2000 = spiral(2000, 99).x;

  test("BN 'before' + output BN, trained 300 steps: every BN folds, none is left; max |Δ logit| over [2000 × 2] ≤ 1e-12·max(1, max |logit|)", () => {
    const model = trainedModel({ hidden: [16, 16], activation: 'relu', bn: 'before', outputBn: true }, 300, 1);
    const fold = foldBatchNorm(model);
    expect(kinds(fold.model)).toEqual(['linear1', 'activation1', 'linear2', 'activation2', 'linear3']);
    expect(fold.folded.map((f) => f.index)).toEqual([1, 2, 3]);
    expect(fold.kept).toEqual([]);
    const e = foldError(model, fold.model, test2000);
    expect(e.relative).toBeLessThanOrEqual(1e-12);
    expect(e.maxLogit).toBeGreaterThan(1);
    // W (no bias: BN follows) + γ + β per layer, before; W′ + b′ after.
    expect(fold.parametersBefore).toBe(2 * 16 + 2 * 16 + 16 * 16 + 2 * 16 + 16 * 3 + 2 * 3);
    expect(fold.parametersAfter).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3);
    expect(fold.storedBefore - fold.storedAfter).toBe(3 * (16 + 16 + 3));
  });

  test('scrambled γ, β, running statistics and biases on every linear layer (bias true), 3 seeds: max |Δ| ≤ 1e-12·max(1, max |logit|)', () => {
    for (const seed of [1, 2, 3]) {
      const model = scrambleBatchNorms(trainedModel({ hidden: [8, 8, 8], activation: 'tanh', bn: 'before', outputBn: true, bias: true }, 50, seed), seed + 10);
      const fold = foldBatchNorm(model);
      const e = foldError(model, fold.model, test2000);
      expect(e.relative, `seed ${seed}`).toBeLessThanOrEqual(1e-12);
      expect(e.maxAbs).toBeGreaterThan(0);
      expect(fold.model.layers.some((l) => l.kind === 'batchnorm')).toBe(false);
    }
  });

  test("BN 'after' the activation stays, with the reason; the output BN (right after W_L) still folds; outputs agree (1e-12 relative)", () => {
    const model = scrambleBatchNorms(trainedModel({ hidden: [8, 8], activation: 'relu', bn: 'after', outputBn: true }, 100, 4), 5);
    const fold = foldBatchNorm(model);
    expect(kinds(fold.model)).toEqual(['linear1', 'activation1', 'batchnorm1', 'linear2', 'activation2', 'batchnorm2', 'linear3']);
    expect(fold.folded.map((f) => f.index)).toEqual([3]);
    expect(fold.kept.map((k) => [k.index, k.position])).toEqual([[1, 2], [2, 5]]);
    expect(fold.kept[0].reason).toMatch(/BN1 comes after the activation \(relu\), not right after the linear map W1/);
    expect(foldError(model, fold.model, test2000).relative).toBeLessThanOrEqual(1e-12);
    expect(fold.parametersBefore - fold.parametersAfter).toBe(3);
  });

  test("BN 'after' an identity activation stays too, but its reason says it could fold (no nonlinearity sits between)", () => {
    const model = trainedModel({ hidden: [4], activation: 'identity', bn: 'after' }, 10, 4);
    const fold = foldBatchNorm(model);
    expect(fold.kept.map((k) => k.index)).toEqual([1]);
    expect(fold.kept[0].reason).toMatch(/^BN1 follows an identity activation, so it could fold into W1 exactly/);
    expect(fold.kept[0].reason).not.toMatch(/nonlinearity/);
  });

  test('the input model is not modified and shares no array with the result; the result’s config rebuilds its layer structure', () => {
    const model = scrambleBatchNorms(trainedModel({ hidden: [6], bn: 'before', outputBn: true }, 20, 6), 7);
    const before = snapshot(model);
    const fold = foldBatchNorm(model);
    expect(snapshot(model)).toEqual(before);
    const mine = new Set(params(model).flatMap((p) => [p.value, p.grad]));
    for (const p of params(fold.model)) expect(mine.has(p.value) || mine.has(p.grad)).toBe(false);
    expect(fold.model.config).toMatchObject({ bn: 'none', outputBn: false, bias: true });
    expect(kinds(createModel(fold.model.config, createRng(1)))).toEqual(kinds(fold.model));
    expect(fold.folded[0].W).toBe((fold.model.layers[0] as { W: unknown }).W);
  });

  test('a model without BN folds to itself: outputs equal bit for bit, nothing folded, nothing kept', () => {
    const model = trainedModel({ hidden: [8], bn: 'none' }, 20, 8);
    const fold = foldBatchNorm(model);
    expect([fold.folded, fold.kept]).toEqual([[], []]);
    expect(foldError(model, fold.model, test2000).maxAbs).toBe(0);
    expect(fold.parametersAfter).toBe(fold.parametersBefore);
  });
});
