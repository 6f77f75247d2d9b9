/**
 * npm run bench [-- --json] [-- --quick]
 *
 * Times one training step (forward, backward, SGD update) of the notes' network,
 * Linear → BN → ReLU → Linear → BN → softmax-CE, on two workloads, for this engine and for
 * TensorFlow.js (cpu and wasm backends) doing the same work in the same run:
 *
 *   toy  2 → 16 → 3,    m = 32
 *   mid  64 → 128 → 10, m = 64   (2.6 MFLOP of matrix products per step)
 *
 * and a CNN workload (scripts/benchCnn.ts: Fashion-MNIST 28 × 28, batch 32, conv → BN2d → ReLU → pool twice).
 * Each figure is the median over many timed batches of steps, after a warm-up. The engine's
 * bytes allocated per steady-state step are measured from the growth of V8's young generation
 * (see bytesPerStep in scripts/benchTiming.ts).
 * Prints a table, or with --json one JSON object per workload.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type Matrix,
  type Model,
  createModel,
  createOptimizer,
  createRng,
  createWorkspace,
  forwardLoss,
  backward,
  linearLayers,
  optimizerStep,
  params,
  zeros,
} from '../src';
import { gemmBackend, setWasmGemm } from '../src/gemmWasm';
import { benchCnn, printCnn } from './benchCnn';
import { bytesPerStep, exposeGc, measure, useBackend } from './benchTiming';

interface Workload {
  name: string;
  inputs: number;
  hidden: number;
  classes: number;
  m: number;
  /** The target for the engine, ms per step. */
  targetMs: number;
}

const WORKLOADS: Workload[] = [
  { name: 'toy', inputs: 2, hidden: 16, classes: 3, m: 32, targetMs: 0.02 },
  { name: 'mid', inputs: 64, hidden: 128, classes: 10, m: 64, targetMs: 0.6 },
];

const LR = 0.01;
const EPS = 1e-5;
const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');

/** Matrix-product FLOPs of one step: forward x·W₁, a·W₂; backward dW₂, da, dW₁ (no dx for the input). */
const flopsPerStep = (w: Workload) => 4 * w.m * w.inputs * w.hidden + 6 * w.m * w.hidden * w.classes;

interface Problem {
  x: Matrix;
  labels: Int32Array;
  model: Model;
}

/** Seeded inputs, labels and an initialized model (He init; no bias before a BN, as the engine does). */
function makeProblem(w: Workload): Problem {
  const rng = createRng(7);
  const x = zeros(w.m, w.inputs);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.gaussian();
  const labels = new Int32Array(w.m);
  for (let i = 0; i < w.m; i++) labels[i] = rng.int(w.classes);
  const model = createModel(
    { inputs: w.inputs, hidden: [w.hidden], classes: w.classes, activation: 'relu', bn: 'before', outputBn: true, eps: EPS },
    rng,
  );
  return { x, labels, model };
}

/**
 * One engine training step. It returns nothing: returning the loss (a double) from a call V8 does
 * not inline would box it, and that allocation would be the harness's, not the engine's.
 */
function engineStep(p: Problem): { step: () => void; loss: () => number } {
  const ws = createWorkspace();
  const opt = createOptimizer({ name: 'sgd', lr: LR }, params(p.model));
  return {
    step: () => {
      forwardLoss(p.model, p.x, p.labels, ws);
      backward(p.model, ws);
      optimizerStep(opt);
    },
    loss: () => ws.ce.loss,
  };
}

