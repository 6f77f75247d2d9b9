import { describe, expect, test } from 'vitest';
import { EngineError, batchMateSpread, createBatchNorm, firstSampleOutput, outputMean, runningStatsTrace, sampleInContexts, sampleMiniBatch } from '../../src';

const base = { seed: 3, m: 16, shift: 2, scale: 1.5, momentum: 0.1, eps: 1e-5, batches: 60 };

describe('running statistics over a stream of batches (one neuron)', () => {
  test('each update is (1 − momentum)·old + momentum·new, with the unbiased σ²·m/(m − 1) for the variance (1e-14), over 60 batches', () => {
    const t = runningStatsTrace(base);
    let mean = 0, variance = 1;
    for (let k = 0; k < 60; k++) {
      mean = 0.9 * mean + 0.1 * t.batchMean[k];
      variance = 0.9 * variance + (0.1 * t.batchVar[k] * 16) / 15;
      expect(Math.abs(t.runningMean[k] - mean)).toBeLessThan(1e-14);
      expect(Math.abs(t.runningVar[k] - variance)).toBeLessThan(1e-14);
    }
    expect(t.bn.runningMean[0]).toBe(t.runningMean[59]);
  });

  test('batch t is the seeded draw sampleMiniBatch(seed + 1000 + t, m, shift, scale): batch mean matches (1e-14)', () => {
    const t = runningStatsTrace(base);
    const z = sampleMiniBatch(3 + 1000 + 7, 16, 2, 1.5);
    expect(Math.abs(t.batchMean[7] - z.reduce((s, v) => s + v, 0) / 16)).toBeLessThan(1e-14);
  });

  test('after 60 batches of m = 16 from N(2, 1.5²) the running estimates are near the truth (mean ±0.4, variance ±0.8)', () => {
    const t = runningStatsTrace(base);
    expect(Math.abs(t.runningMean[59] - 2)).toBeLessThan(0.4);
    expect(Math.abs(t.runningVar[59] - 2.25)).toBeLessThan(0.8);
  });

  test('a training batch of m = 1 is refused with PyTorch’s message', () => {
    expect(() => runningStatsTrace({ ...base, m: 1 })).toThrow(EngineError);
    expect(() => runningStatsTrace({ ...base, m: 1 })).toThrow(/Expected more than 1 value per channel when training/);
  });
});

describe('one sample in train and eval mode', () => {
  const { bn } = runningStatsTrace({ ...base, gamma: 1.3, beta: -0.4 });
  const z = sampleMiniBatch(1, 8, 2, 1.5);
  const others = sampleMiniBatch(99, 7, 2, 1.5);

  test('train mode: the sample’s output depends on its batch, and alone (m = 1) it is an error, not a number', () => {
    const c = sampleInContexts(bn, z, others, 'train');
    expect(c.inBatch.ok && c.withOthers.ok).toBe(true);
    if (c.inBatch.ok && c.withOthers.ok) expect(Math.abs(c.inBatch.y - c.withOthers.y)).toBeGreaterThan(1e-3);
    expect(c.alone).toEqual({ ok: false, error: 'Expected more than 1 value per channel when training, got input size [1, 1]' });
  });

  test('eval mode: the same number in all three batches, equal to γ(z − running mean)/√(running var + ε) + β (1e-12)', () => {
    const c = sampleInContexts(bn, z, others, 'eval');
    const want = (1.3 * (z[0] - bn.runningMean[0])) / Math.sqrt(bn.runningVar[0] + 1e-5) - 0.4;
    for (const out of [c.inBatch, c.withOthers, c.alone]) {
      expect(out.ok).toBe(true);
      if (out.ok) expect(Math.abs(out.y - want)).toBeLessThan(1e-12);
    }
  });

  test('firstSampleOutput leaves the running statistics alone in train mode', () => {
    const before = [bn.runningMean[0], bn.runningVar[0]];
    firstSampleOutput(bn, z, 'train');
    expect([bn.runningMean[0], bn.runningVar[0]]).toEqual(before);
  });
});

describe('a shifted test batch (the notes’ “coloured cats”)', () => {
  test('train mode re-centres a batch shifted by +3 on β (1e-12); eval mode keeps the shift, ≈ 3/σ_run (m = 16)', () => {
    const { bn } = runningStatsTrace(base);
    const shifted = sampleMiniBatch(5, 16, 2 + 3, 1.5);
    expect(Math.abs(outputMean(bn, shifted, 'train'))).toBeLessThan(1e-12);
    const evalMean = outputMean(bn, shifted, 'eval');
    let zMean = 0;
    for (const v of shifted) zMean += v / 16;
    expect(Math.abs(evalMean - (zMean - bn.runningMean[0]) / Math.sqrt(bn.runningVar[0] + 1e-5))).toBeLessThan(1e-12);
    expect(evalMean).toBeGreaterThan(1);
  });
});

describe('batchMateSpread: one sample among different batch-mates (BN’s noise)', () => {
  const trained = () => runningStatsTrace(base).bn;
  const o = { seed: 4, shift: 2, scale: 1.5, draws: 200 };

  test('train mode, m = 8: z₀ = 3 comes out differently with each draw of 7 batch-mates; each output is (z₀ − μ_B)/√(σ²_B + ε) (1e-12)', () => {
    const s = batchMateSpread(trained(), 3, { ...o, m: 8, mode: 'train' });
    expect(s.std).toBeGreaterThan(0.05);
    expect(s.max - s.min).toBeGreaterThan(2 * s.std);
    const batch = [3, ...sampleMiniBatch(o.seed + 5000 + 17, 7, 2, 1.5)];
    const mu = batch.reduce((a, b) => a + b, 0) / 8;
    const v = batch.reduce((a, b) => a + (b - mu) ** 2, 0) / 8;
    expect(Math.abs(s.outputs[17] - (3 - mu) / Math.sqrt(v + 1e-5))).toBeLessThan(1e-12);
  });

  test('eval mode: one number for every draw, the running-statistics output of z₀ alone (std exactly 0)', () => {
    const bn = trained();
    const s = batchMateSpread(bn, 3, { ...o, m: 8, mode: 'eval' });
    expect(s.std).toBe(0);
    const alone = firstSampleOutput(bn, [3], 'eval');
    expect(alone.ok && s.outputs.every((y) => y === alone.y)).toBe(true);
  });

  test('the noise shrinks with the batch: std at m = 64 is under half of std at m = 4 (≈ 1/√m)', () => {
    const bn = createBatchNorm(1);
    const small = batchMateSpread(bn, 3, { ...o, m: 4, mode: 'train' });
    const large = batchMateSpread(bn, 3, { ...o, m: 64, mode: 'train' });
    expect(large.std).toBeLessThan(small.std / 2);
  });

  test('m = 1 in train mode is PyTorch’s refusal; in eval mode it works', () => {
    expect(() => batchMateSpread(createBatchNorm(1), 3, { ...o, m: 1, mode: 'train' })).toThrow(/more than 1 value/);
    expect(batchMateSpread(trained(), 3, { ...o, m: 1, mode: 'eval' }).std).toBe(0);
    expect(() => batchMateSpread(createBatchNorm(1), 3, { ...o, m: 8, draws: 0, mode: 'train' })).toThrow(EngineError);
  });
});
