/**
 * The CNN workload of `npm run bench`: one training step (forward, backward, SGD update) of the
 * engine's default CNN with BatchNorm2d on a batch of 32 Fashion-MNIST images,
 *
 *   [32, 1, 28, 28] → conv 1→8 3×3 → BN2d → ReLU → max-pool 2 → conv 8→16 3×3 → BN2d → ReLU
 *   → max-pool 2 → flatten 400 → linear → 10 → softmax-CE,
 *
 * and the same step in TensorFlow.js (cpu and wasm) from the same weights and batch, in the same run.
 */
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Cnn,
  type Tensor4,
  cnnBackward,
  cnnForwardLoss,
  cnnParams,
  createCnn,
  createCnnWorkspace,
  createOptimizer,
  createRng,
  decodeFashionSubset,
  optimizerStep,
  tensor4,
} from '../src';
import { gemmBackend, setWasmGemm } from '../src/gemmWasm';
import { bytesPerStep, measure, useBackend } from './benchTiming';

const M = 32, LR = 0.01, EPS = 1e-5;
const FASHION = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data', 'fashion-mnist-subset.bin.gz');

interface Problem {
  x: Tensor4;
  labels: Int32Array;
  model: Cnn;
}

/** The first 32 training images of the lab's Fashion-MNIST subset and a CNN with BN from seed 7. */
async function makeProblem(): Promise<Problem> {
  const subset = await decodeFashionSubset(new Uint8Array(await readFile(FASHION)));
  const x = tensor4([M, 1, 28, 28], subset.train.x.data.slice(0, M * 784));
  return { x, labels: subset.train.y.slice(0, M), model: createCnn({ bn: true }, createRng(7)) };
}

/** One engine step; returns nothing (a returned double would be boxed: the harness's allocation). */
function engineStep(p: Problem): { step: () => void; loss: () => number } {
  const ws = createCnnWorkspace();
  const opt = createOptimizer({ name: 'sgd', lr: LR }, cnnParams(p.model));
  return {
    step: () => {
      cnnForwardLoss(p.model, p.x, p.labels, ws);
      cnnBackward(p.model, ws);
      optimizerStep(opt);
    },
    loss: () => ws.ce.loss,
  };
}

/** W [O, C, k, k] (engine) → filter [k, k, C, O] (TF.js). */
function filterOf(W: Float64Array, O: number, C: number, k: number): tf.Tensor4D {
  const f = new Float32Array(W.length);
  for (let o = 0; o < O; o++) for (let c = 0; c < C; c++) for (let u = 0; u < k * k; u++) f[(u * C + c) * O + o] = W[(o * C + c) * k * k + u];
  return tf.tensor4d(f, [k, k, C, O]);
}

/** The head's W [400 × 10] with rows in the engine's flatten order (c, h, w) → TF.js's NHWC order (h, w, c). */
function headOf(W: Float64Array, C: number, side: number, classes: number): tf.Tensor2D {
  const out = new Float32Array(W.length), P = side * side;
  for (let c = 0; c < C; c++) for (let q = 0; q < P; q++) for (let j = 0; j < classes; j++) out[(q * C + c) * classes + j] = W[(c * P + q) * classes + j];
  return tf.tensor2d(out, [C * P, classes]);
}

/**
 * A 3 × 3 convolution, stride 1, no padding. TF.js's wasm backend has no Conv2DBackpropFilter kernel
 * (tensorflow/tfjs#8474), so it cannot train a conv2d; there the same convolution runs as a conv3d of
 * depth 1, whose backward kernels (Conv3DBackpropFilterV2, Conv3DBackpropInputV2) wasm does have.
 */
function convOf(backend: 'cpu' | 'wasm'): (a: tf.Tensor4D, F: tf.Tensor4D) => tf.Tensor4D {
  if (backend === 'cpu') return (a, F) => tf.conv2d(a, F, 1, 'valid');
  return (a, F) => tf.squeeze(tf.conv3d(tf.expandDims(a, 1) as tf.Tensor5D, tf.expandDims(F, 0) as tf.Tensor5D, 1, 'valid'), [1]) as tf.Tensor4D;
}

