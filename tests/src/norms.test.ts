import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  type SampleNorm,
  type Shape4,
  type Tensor4,
  EngineError,
  RMS_NORM_DEFAULT_EPS,
  batchNorm2dForward,
  batchNormForward,
  createBatchNorm,
  createBatchNorm2d,
  createGroupNorm,
  createInstanceNorm2d,
  createLayerNorm,
  createRmsNorm,
  createRng,
  groupNormForward,
  matrix,
  sampleNormBackward,
  tensor4,
  trailingNormForward,
  transpose,
} from '../../src';
import { dot, numericGradient } from './finiteDifference';
import { normwiseError, randomTensor } from './images';

/**
 * LayerNorm, GroupNorm, InstanceNorm2d and RMSNorm (src/norms.ts, src/sampleNorm.ts): against
 * TensorFlow.js built from its ops (it has none of these layers), central differences for every
 * backward, and the identities between them as properties.
 */
beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

/** γ and β drawn away from 1 and 0, so a missed γ or β shows. */
function scramble(norm: SampleNorm, seed: number): void {
  const rng = createRng(seed);
  norm.gamma?.forEach((_, i, a) => (a[i] = 0.5 + rng.uniform()));
  norm.beta?.forEach((_, i, a) => (a[i] = rng.gaussian()));
}

interface Case {
  readonly name: string;
  readonly norm: SampleNorm;
  readonly shape: Shape4;
  /** Groups and values per channel as the reference sees them. */
  readonly G: number;
  readonly P: number;
  readonly run: (x: Tensor4) => ReturnType<typeof groupNormForward>;
}

function cases(): Case[] {
  const ln = createLayerNorm([3, 2, 2]), rms = createRmsNorm([3, 2, 2]), gn = createGroupNorm(2, 4), inn = createInstanceNorm2d(3), inA = createInstanceNorm2d(3, { affine: true });
  [ln, rms, gn, inA].forEach((n, i) => scramble(n, 10 + i));
  return [
    { name: 'LayerNorm([3, 2, 2])', norm: ln, shape: [4, 3, 2, 2], G: 1, P: 1, run: (x) => trailingNormForward(ln, x) },
    { name: 'RMSNorm([3, 2, 2])', norm: rms, shape: [4, 3, 2, 2], G: 1, P: 1, run: (x) => trailingNormForward(rms, x) },
    { name: 'GroupNorm(2, 4)', norm: gn, shape: [3, 4, 3, 3], G: 2, P: 9, run: (x) => groupNormForward(gn, x) },
    { name: 'InstanceNorm2d(3)', norm: inn, shape: [2, 3, 3, 2], G: 3, P: 6, run: (x) => groupNormForward(inn, x) },
    { name: 'InstanceNorm2d(3, affine)', norm: inA, shape: [2, 3, 3, 2], G: 3, P: 6, run: (x) => groupNormForward(inA, x) },
  ];
}

