/**
 * What tests/e2e/determinism.e2e.ts runs twice, in Node and (bundled by esbuild) in a Chromium page:
 * the deterministic math and Math's on the same seeded arguments, and seeded training runs through
 * createExperiment + stepComparison, as `npm run train` and the lab's Worker drive them. Every result
 * comes back as the base64 of its raw float64 bytes, so the comparison is bit for bit.
 */
import {
  type ExperimentSettings,
  type StepMetrics,
  VARIANTS,
  createExperiment,
  createRng,
  detCos,
  detExp,
  detLog,
  detPowInt,
  detSin,
  detTanh,
  stepComparison,
} from '../../src';
import { fromWords } from '../../src/float64Bits';

/** The exact bytes of `values`, in base64. */
export function toBase64(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** `toBase64` undone. */
export function fromBase64(text: string): Float64Array {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new Float64Array(bytes.buffer);
}

type Unary = (x: number) => number;
/** Each function pair (deterministic, Math's) and where their arguments come from. */
const PAIRS: Record<string, { det: Unary; math: Unary; args: (n: number) => Float64Array }> = {
  exp: { det: detExp, math: Math.exp, args: (n) => uniform(1, -745, 710, n) },
  log: { det: detLog, math: Math.log, args: (n) => positiveBitPatterns(2, n) },
  sin: { det: detSin, math: Math.sin, args: (n) => uniform(3, -1e4, 1e4, n) },
  cos: { det: detCos, math: Math.cos, args: (n) => uniform(4, -1e4, 1e4, n) },
  tanh: { det: detTanh, math: Math.tanh, args: (n) => uniform(5, -30, 30, n) },
  // Adam's bias correction 1 − β₂ᵗ: t = ⌊x⌋
  pow: { det: (x) => detPowInt(0.999, Math.floor(x)), math: (x) => Math.pow(0.999, Math.floor(x)), args: (n) => uniform(6, 0, 20_000, n) },
};
export const FUNCTION_NAMES = Object.keys(PAIRS);

function uniform(seed: number, lo: number, hi: number, n: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}

/** Positive doubles with uniformly random bit patterns: subnormals to 1.8e308. */
function positiveBitPatterns(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => fromWords(rng.int(0x7ff00000), rng.int(0x100000000)) || Number.MIN_VALUE);
}

export interface FunctionBits {
  readonly args: string;
  readonly det: string;
  readonly math: string;
}

/** Every pair on its `n` seeded arguments: the arguments and both functions' results, as base64. */
export function functionBits(n: number): Record<string, FunctionBits> {
  const out: Record<string, FunctionBits> = {};
  for (const [name, { det, math, args }] of Object.entries(PAIRS)) {
    const x = args(n);
    out[name] = { args: toBase64(x), det: toBase64(x.map(det)), math: toBase64(x.map(math)) };
  }
  return out;
}

/** The numbers of one logged step, flattened: losses, accuracies, probe quantiles, gradient norms. */
function stepNumbers(m: StepMetrics): number[] {
  const q = m.quantiles.flatMap((u) => [u.q15, u.q50, u.q85, ...(u.preBn ? [u.preBn.q15, u.preBn.q50, u.preBn.q85] : [])]);
  return [m.step, m.trainLoss, m.trainAccuracy, m.testLoss ?? NaN, m.testAccuracy ?? NaN, ...q, ...m.gradNorms];
}

export interface RunBits {
  /** Per variant, the batch loss after each step (base64), to find the first step that differs. */
  readonly trainLoss: Record<string, string>;
  /** Every logged number of every step, both variants, then every final parameter (base64). */
  readonly everything: string;
}

/** A seeded with/without-BN run of `steps` steps, logging every step, as `npm run train` makes it. */
export function runBits(settings: Partial<ExperimentSettings>, steps: number): RunBits {
  const { comparison } = createExperiment({ ...settings, logEvery: 1 });
  const chunk = stepComparison(comparison, steps);
  const trainLoss: Record<string, string> = {};
  const all: number[] = [];
  for (const v of VARIANTS) {
    trainLoss[v] = toBase64(Float64Array.from(chunk.logs[v], (m) => m.trainLoss));
    for (const m of chunk.logs[v]) all.push(...stepNumbers(m));
    for (const p of comparison.variants[v].params) all.push(...p.value);
  }
  return { trainLoss, everything: toBase64(Float64Array.from(all)) };
}

/** The runs the test compares: the sigmoid run, and tanh with Adam (Math.tanh, Math.pow before). */
export const RUNS: Record<string, Partial<ExperimentSettings>> = {
  'spiral, 3 hidden sigmoid layers, SGD': { dataset: 'spiral', depth: 3, width: 16, activation: 'sigmoid', optimizer: 'sgd', lr: 0.5, seed: 1, evalEvery: 10 },
  'moons, 2 hidden tanh layers, Adam': { dataset: 'moons', depth: 2, width: 16, activation: 'tanh', optimizer: 'adam', lr: 0.01, seed: 2, evalEvery: 10 },
};
export const RUN_STEPS = 300;
