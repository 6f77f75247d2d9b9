import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  type Shape4,
  batchNorm2dBackward,
  batchNorm2dForward,
  conv2dBackward,
  conv2dForward,
  createBatchNorm2d,
  createConv2d,
  createPool2d,
  createRng,
  pool2dBackward,
  pool2dForward,
} from '../../src';
import { fromNhwc, normwiseError, randomTensor, toNhwc } from './images';

/**
 * The image layers against an independent implementation, TensorFlow.js (cpu backend), with its own
 * autodiff for the gradients. TF.js lays images out NHWC and its conv filter [kh, kw, in, out]; the
 * tests transpose to and from the engine's NCHW and [out, in, kh, kw].
 *
 * Tolerances. TF.js computes in float32 (u = 2⁻²⁴ ≈ 6e-8), the engine in float64, from the same
 * float32-rounded inputs. A convolution entry is a sum of C·kh·kw ≤ 75 products, and dW a sum of up
 * to n·OH·OW = 512 products: a float32 sum of N terms errs by at most about N·u of the sum of |terms|,
 * and in practice (random signs) by about √N·u. Measured here: ≤ 4.7e-8 of each tensor's largest
 * entry for conv2d and ≤ 1.2e-7 for BatchNorm2d (whose backward subtracts terms of size n·h·w·|dy|; see
 * tests/src/tfjs.test.ts for the normwise measure). We ask 1e-6 of the largest entry, ≈ 16 u. Max
 * pooling selects values, so it must agree exactly; average pooling rounds once: 1e-7 relative.
 */

const tfNhwc = (t: ReturnType<typeof randomTensor>) => tf.tensor4d(toNhwc(t), [t.shape[0], t.shape[2], t.shape[3], t.shape[1]]);

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('conv2d against tf.conv2d (float32, cpu)', () => {
  const cases: [Shape4, number, number, number, number][] = [
    // x, out channels, kernel, stride, padding
    [[2, 3, 8, 8], 4, 3, 1, 0],
    [[2, 1, 9, 7], 5, 3, 2, 1],
    [[1, 3, 6, 6], 2, 5, 1, 2],
    [[4, 8, 8, 8], 4, 3, 1, 1],
  ];
  test.each(cases)('x %j, %i out channels, square kernel %i, stride %i, padding %i: y, dx, dW, db agree to 1e-6 of each tensor\'s largest entry', (shape, O, k, s, p) => {
    const C = shape[1];
    const conv = createConv2d(C, O, k, { stride: s, padding: p });
    const rng = createRng(O * 10 + k);
    for (let i = 0; i < conv.W.data.length; i++) conv.W.data[i] = Math.fround(rng.gaussian() / k);
    for (let o = 0; o < O; o++) conv.b![o] = Math.fround(rng.gaussian());
    const x = randomTensor(shape, 1, { f32: true });
    const f = conv2dForward(conv, x);
    const r = randomTensor(f.y.shape, 2, { f32: true });
    const g = conv2dBackward(conv, f, r);
    const ref = tf.tidy(() => {
      // Filter [kh, kw, in, out] from W [out, in, kh, kw].
      const filter = new Float32Array(k * k * C * O);
      for (let o = 0; o < O; o++) for (let c = 0; c < C; c++) for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) {
        filter[((u * k + v) * C + c) * O + o] = conv.W.data[((o * C + c) * k + u) * k + v];
      }
      const run = (xs: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D) => tf.add(tf.conv2d(xs, w, s, p), b);
      const args = [tfNhwc(x), tf.tensor4d(filter, [k, k, C, O]), tf.tensor1d(Float32Array.from(conv.b!))] as const;
      const rT = tfNhwc(r);
      const y = run(...args);
      const [dx, dW, db] = tf.grads((xs: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(run(xs as tf.Tensor4D, w as tf.Tensor4D, b as tf.Tensor1D), rT)))([...args]);
      return { y: y.dataSync(), dx: dx.dataSync(), dW: dW.dataSync(), db: db.dataSync() };
    });
    expect(normwiseError(f.y.data, fromNhwc(ref.y, f.y.shape))).toBeLessThan(1e-6);
    expect(normwiseError(g.dx!.data, fromNhwc(ref.dx, shape))).toBeLessThan(1e-6);
    const dWref = new Float64Array(conv.W.data.length);
    for (let o = 0; o < O; o++) for (let c = 0; c < C; c++) for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) {
      dWref[((o * C + c) * k + u) * k + v] = ref.dW[((u * k + v) * C + c) * O + o];
    }
    expect(normwiseError(g.dW.data, dWref)).toBeLessThan(1e-6);
    expect(normwiseError(g.db!, ref.db)).toBeLessThan(1e-6);
  });
});