/** The same step in TF.js: convolution, tf.moments over (n, h, w) → tf.batchNorm, tf.maxPool, SGD. */
function tfStep(p: Problem, backend: 'cpu' | 'wasm'): { step: () => void; loss: () => number; dispose: () => void } {
  const [b1, b2] = p.model.blocks;
  const x = tf.tensor4d(Float32Array.from(p.x.data), [M, 28, 28, 1]); // one channel: NCHW and NHWC agree
  const onehot = tf.oneHot(tf.tensor1d(p.labels, 'int32'), 10);
  const F1 = tf.variable(filterOf(b1.conv.W.data, 8, 1, 3)), F2 = tf.variable(filterOf(b2.conv.W.data, 16, 8, 3));
  const g1 = tf.variable(tf.ones([8])), be1 = tf.variable(tf.zeros([8])), g2 = tf.variable(tf.ones([16])), be2 = tf.variable(tf.zeros([16]));
  const W3 = tf.variable(headOf(p.model.head.linear.W.data, 16, 5, 10)), bias3 = tf.variable(tf.zeros([10]));
  const optimizer = tf.train.sgd(LR);
  const conv = convOf(backend);
  const block = (a: tf.Tensor4D, F: tf.Variable, g: tf.Variable, b: tf.Variable) => {
    const z = conv(a, F as tf.Tensor4D);
    const { mean, variance } = tf.moments(z, [0, 1, 2]);
    return tf.maxPool(tf.relu(tf.batchNorm(z, mean, variance, b, g, EPS)) as tf.Tensor4D, 2, 2, 'valid') as tf.Tensor4D;
  };
  const loss = () => {
    const a = block(block(x, F1, g1, be1), F2, g2, be2);
    const logits = tf.add(tf.matMul(tf.reshape(a, [M, 400]), W3), bias3);
    return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
  };
  const vars = [F1, g1, be1, F2, g2, be2, W3, bias3];
  let last = NaN;
  return {
    step: () => {
      const cost = optimizer.minimize(loss, true, vars)!;
      last = cost.dataSync()[0];
      cost.dispose();
    },
    loss: () => last,
    dispose: () => {
      tf.dispose([x, onehot, ...vars]);
      optimizer.dispose();
    },
  };
}

export interface CnnRow {
  workload: 'cnn';
  engine_ms: number;
  engine_iqr_ms: number;
  engine_kernel: 'wasm-simd' | 'js';
  engine_js_kernel_ms: number;
  tfjs_cpu_ms: number;
  tfjs_wasm_ms: number;
  engine_steps_per_s: number;
  tfjs_cpu_steps_per_s: number;
  tfjs_wasm_steps_per_s: number;
  engine_bytes_per_step: number | null;
  first_loss_engine: number;
  first_loss_tfjs: number;
}

export async function benchCnn(gc: () => void): Promise<CnnRow> {
  const first = engineStep(await makeProblem());
  first.step();
  await useBackend('cpu');
  const check = tfStep(await makeProblem(), 'cpu');
  check.step();
  const firstTf = check.loss();
  check.dispose();

  // A full collection before each timing: the TF.js cpu check step leaves a large heap behind, and
  // collecting it inside the engine's timing would charge TF.js's garbage to the engine.
  gc();
  const run = engineStep(await makeProblem());
  const engine = measure(run.step);
  const bytes = bytesPerStep(run.step, gc, 100);
  if (!Number.isFinite(run.loss())) throw new Error("the engine's CNN loss is not finite");
  setWasmGemm(false);
  gc();
  const engineJs = measure(engineStep(await makeProblem()).step);
  setWasmGemm(true);
  const tfMs: Record<'cpu' | 'wasm', number> = { cpu: NaN, wasm: NaN };
  for (const backend of ['cpu', 'wasm'] as const) {
    await useBackend(backend);
    const t = tfStep(await makeProblem(), backend);
    gc();
    tfMs[backend] = measure(t.step).medianMs;
    if (!Number.isFinite(t.loss())) throw new Error(`TF.js ${backend}'s CNN loss is not finite`);
    t.dispose();
  }
  return {
    workload: 'cnn',
    engine_ms: engine.medianMs,
    engine_iqr_ms: engine.iqrMs,
    engine_kernel: gemmBackend(),
    engine_js_kernel_ms: engineJs.medianMs,
    tfjs_cpu_ms: tfMs.cpu,
    tfjs_wasm_ms: tfMs.wasm,
    engine_steps_per_s: 1000 / engine.medianMs,
    tfjs_cpu_steps_per_s: 1000 / tfMs.cpu,
    tfjs_wasm_steps_per_s: 1000 / tfMs.wasm,
    engine_bytes_per_step: bytes,
    first_loss_engine: first.loss(),
    first_loss_tfjs: firstTf,
  };
}

export function printCnn(r: CnnRow): void {
  const f = (v: number) => v.toFixed(1);
  console.log('');
  console.log('cnn: Fashion-MNIST [32, 1, 28, 28] → conv 1→8 → BN2d → ReLU → pool → conv 8→16 → BN2d → ReLU → pool → linear 400→10, one SGD step');
  console.log(`  engine      ${r.engine_ms.toFixed(2)} ms ±${(r.engine_iqr_ms / 2).toFixed(2)}  ${f(r.engine_steps_per_s)} steps/s  (JS kernel only: ${r.engine_js_kernel_ms.toFixed(2)} ms)`);
  console.log(`  TF.js cpu   ${r.tfjs_cpu_ms.toFixed(2)} ms  ${f(r.tfjs_cpu_steps_per_s)} steps/s  engine is ${(r.tfjs_cpu_ms / r.engine_ms).toFixed(2)}× as fast`);
  console.log(`  TF.js wasm  ${r.tfjs_wasm_ms.toFixed(2)} ms  ${f(r.tfjs_wasm_steps_per_s)} steps/s  engine is ${(r.tfjs_wasm_ms / r.engine_ms).toFixed(2)}× as fast`);
  console.log(`  engine bytes/step: ${r.engine_bytes_per_step === null ? 'unknown (gc ran)' : r.engine_bytes_per_step.toFixed(1)}`);
  console.log(`  first loss, engine ${r.first_loss_engine.toFixed(6)} vs TF.js ${r.first_loss_tfjs.toFixed(6)} (same weights and batch)`);
}
