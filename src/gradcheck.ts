import { EngineError, checkFinite } from './errors';
import type { Matrix } from './matrix';
import { type Model, params } from './model';
import { type ForwardOptions, backward, createWorkspace, forwardLoss } from './modelPass';

/**
 * Gradient checks by central finite differences: ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, whose
 * error is O(h²) plus rounding of order ε_machine·|f|/h. Compared with the analytic gradient by
 *   relative error = |analytic − numeric| / max(|analytic|, |numeric|, floor)
 * (the floor, default 1e-8, keeps two tiny numbers from looking wildly different).
 */
export interface GradCheckOptions {
  /** Step h (default 1e-5). */
  h?: number;
  /** Denominator floor of the relative error (default 1e-8). */
  floor?: number;
  /** Check only these indices (default: every one). */
  indices?: readonly number[];
}

export interface GradCheckEntry {
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
  readonly absError: number;
  readonly relError: number;
}

export interface GradCheckResult {
  /** A parameter name ('W1', 'gamma2', …) or 'x' for a plain function. */
  readonly name: string;
  readonly entries: readonly GradCheckEntry[];
  readonly maxAbsError: number;
  readonly maxRelError: number;
}

export function relativeError(analytic: number, numeric: number, floor = 1e-8): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

function resolve(options: GradCheckOptions, length: number): { h: number; floor: number; indices: readonly number[] } {
  const h = options.h ?? 1e-5;
  const floor = options.floor ?? 1e-8;
  checkFinite('finite-difference step h', h);
  if (!(h > 0)) throw new EngineError('hyperparameter', `finite-difference step h must be positive, got ${h}`);
  checkFinite('relative-error floor', floor, 0);
  const indices = options.indices ?? Array.from({ length }, (_, i) => i);
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= length) throw new EngineError('shape', `index ${i} is outside [0, ${length})`);
  }
  return { h, floor, indices };
}

/**
 * Compares `grad` (the analytic ∂f/∂x) with central differences of `f` around `x`. Perturbs `x` in
 * place and restores every entry exactly before returning.
 */
export function checkGradient(
  f: (x: Float64Array) => number,
  x: Float64Array,
  grad: ArrayLike<number>,
  options: GradCheckOptions = {},
  name = 'x',
): GradCheckResult {
  if (grad.length !== x.length) throw new EngineError('shape', `gradient has ${grad.length} entries but x has ${x.length}`);
  const { h, floor, indices } = resolve(options, x.length);
  const entries: GradCheckEntry[] = [];
  let maxAbsError = 0, maxRelError = 0;
  for (const i of indices) {
    const old = x[i];
    x[i] = old + h;
    const up = f(x);
    x[i] = old - h;
    const down = f(x);
    x[i] = old;
    const numeric = (up - down) / (2 * h);
    const analytic = grad[i];
    const absError = Math.abs(analytic - numeric);
    const relError = relativeError(analytic, numeric, floor);
    entries.push({ index: i, analytic, numeric, absError, relError });
    maxAbsError = Math.max(maxAbsError, absError);
    maxRelError = Math.max(maxRelError, relError);
  }
  return { name, entries, maxAbsError, maxRelError };
}

export interface ModelGradCheck {
  /** The loss at the unperturbed parameters. */
  readonly loss: number;
  /** One result per parameter checked, in `params(model)` order. */
  readonly results: readonly GradCheckResult[];
  readonly maxRelError: number;
  /**
   * Smallest |input| to any ReLU over the batch. A perturbation of size h moves these inputs by
   * about h·|∂input/∂θ|; when this is not far above h, a check may straddle a kink and disagree.
   */
  readonly minReluInput: number;
}

/**
 * Checks every parameter (or those named in `names`) of `model` on the mean softmax cross-entropy of
 * (x [m × inputs], labels), in `mode` ('train' by default, with batch statistics). Running statistics
 * are never updated. Overwrites the model's gradient buffers with the analytic gradients; the
 * parameter values are restored exactly.
 */
export function checkModelGradients(
  model: Model,
  x: Matrix,
  labels: ArrayLike<number>,
  options: GradCheckOptions & { names?: readonly string[]; mode?: ForwardOptions['mode'] } = {},
): ModelGradCheck {
  const pass: ForwardOptions = { mode: options.mode ?? 'train', updateRunningStats: false };
  const ws = createWorkspace();
  const loss = forwardLoss(model, x, labels, ws, pass).loss;
  backward(model, ws);
  let minReluInput = Infinity;
  model.layers.forEach((layer, k) => {
    if (layer.kind !== 'activation' || layer.fn !== 'relu') return;
    const input = k === 0 ? x : ws.outputs[k - 1];
    for (const v of input.data) minReluInput = Math.min(minReluInput, Math.abs(v));
  });
  const probe = createWorkspace();
  const f = (): number => forwardLoss(model, x, labels, probe, pass).loss;
  const all = params(model);
  const names = options.names ?? all.map((p) => p.name);
  for (const n of names) if (!all.some((p) => p.name === n)) throw new EngineError('config', `the model has no parameter "${n}"`);
  const results = all
    .filter((p) => names.includes(p.name))
    .map((p) => checkGradient(f, p.value, p.grad.slice(), { h: options.h, floor: options.floor, indices: options.indices?.filter((i) => i < p.value.length) }, p.name));
  return { loss, results, maxRelError: Math.max(0, ...results.map((r) => r.maxRelError)), minReluInput };
}