/** The layer from TF.js ops: x as [n, G, M], moments (or mean of squares) over M, then γ_c, β_c per channel. */
function tfReference(c: Case, x: Tensor4, r: Tensor4) {
  const [n] = c.shape, C = c.norm.channels, S = x.data.length / n, M = S / c.G;
  return tf.tidy(() => {
    const xT = tf.tensor3d(Float32Array.from(x.data), [n, c.G, M]);
    const gT = tf.tensor3d(Float32Array.from(c.norm.gamma ?? new Float64Array(C).fill(1)), [1, C, 1]);
    const bT = tf.tensor3d(Float32Array.from(c.norm.beta ?? new Float64Array(C)), [1, C, 1]);
    const rT = tf.tensor1d(Float32Array.from(r.data));
    const forward = (xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor => {
      let xh: tf.Tensor;
      if (c.norm.norm === 'rms') xh = tf.mul(xs, tf.rsqrt(tf.add(tf.mean(tf.square(xs), 2, true), c.norm.eps)));
      else {
        const { mean, variance } = tf.moments(xs, 2, true);
        xh = tf.div(tf.sub(xs, mean), tf.sqrt(tf.add(variance, c.norm.eps)));
      }
      return tf.reshape(tf.add(tf.mul(tf.reshape(xh, [n, C, c.P]), g), b), [-1]);
    };
    const y = forward(xT, gT, bT);
    const [dx, dg, db] = tf.grads((xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(forward(xs, g, b), rT)))([xT, gT, bT]);
    return { y: y.dataSync(), dx: dx.dataSync(), dGamma: dg.dataSync(), dBeta: db.dataSync() };
  });
}

describe('forward and backward against TensorFlow.js ops (float32, cpu)', () => {
  for (const c of cases()) {
    test(c.name, () => {
      const x = randomTensor(c.shape, 1, { scale: 2, shift: 0.5, f32: true }), r = randomTensor(c.shape, 2, { f32: true });
      const f = c.run(x), g = sampleNormBackward(c.norm, f, r.data), ref = tfReference(c, x, r);
      expect(normwiseError(f.y, ref.y)).toBeLessThan(1e-5);
      expect(normwiseError(g.dx, ref.dx)).toBeLessThan(1e-5);
      if (g.dGamma) expect(normwiseError(g.dGamma, ref.dGamma)).toBeLessThan(1e-5);
      if (g.dBeta) expect(normwiseError(g.dBeta, ref.dBeta)).toBeLessThan(1e-5);
      expect(g.dGamma === null).toBe(c.norm.gamma === null);
      expect(g.dBeta === null).toBe(c.norm.beta === null);
    });
  }

  test('LayerNorm and RMSNorm of a matrix [m × n] over its rows', () => {
    const ln = createLayerNorm(5), rms = createRmsNorm(5);
    scramble(ln, 3);
    scramble(rms, 4);
    const x = randomTensor([6, 5, 1, 1], 5, { scale: 3, f32: true });
    const r = randomTensor([6, 5, 1, 1], 6, { f32: true });
    for (const norm of [ln, rms]) {
      const f = trailingNormForward(norm, matrix(6, 5, x.data)), g = sampleNormBackward(norm, f, r.data);
      const ref = tfReference({ name: '', norm, shape: [6, 5, 1, 1], G: 1, P: 1, run: () => f }, x, r);
      expect(normwiseError(f.y, ref.y)).toBeLessThan(1e-5);
      expect(normwiseError(g.dx, ref.dx)).toBeLessThan(1e-5);
      expect(normwiseError(g.dGamma ?? [], ref.dGamma)).toBeLessThan(1e-5);
    }
  });
});

describe('every backward against central differences of L = Σ y ⊙ r (float64)', () => {
  for (const c of cases()) {
    test(c.name, () => {
      const x = randomTensor(c.shape, 7, { scale: 1.5, shift: -0.3 }), r = randomTensor(c.shape, 8);
      const loss = (): number => dot(c.run(x).y, r.data);
      const f = c.run(x), g = sampleNormBackward(c.norm, f, r.data);
      const dx = g.dx.slice(), dGamma = g.dGamma?.slice(), dBeta = g.dBeta?.slice();
      expect(normwiseError(dx, numericGradient(x.data, loss))).toBeLessThan(1e-8);
      if (c.norm.gamma && dGamma) expect(normwiseError(dGamma, numericGradient(c.norm.gamma, loss))).toBeLessThan(1e-8);
      if (c.norm.beta && dBeta) expect(normwiseError(dBeta, numericGradient(c.norm.beta, loss))).toBeLessThan(1e-8);
    });
  }
});

describe('identities, as properties', () => {
  const shapeArb = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 3 }), c: fc.integer({ min: 1, max: 4 }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 2, max: 3 }) });

  test('GroupNorm with one group is LayerNorm over [c, h, w] (γ, β broadcast per channel); forward and backward', () => {
    fc.assert(fc.property(shapeArb, ({ seed, n, c, h, w }) => {
      const x = randomTensor([n, c, h, w], seed, { scale: 2 }), r = randomTensor([n, c, h, w], seed + 1);
      const gn = createGroupNorm(1, c), ln = createLayerNorm([c, h, w]);
      scramble(gn, seed + 2);
      for (let k = 0; k < c * h * w; k++) {
        ln.gamma![k] = gn.gamma![Math.floor(k / (h * w))];
        ln.beta![k] = gn.beta![Math.floor(k / (h * w))];
      }
      const fg = groupNormForward(gn, x), fl = trailingNormForward(ln, x);
      expect(normwiseError(fg.y, fl.y)).toBeLessThan(1e-14);
      expect(normwiseError(sampleNormBackward(gn, fg, r.data).dx, sampleNormBackward(ln, fl, r.data).dx)).toBeLessThan(1e-13);
    }), { numRuns: 60 });
  });

  test('GroupNorm with c groups is InstanceNorm2d(affine) is, per sample, BatchNorm2d of that sample alone', () => {
    fc.assert(fc.property(shapeArb, ({ seed, n, c, h, w }) => {
      const x = randomTensor([n, c, h, w], seed, { scale: 3, shift: 1 });
      const gn = createGroupNorm(c, c), inn = createInstanceNorm2d(c, { affine: true }), bn = createBatchNorm2d(c);
      scramble(gn, seed + 3);
      inn.gamma!.set(gn.gamma!);
      inn.beta!.set(gn.beta!);
      bn.gamma.set(gn.gamma!);
      bn.beta.set(gn.beta!);
      const yg = groupNormForward(gn, x).y, yi = groupNormForward(inn, x).y;
      expect(normwiseError(yg, yi)).toBe(0);
      const S = c * h * w;
      for (let i = 0; i < n; i++) {
        const one = tensor4([1, c, h, w], x.data.slice(i * S, (i + 1) * S));
        expect(normwiseError(yi.subarray(i * S, (i + 1) * S), batchNorm2dForward(bn, one, 'train', false).y.data)).toBeLessThan(1e-13);
      }
    }), { numRuns: 60 });
  });

  test('LayerNorm of a batch [m × n] is BatchNorm1d of its transpose [n × m]: the statistics taken along the other axis', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), (seed, m, n) => {
      const x = matrix(m, n, randomTensor([m, n, 1, 1], seed, { scale: 4, shift: -2 }).data);
      const f = trailingNormForward(createLayerNorm(n), x);
      const b = batchNormForward(createBatchNorm(m), transpose(x), { updateRunningStats: false });
      expect(normwiseError(f.y, transpose(b.y).data)).toBeLessThan(1e-14);
      expect(normwiseError(f.mean, b.mean)).toBeLessThan(1e-15);
      expect(normwiseError(f.invStd, b.invStd)).toBeLessThan(1e-15);
    }), { numRuns: 80 });
  });

  test('RMSNorm of a row with mean 0 is LayerNorm of it (same ε)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 16 }), (seed, n) => {
      const x = randomTensor([3, n, 1, 1], seed).data;
      for (let i = 0; i < 3; i++) {
        const row = x.subarray(i * n, (i + 1) * n), mu = row.reduce((s, v) => s + v, 0) / n;
        row.forEach((v, k) => (row[k] = v - mu));
      }
      const yr = trailingNormForward(createRmsNorm(n, { eps: 1e-5 }), matrix(3, n, x)).y, yl = trailingNormForward(createLayerNorm(n), matrix(3, n, x)).y;
      expect(normwiseError(yr, yl)).toBeLessThan(1e-12);
    }), { numRuns: 60 });
  });
});