describe('pooling against tf.maxPool and tf.avgPool (float32, cpu)', () => {
  test.each([['max', 0], ['avg', 1e-7]] as const)('%s 2 × 2, stride 2, x [3, 4, 8, 6]: y and dx agree to %s relative', (kind, tol) => {
    const pool = createPool2d(kind);
    const x = randomTensor([3, 4, 8, 6], 3, { f32: true });
    const f = pool2dForward(pool, x);
    const r = randomTensor(f.y.shape, 4, { f32: true });
    const dx = pool2dBackward(pool, f, r);
    const ref = tf.tidy(() => {
      const rT = tfNhwc(r);
      const run = (xs: tf.Tensor4D) => (kind === 'max' ? tf.maxPool(xs, 2, 2, 'valid') : tf.avgPool(xs, 2, 2, 'valid'));
      const xT = tfNhwc(x);
      return { y: run(xT).dataSync(), dx: tf.grad((xs: tf.Tensor) => tf.sum(tf.mul(run(xs as tf.Tensor4D), rT)))(xT).dataSync() };
    });
    expect(normwiseError(f.y.data, fromNhwc(ref.y, f.y.shape))).toBeLessThanOrEqual(tol);
    expect(normwiseError(dx.data, fromNhwc(ref.dx, x.shape))).toBeLessThanOrEqual(tol);
  });
});

describe('BatchNorm2d against tf.moments over (n, h, w) → tf.batchNorm (float32, cpu)', () => {
  test.each([[[4, 3, 6, 6]], [[1, 5, 4, 4]], [[16, 2, 3, 3]]] as [Shape4][])('x %j: y, dx, dγ, dβ agree to 1e-6 of each tensor\'s largest entry', (shape) => {
    const C = shape[1];
    const bn = createBatchNorm2d(C);
    const rng = createRng(C);
    for (let c = 0; c < C; c++) {
      bn.gamma[c] = Math.fround(0.5 + rng.uniform());
      bn.beta[c] = Math.fround(rng.gaussian());
    }
    const x = randomTensor(shape, 5, { scale: 2, shift: 1, f32: true });
    const f = batchNorm2dForward(bn, x, 'train', false);
    const r = randomTensor(shape, 6, { f32: true });
    const g = batchNorm2dBackward(bn, f, r);
    const ref = tf.tidy(() => {
      const run = (xs: tf.Tensor, gm: tf.Tensor, bt: tf.Tensor) => {
        const { mean, variance } = tf.moments(xs, [0, 1, 2]);
        return tf.batchNorm(xs, mean, variance, bt, gm, bn.eps);
      };
      const args = [tfNhwc(x), tf.tensor1d(Float32Array.from(bn.gamma)), tf.tensor1d(Float32Array.from(bn.beta))];
      const rT = tfNhwc(r);
      const [dx, dGamma, dBeta] = tf.grads((xs: tf.Tensor, gm: tf.Tensor, bt: tf.Tensor) => tf.sum(tf.mul(run(xs, gm, bt), rT)))(args);
      return { y: run(args[0], args[1], args[2]).dataSync(), dx: dx.dataSync(), dGamma: dGamma.dataSync(), dBeta: dBeta.dataSync() };
    });
    expect(normwiseError(f.y.data, fromNhwc(ref.y, shape))).toBeLessThan(1e-6);
    expect(normwiseError(g.dx.data, fromNhwc(ref.dx, shape))).toBeLessThan(1e-6);
    expect(normwiseError(g.dGamma, ref.dGamma)).toBeLessThan(1e-6);
    expect(normwiseError(g.dBeta, ref.dBeta)).toBeLessThan(1e-6);
  });
});
