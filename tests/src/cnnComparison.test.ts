import { describe, expect, test } from 'vitest';
import { type Dataset, cnnChannelQuantiles, cnnParams, createCnnWorkspace, createCnnComparison, createCnnExperiment, createExperiment, createRng, experimentData, stepCnnComparison, zeros } from '../../src';

/** n random 28 × 28 "images" in [0, 1), labels cycling through `classes`. */
function images(n: number, seed: number, classes = 10): Dataset {
  const rng = createRng(seed);
  const x = zeros(n, 784);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform();
  return { x, y: Int32Array.from({ length: n }, (_, i) => i % classes), classes };
}

describe('the CNN comparison (with and without BatchNorm2d)', () => {
  test('[64 × 784] images, batch 8: both networks start from the same W1, W2, W3; only the BN one has γ, β, only the plain one conv biases', () => {
    const c = createCnnComparison({ batchSize: 8, seed: 5 }, { train: images(64, 1) });
    const names = (v: 'plain' | 'bn') => cnnParams(c.variants[v].model).map((p) => p.name);
    expect(names('plain')).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    expect(names('bn')).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2', 'W3', 'b3']);
    const weights = (v: 'plain' | 'bn') => c.variants[v].params.filter((p) => p.name.startsWith('W')).map((p) => Array.from(p.value));
    expect(weights('plain')).toEqual(weights('bn'));
  });

  test('[64 × 784] train, [30 × 784] test, batch 8: 6 steps in chunks of 2 + 4 give the same logs as one chunk of 6, bit for bit', () => {
    const data = { train: images(64, 2), test: images(30, 3) };
    const options = { batchSize: 8, seed: 9, logEvery: 2, evalEvery: 2, optimizer: { name: 'sgd' as const, lr: 0.05 } };
    const whole = stepCnnComparison(createCnnComparison(options, data), 6);
    const chunked = createCnnComparison(options, data);
    const a = stepCnnComparison(chunked, 2), b = stepCnnComparison(chunked, 4);
    for (const v of ['plain', 'bn'] as const) {
      expect([...a.logs[v], ...b.logs[v]]).toEqual(whole.logs[v]);
      expect(whole.logs[v].map((m) => m.step)).toEqual([2, 4, 6]);
      expect(whole.logs[v].every((m) => m.testAccuracy !== null && m.gradNorms.length === 3 && m.quantiles.length === 2)).toBe(true);
    }
    // The two networks see the same batches but are different networks: their losses differ.
    expect(whole.logs.plain[0].trainLoss).not.toBe(whole.logs.bn[0].trainLoss);
  });

  test('[200 × 784] two-class images with a bright left or right half, batch 16, SGD 0.1: both networks pass 90 % test accuracy within 40 steps', () => {
    const make = (n: number, seed: number): Dataset => {
      const d = images(n, seed, 2);
      for (let i = 0; i < n; i++) for (let p = 0; p < 784; p++) if ((p % 28 < 14) === (d.y[i] === 0)) d.x.data[i * 784 + p] += 1;
      return d;
    };
    const c = createCnnComparison({ batchSize: 16, seed: 1, logEvery: 40, evalEvery: 40, optimizer: { name: 'sgd', lr: 0.1 } }, { train: make(200, 4), test: make(60, 5) });
    const logs = stepCnnComparison(c, 40).logs;
    expect(logs.plain[0].testAccuracy).toBeGreaterThan(0.9);
    expect(logs.bn[0].testAccuracy).toBeGreaterThan(0.9);
  });

  test('a 2-D dataset is refused with a clear message; createExperiment refuses model "cnn"', () => {
    const split = experimentData({ dataset: 'spiral' });
    expect(() => createCnnExperiment({ dataset: 'spiral' }, split)).toThrow(
      'the CNN takes 28 × 28 images (Fashion-MNIST, 784 pixels per row); the training set has 2 features per sample: use the MLP for it',
    );
    expect(() => createExperiment({ model: 'cnn' })).toThrow('a CNN comparison is built by createCnnExperiment, on 28 × 28 images');
    expect(() => createExperiment({ model: 'rnn' as 'cnn' })).toThrow('unknown model "rnn", expected one of mlp, cnn');
  });

  test('channels [4, 6] and kernel 5 reach the networks; the probe logs channel 1 of both blocks: 15 ≤ 50 ≤ 85 %, BN’s input beside its output, the same numbers as a probe pass by hand', () => {
    const c = createCnnExperiment({ model: 'cnn', batch: 8, seed: 3, logEvery: 2, evalEvery: 2, channels: [4, 6], kernel: 5 }, { train: images(64, 6), test: images(20, 7) }).comparison;
    expect(c.variants.bn.model.blocks.map((b) => [b.conv.W.rows, b.conv.W.cols])).toEqual([[4, 25], [6, 100]]);
    expect(c.probe?.shape).toEqual([64, 1, 28, 28]);
    const logs = stepCnnComparison(c, 2).logs;
    for (const v of ['plain', 'bn'] as const) {
      const q = logs[v][0].quantiles;
      expect(q.map((e) => [e.layer, e.unit])).toEqual([[1, 0], [2, 0]]);
      expect(q.every((e) => e.q15 <= e.q50 && e.q50 <= e.q85)).toBe(true);
      expect(q.every((e) => (v === 'bn' ? e.preBn !== null : e.preBn === null))).toBe(true);
      expect(cnnChannelQuantiles(c.variants[v].model, c.probe!, createCnnWorkspace(), 0)).toEqual(q);
    }
    // BN's output per channel is standardised on the probe batch then scaled by γ ≈ 1, β ≈ 0 after 2 steps: its median is near 0, BN's input need not be.
    expect(Math.abs(logs.bn[0].quantiles[0].q50)).toBeLessThan(1);
    expect(() => cnnChannelQuantiles(c.variants.bn.model, c.probe!, createCnnWorkspace(), 4)).toThrow('probe channel 4 does not exist in a block of 4 channels');
  });

  test('bad CNN shapes are refused in words: a 0-channel block, a kernel of 40 on 28 × 28 images', () => {
    const data = { train: images(16, 1), test: images(4, 2) };
    expect(() => createCnnExperiment({ model: 'cnn', batch: 8, channels: [0, 16] }, data)).toThrow('channels[0] (output channels of block 1)');
    expect(() => createCnnExperiment({ model: 'cnn', batch: 8, kernel: 40 }, data)).toThrow('Kernel size: (40 x 40). Kernel size can\'t be greater than actual input size');
  });
});