describe('PyTorch defaults and refusals', () => {
  test('defaults: ε 1e-5, RMSNorm ε = float64 eps; γ 1, β 0; InstanceNorm2d has no γ, β', () => {
    expect(createLayerNorm(3).eps).toBe(1e-5);
    expect(createGroupNorm(2, 4).eps).toBe(1e-5);
    expect(createInstanceNorm2d(4).eps).toBe(1e-5);
    expect(RMS_NORM_DEFAULT_EPS).toBe(2.220446049250313e-16);
    expect(createRmsNorm(3).eps).toBe(2 ** -52);
    expect([...createLayerNorm([2, 2]).gamma!]).toEqual([1, 1, 1, 1]);
    expect([...createGroupNorm(2, 4).beta!]).toEqual([0, 0, 0, 0]);
    expect(createInstanceNorm2d(4).gamma).toBeNull();
    expect(createRmsNorm(3).beta).toBeNull();
    expect(createLayerNorm(3, { bias: false }).beta).toBeNull();
  });

  test('bad input throws an EngineError with PyTorch’s words', () => {
    const thrown = (f: () => unknown): EngineError => {
      try {
        f();
      } catch (e) {
        return e as EngineError;
      }
      throw new Error('did not throw');
    };
    expect(thrown(() => createGroupNorm(4, 6)).message).toMatch(/^num_channels must be divisible by num_groups/);
    expect(thrown(() => trailingNormForward(createLayerNorm([3]), matrix(2, 4, new Float64Array(8)))).message)
      .toBe('Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[2, 4]');
    expect(thrown(() => groupNormForward(createInstanceNorm2d(2), tensor4([3, 2, 1, 1], new Float64Array(6)))).message)
      .toBe('Expected more than 1 spatial element when training, got input size [3, 2, 1, 1]');
    expect(thrown(() => groupNormForward(createGroupNorm(2, 4), tensor4([1, 2, 2, 2], new Float64Array(8)))).code).toBe('shape');
    expect(thrown(() => createLayerNorm(3, { eps: -1 })).code).toBe('hyperparameter');
  });

  test('a steady step reuses its buffers; an all-zero input gives β, never NaN (RMSNorm: 0)', () => {
    const ln = createLayerNorm(4), x = matrix(2, 4, new Float64Array(8));
    const f = trailingNormForward(ln, x), g = sampleNormBackward(ln, f, new Float64Array(8));
    expect(trailingNormForward(ln, x, f)).toBe(f);
    expect(sampleNormBackward(ln, f, new Float64Array(8), g)).toBe(g);
    expect([...f.y]).toEqual(new Array(8).fill(0));
    expect([...trailingNormForward(createRmsNorm(4), x).y]).toEqual(new Array(8).fill(0));
  });
});
