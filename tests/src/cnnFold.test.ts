import { describe, expect, test } from 'vitest';
import { type Dataset, cnnBatchMateEffect, cnnFoldError, cnnParams, createCnnExperiment, createRng, foldCnn, imageRows, stepCnnComparison, timeCnnPredictions, zeros } from '../../src';

/** n random 28 × 28 "images" in [0, 1), labels cycling through 10 classes. */
function images(n: number, seed: number): Dataset {
  const rng = createRng(seed);
  const x = zeros(n, 784);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform();
  return { x, y: Int32Array.from({ length: n }, (_, i) => i % 10), classes: 10 };
}

/** The CNN with BatchNorm2d after 30 SGD steps (channels 4, 8; batch 8), as the lab would hand it over. */
function trained() {
  const data = { train: images(96, 1), test: images(40, 2) };
  const { comparison } = createCnnExperiment({ model: 'cnn', batch: 8, seed: 4, lr: 0.05, logEvery: 10, evalEvery: 10, channels: [4, 8] }, data);
  stepCnnComparison(comparison, 30);
  return { model: comparison.variants.bn.model, test: data.test };
}

describe('foldCnn: each BatchNorm2d folded into its convolution, per output channel', () => {
  test('channels 4, 8 after 30 steps, 40 test images: max |folded − unfolded| ≤ 1e-12 relative; W′ = W·s per channel, b′ = β − μ·s; 2 blocks folded; parameters 2,358 → 2,346; the input untouched', () => {
    const { model, test } = trained();
    const before = Float64Array.from(model.blocks[0].conv.W.data);
    const f = foldCnn(model);
    const x = imageRows(test.x, 0, 40, 28);
    const e = cnnFoldError(model, f.model, x);
    expect(e.relative).toBeLessThanOrEqual(1e-12);
    expect(e.maxAbs).toBeGreaterThan(0);
    expect(f.folded.map((l) => [l.index, l.W.rows, l.W.cols])).toEqual([[1, 4, 9], [2, 8, 36]]);
    const bn = model.blocks[1].bn!, j = 5, s = bn.gamma[j] / Math.sqrt(bn.runningVar[j] + bn.eps);
    expect(f.folded[1].scale[j]).toBe(s);
    expect(f.folded[1].W.data[j * 36 + 7]).toBe(model.blocks[1].conv.W.data[j * 36 + 7] * s);
    expect(f.folded[1].b[j]).toBe((0 - bn.runningMean[j]) * s + bn.beta[j]);
    // conv W 36 + 288, γ/β 8 + 16, head 200·10 + 10 = 2,358 with BN; folded: b′ 4 + 8 instead of γ, β.
    expect(f.parametersBefore).toBe(cnnParams(model).reduce((n, p) => n + p.value.length, 0));
    expect([f.parametersBefore, f.parametersAfter, f.storedBefore, f.storedAfter]).toEqual([2358, 2346, 2382, 2346]);
    expect(f.model.config.bn).toBe(false);
    expect(model.blocks[0].conv.W.data).toEqual(before);
    expect(model.blocks[0].bn).not.toBeNull();
  });

  test('train mode has no fold: image 1’s logits move with its 8 batch-mates, the folded CNN’s by exactly 0 and equal eval mode’s', () => {
    const { model, test } = trained();
    const f = foldCnn(model);
    const m = cnnBatchMateEffect(model, f.model, imageRows(test.x, 0, 17, 28));
    expect(m.trainGap).toBeGreaterThan(1e-3);
    expect(m.foldedGap).toBe(0);
    expect(m.foldedVsEval).toBeLessThan(1e-12);
  });

  test('timing reads only the clock it is given: passes until minMs', () => {
    const { model, test } = trained();
    let t = 0;
    const r = timeCnnPredictions(foldCnn(model).model, imageRows(test.x, 0, 4, 28), () => (t += 2), 10);
    expect(r.passes).toBe(5);
    expect(r.msPerSample).toBe(10 / (5 * 4));
  });
});
