/**
 * How `npm run bench` times a training step and counts what it allocates, shared by its MLP and CNN
 * workloads (scripts/bench.ts, scripts/benchCnn.ts).
 */
import * as tf from '@tensorflow/tfjs';
import v8 from 'node:v8';
import vm from 'node:vm';

const quick = process.argv.includes('--quick');

export interface Timing {
  medianMs: number;
  /** Interquartile range of the per-step times over the batches, ms. */
  iqrMs: number;
  steps: number;
}

/** Warm up, pick a batch size that takes ≥ batchMs, then time many batches; per-step median. */
export function measure(step: () => void): Timing {
  const warmMs = quick ? 150 : 400, batchMs = quick ? 5 : 10, batches = quick ? 15 : 41;
  const t0 = performance.now();
  let warm = 0;
  while (performance.now() - t0 < warmMs || warm < 20) {
    step();
    warm++;
  }
  const perStep = (performance.now() - t0) / warm;
  const k = Math.max(1, Math.ceil(batchMs / perStep));
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const s = performance.now();
    runSteps(step, k);
    times.push((performance.now() - s) / k);
  }
  times.sort((a, b) => a - b);
  const q = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))];
  return { medianMs: q(0.5), iqrMs: q(0.75) - q(0.25), steps: k * batches };
}

/** A gc() function: V8's, exposed at run time so `npm run bench` needs no node flags. */
export function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Bytes in V8's young generation, where every short-lived allocation lands first. */
function youngBytes(): number {
  let total = 0;
  for (const space of v8.getHeapSpaceStatistics()) if (space.space_name.startsWith('new')) total += space.space_used_size;
  return total;
}

function runSteps(step: () => void, n: number): void {
  for (let i = 0; i < n; i++) step();
}

/**
 * Bytes allocated per steady-state step: the growth of the young generation over 1000 steps, after
 * a full collection, least of 5 tries (compilation and the first runs only add); null if a
 * collection ran in every try. ArrayBuffer memory (typed arrays) is counted too.
 */
export function bytesPerStep(step: () => void, gc: () => void, steps = 1000): number | null {
  for (let i = 0; i < 5; i++) runSteps(step, steps);
  let best: number | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    gc();
    const buffers0 = process.memoryUsage().arrayBuffers;
    // What reading the statistics itself allocates, from an empty window.
    const empty0 = youngBytes();
    const overhead = youngBytes() - empty0;
    const profiler = new v8.GCProfiler();
    profiler.start();
    const young0 = youngBytes();
    runSteps(step, steps);
    const young1 = youngBytes();
    const collections = profiler.stop()?.statistics.length ?? 0;
    const buffers1 = process.memoryUsage().arrayBuffers;
    // A collection inside the window would hide what was allocated before it.
    if (collections > 0 || young1 < young0) continue;
    const bytes = Math.max(0, young1 - young0 - overhead + Math.max(0, buffers1 - buffers0)) / steps;
    best = best === null ? bytes : Math.min(best, bytes);
  }
  return best;
}


export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js backend ${name} did not initialize`);
  await tf.ready();
}