/** The same step in TensorFlow.js, starting from the engine's initial weights (γ = 1, β = 0). */
function tfStep(p: Problem, w: Workload): { step: () => void; loss: () => number; dispose: () => void } {
  const [l1, l2] = linearLayers(p.model);
  const x = tf.tensor2d(Float32Array.from(p.x.data), [w.m, w.inputs]);
  const onehot = tf.oneHot(tf.tensor1d(p.labels, 'int32'), w.classes);
  const W1 = tf.variable(tf.tensor2d(Float32Array.from(l1.W.data), [w.inputs, w.hidden]));
  const W2 = tf.variable(tf.tensor2d(Float32Array.from(l2.W.data), [w.hidden, w.classes]));
  const g1 = tf.variable(tf.ones([w.hidden])), b1 = tf.variable(tf.zeros([w.hidden]));
  const g2 = tf.variable(tf.ones([w.classes])), b2 = tf.variable(tf.zeros([w.classes]));
  const optimizer = tf.train.sgd(LR);
  const bn = (z: tf.Tensor2D, g: tf.Variable, b: tf.Variable) => {
    const { mean, variance } = tf.moments(z, 0);
    return tf.batchNorm(z, mean, variance, b, g, EPS);
  };
  const loss = () => {
    const a1 = tf.relu(bn(tf.matMul(x, W1), g1, b1)) as tf.Tensor2D;
    const logits = bn(tf.matMul(a1, W2), g2, b2);
    return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
  };
  const vars = [W1, g1, b1, W2, g2, b2];
  let last = NaN;
  return {
    step: () => {
      // Reading the loss back each step, as the engine has it, also waits for the work to finish.
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

interface Row {
  workload: string;
  engine_ms: number;
  /** Which product kernel the engine used for large products ('wasm-simd' or 'js'). */
  engine_kernel: 'wasm-simd' | 'js';
  /** The engine's step with the JavaScript product kernel only, measured in the same run. */
  engine_js_kernel_ms: number;
  tfjs_cpu_ms: number;
  tfjs_wasm_ms: number;
  target_ms: number;
  meets_target: boolean;
  engine_iqr_ms: number;
  engine_gflops: number;
  mflop_per_step: number;
  engine_bytes_per_step: number | null;
  first_loss_engine: number;
  first_loss_tfjs: number;
}

async function main(): Promise<void> {
  tf.env().set('PROD', true); // no "install tfjs-node" banner, no debug checks
  const require = createRequire(import.meta.url);
  setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
  const gc = exposeGc();
  const rows: Row[] = [];
  for (const w of WORKLOADS) {
    // Same weights, same batch: the first losses agree (to float32 precision), so the work is the same.
    const first = engineStep(makeProblem(w));
    first.step();
    await useBackend('cpu');
    const check = tfStep(makeProblem(w), w);
    check.step();
    const firstTf = check.loss();
    check.dispose();

    const run = engineStep(makeProblem(w));
    const engine = measure(run.step);
    const bytes = bytesPerStep(run.step, gc);
    if (!Number.isFinite(run.loss())) throw new Error(`the engine's ${w.name} loss is not finite`);
    // The same step with the JavaScript product kernel only, in the same run: what the wasm tiles buy.
    setWasmGemm(false);
    const jsOnly = engineStep(makeProblem(w));
    const engineJs = measure(jsOnly.step);
    setWasmGemm(true);
    const tfMs: Record<'cpu' | 'wasm', number> = { cpu: NaN, wasm: NaN };
    for (const backend of ['cpu', 'wasm'] as const) {
      await useBackend(backend);
      const t = tfStep(makeProblem(w), w);
      tfMs[backend] = measure(t.step).medianMs;
      if (!Number.isFinite(t.loss())) throw new Error(`TF.js ${backend}'s ${w.name} loss is not finite`);
      t.dispose();
    }
    const flops = flopsPerStep(w);
    rows.push({
      workload: w.name,
      engine_ms: engine.medianMs,
      engine_kernel: gemmBackend(),
      engine_js_kernel_ms: engineJs.medianMs,
      tfjs_cpu_ms: tfMs.cpu,
      tfjs_wasm_ms: tfMs.wasm,
      target_ms: w.targetMs,
      meets_target: engine.medianMs <= w.targetMs,
      engine_iqr_ms: engine.iqrMs,
      engine_gflops: flops / engine.medianMs / 1e6,
      mflop_per_step: flops / 1e6,
      engine_bytes_per_step: bytes,
      first_loss_engine: first.loss(),
      first_loss_tfjs: firstTf,
    });
    if (asJson) console.log(JSON.stringify(rows[rows.length - 1]));
  }
  const cnn = await benchCnn(gc);
  if (asJson) console.log(JSON.stringify(cnn));
  else {
    printTable(rows);
    printCnn(cnn);
  }
}

function printTable(rows: Row[]): void {
  const ms = (v: number) => (v < 0.1 ? v.toFixed(4) : v.toFixed(3));
  const shape = (name: string) => {
    const w = WORKLOADS.find((x) => x.name === name)!;
    return `${name} (${w.inputs}→${w.hidden}→${w.classes}, m=${w.m})`;
  };
  const header = ['workload', 'engine ms', 'JS kernel only', 'tfjs cpu ms', 'tfjs wasm ms', 'cpu / engine', 'wasm / engine', 'target', 'engine GFLOP/s', 'engine bytes/step'];
  const body = rows.map((r) => [
    shape(r.workload),
    `${ms(r.engine_ms)} ±${ms(r.engine_iqr_ms / 2)}`,
    ms(r.engine_js_kernel_ms),
    ms(r.tfjs_cpu_ms),
    ms(r.tfjs_wasm_ms),
    `${(r.tfjs_cpu_ms / r.engine_ms).toFixed(1)}×`,
    `${(r.tfjs_wasm_ms / r.engine_ms).toFixed(1)}×`,
    `≤ ${r.target_ms} ${r.meets_target ? 'met' : 'MISSED'}`,
    r.engine_gflops.toFixed(2),
    r.engine_bytes_per_step === null ? 'unknown (gc ran)' : r.engine_bytes_per_step.toFixed(1),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  console.log('One training step (forward, backward, SGD update): median ms per step; ± is half the interquartile range.');
  console.log(`Engine product kernel for large products: ${rows[0]?.engine_kernel ?? gemmBackend()} ('JS kernel only' is the same step without it, same run).`);
  console.log(line(header));
  console.log(line(widths.map((n) => '-'.repeat(n))));
  for (const row of body) console.log(line(row));
  for (const r of rows) {
    console.log(`${r.workload}: first loss, engine ${r.first_loss_engine.toFixed(6)} vs TF.js ${r.first_loss_tfjs.toFixed(6)} (same weights and batch)`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
