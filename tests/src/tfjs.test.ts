import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  type Matrix,
  type OptimizerOptions,
  batchNormBackward,
  batchNormForward,
  createBatchNorm,
  createOptimizer,
  createRng,
  optimizerStep,
  softmaxCrossEntropy,
  zeros,
} from '../../src';

/**
 * NUMERICS.md case 8: the engine against an independent implementation, TensorFlow.js (cpu backend),
 * whose gradients come from its own autodiff through tf.moments → tf.batchNorm.
 *
 * Tolerances. TF.js computes in float32 (unit roundoff u = 2⁻²⁴ ≈ 6e-8); the engine in float64.
 * The inputs are rounded to float32 first, so both start from the same numbers and the difference
 * is TF.js's own rounding. Batch norm's backward, dzᵢ = k·(m·dyᵢ − Σdy − ẑᵢ·Σdy·ẑ), subtracts terms
 * of size ≈ m·|dy|, so an entry that is small because of that cancellation carries an absolute
 * float32 error of about m·u·|dy|·k, however small the entry. Elementwise relative error is therefore
 * not a meaningful float32 criterion; we use 1e-5 relative to the largest entry of each tensor,
 * ‖a − b‖∞ / ‖b‖∞ ≤ 1e-5, which is ≈ 100·u and holds on every shape below with m ≥ 3. For m = 2
 * the exact dz is itself a cancellation remainder of relative size ε/(σ² + ε) (see the last test).
 */

const f32 = (x: number): number => Math.fround(x);

function randomF32(rows: number, cols: number, seed: number, scale = 1, shift = 0): Matrix {
  const rng = createRng(seed);
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = f32(shift + scale * rng.gaussian());
  return out;
}

/** ‖a − b‖∞ / ‖b‖∞. */
function normwiseError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let diff = 0, size = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    size = Math.max(size, Math.abs(b[i]));
  }
  return diff / size;
}

interface Reference {
  y: Float32Array;
  dx: Float32Array;
  dGamma: Float32Array;
  dBeta: Float32Array;
}

/** y = batchNorm(x, moments(x)) and the gradients of L = Σ y ⊙ r with respect to x, γ, β, by TF.js. */
function tfBatchNorm(x: Matrix, gamma: Float64Array, beta: Float64Array, r: Matrix, eps: number): Reference {
  return tf.tidy(() => {
    // TF.js takes Float32Array (not Float64Array); the values are float32 already, so this is exact.
    const xT = tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols], 'float32');
    const gT = tf.tensor1d(Float32Array.from(gamma), 'float32');
    const bT = tf.tensor1d(Float32Array.from(beta), 'float32');
    const rT = tf.tensor2d(Float32Array.from(r.data), [r.rows, r.cols], 'float32');
    const forward = (xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor => {
      const { mean, variance } = tf.moments(xs, 0);
      // Argument order: x, mean, variance, offset (β), scale (γ), ε.
      return tf.batchNorm(xs, mean, variance, b, g, eps);
    };
    const y = forward(xT, gT, bT);
    const [dx, dGamma, dBeta] = tf.grads((xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(forward(xs, g, b), rT)))([xT, gT, bT]);
    return {
      y: y.dataSync() as Float32Array,
      dx: dx.dataSync() as Float32Array,
      dGamma: dGamma.dataSync() as Float32Array,
      dBeta: dBeta.dataSync() as Float32Array,
    };
  });
}

beforeAll(async () => {
  // The cpu backend prints a "use tfjs-node" banner in Node unless in production mode.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('NUMERICS.md case 8: batch norm forward and backward against TensorFlow.js (float32, cpu)', () => {
  const shapes: [number, number][] = [[3, 1], [4, 2], [5, 3], [16, 8], [32, 5], [64, 10]];

  test.each(shapes)('[%i × %i]: y, ∂L/∂x, ∂L/∂γ, ∂L/∂β agree to 1e-5 of each tensor\'s largest entry', (m, n) => {
    const seed = 100 * m + n;
    const rng = createRng(seed);
    const x = randomF32(m, n, seed, 2, 0.5), r = randomF32(m, n, seed + 1);
    const bn = createBatchNorm(n);
    for (let j = 0; j < n; j++) {
      bn.gamma[j] = f32(0.5 + rng.uniform());
      bn.beta[j] = f32(rng.gaussian());
    }
    const f = batchNormForward(bn, x, { updateRunningStats: false });
    const g = batchNormBackward(bn, f, r);
    const ref = tfBatchNorm(x, bn.gamma, bn.beta, r, bn.eps);
    expect(normwiseError(f.y.data, ref.y)).toBeLessThan(1e-5);
    expect(normwiseError(g.dz.data, ref.dx)).toBeLessThan(1e-5);
    expect(normwiseError(g.dGamma, ref.dGamma)).toBeLessThan(1e-5);
    expect(normwiseError(g.dBeta, ref.dBeta)).toBeLessThan(1e-5);
  });

  test('[2 × 3]: with m = 2 the exact dz is only ε/(σ² + ε) of its terms; both agree to 1e-5 of the terms', () => {
    const x = randomF32(2, 3, 9, 0.05), r = randomF32(2, 3, 10);
    const bn = createBatchNorm(3);
    const f = batchNormForward(bn, x, { updateRunningStats: false });
    const g = batchNormBackward(bn, f, r);
    const ref = tfBatchNorm(x, bn.gamma, bn.beta, r, bn.eps);
    for (let j = 0; j < 3; j++) {
      // dzᵢ = k·(2·dyᵢ − Σdy − ẑᵢ·Σdy·ẑ) with terms of size k·2·max|dy|.
      const k = f.invStd[j] / 2;
      const terms = k * 2 * Math.max(Math.abs(r.data[j]), Math.abs(r.data[3 + j]));
      const shrink = f.variance[j] / (f.variance[j] + bn.eps);
      for (const i of [j, 3 + j]) {
        expect(Math.abs(g.dz.data[i])).toBeLessThanOrEqual(terms * (1 - shrink) * (1 + 1e-9));
        expect(Math.abs(g.dz.data[i] - ref.dx[i])).toBeLessThan(1e-5 * terms);
      }
    }
  });
});

describe('softmax cross-entropy against TensorFlow.js (float32, cpu)', () => {
  test('[8 × 5]: mean loss and ∂L/∂logits agree to 1e-5 (relative; normwise for the gradient)', () => {
    const m = 8, classes = 5;
    const logits = randomF32(m, classes, 77, 3);
    const labels = Array.from({ length: m }, (_, i) => (i * 3) % classes);
    const ce = softmaxCrossEntropy(logits, labels);
    const { loss, grad } = tf.tidy(() => {
      const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes);
      const l = tf.tensor2d(Float32Array.from(logits.data), [m, classes], 'float32');
      const lossOf = (t: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, t) as tf.Scalar;
      return { loss: lossOf(l).dataSync()[0], grad: tf.grad(lossOf)(l).dataSync() as Float32Array };
    });
    expect(Math.abs(ce.loss - loss) / Math.abs(loss)).toBeLessThan(1e-5);
    expect(normwiseError(ce.dLogits.data, grad)).toBeLessThan(1e-5);
  });
});

/**
 * PyTorch's weight_decay for SGD, momentum and Adam is L2: the gradient becomes g + wd·θ, which is the
 * gradient of L(θ) + (wd/2)‖θ‖². TF.js's optimizers have no weight decay, so TF.js minimizes that
 * penalized loss with its own autodiff, while the engine gets the gradient of L alone and `weightDecay`.
 * (TF.js has no AdamW; it is checked by hand in optim.test.ts.)
 */
describe('optimizers with weight decay against TensorFlow.js minimizing L + (wd/2)‖θ‖² (float32, cpu)', () => {
  // L(θ) = ½ Σ (aᵢθᵢ − tᵢ)², ∂L/∂θᵢ = aᵢ(aᵢθᵢ − tᵢ), on θ [6]; all inputs float32-exact.
  const n = 6, rng = createRng(55);
  const a = Array.from({ length: n }, () => f32(0.5 + rng.uniform())), t = Array.from({ length: n }, () => f32(rng.gaussian()));
  const theta0 = Array.from({ length: n }, () => f32(2 * rng.gaussian()));
  const wd = 0.25, lr = 0.05, steps = 8;

  function engine(options: OptimizerOptions): Float64Array {
    const p = { name: 'theta', value: Float64Array.from(theta0), grad: new Float64Array(n) };
    const opt = createOptimizer({ ...options, lr, weightDecay: wd }, [p]);
    for (let s = 0; s < steps; s++) {
      for (let i = 0; i < n; i++) p.grad[i] = a[i] * (a[i] * p.value[i] - t[i]);
      optimizerStep(opt);
    }
    return p.value;
  }

  function tfjs(make: () => tf.Optimizer): Float32Array {
    const theta = tf.variable(tf.tensor1d(theta0, 'float32'));
    const aT = tf.tensor1d(a, 'float32'), tT = tf.tensor1d(t, 'float32');
    const opt = make();
    for (let s = 0; s < steps; s++) {
      opt.minimize(() => tf.add(tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.mul(aT, theta), tT)))), tf.mul(wd / 2, tf.sum(tf.square(theta)))) as tf.Scalar);
    }
    const out = theta.dataSync() as Float32Array;
    tf.dispose([theta, aT, tT]);
    opt.dispose();
    return out;
  }

  test.each([
    ['sgd', { name: 'sgd' }, () => tf.train.sgd(lr)],
    ['momentum 0.9', { name: 'momentum', momentum: 0.9 }, () => tf.train.momentum(lr, 0.9)],
    ['adam (β 0.9/0.999, ε 1e-7)', { name: 'adam', eps: 1e-7 }, () => tf.train.adam(lr, 0.9, 0.999, 1e-7)],
  ] as [string, OptimizerOptions, () => tf.Optimizer][])('%s, lr 0.05, wd 0.25: θ [6] after 8 steps agrees to 1e-5 of its largest entry', (_name, options, make) => {
    const got = engine(options), ref = tfjs(make);
    expect(normwiseError(got, ref)).toBeLessThan(1e-5);
    // and the decay matters here: without it the engine ends far from TF.js's penalized run
    const p = { name: 'theta', value: Float64Array.from(theta0), grad: new Float64Array(n) };
    const plain = createOptimizer({ ...options, lr }, [p]);
    for (let s = 0; s < steps; s++) {
      for (let i = 0; i < n; i++) p.grad[i] = a[i] * (a[i] * p.value[i] - t[i]);
      optimizerStep(plain);
    }
    expect(normwiseError(p.value, ref)).toBeGreaterThan(1e-3);
  });
});
