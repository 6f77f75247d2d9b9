import { EngineError } from './errors';
import type { Matrix } from './matrix';
import { type Model, type Param, cloneModel, params } from './model';
import { type ForwardOptions, backward, createWorkspace, forwardLoss } from './modelPass';

/**
 * The loss landscape along the gradient direction, after Santurkar, Tsipras, Ilyas & Mądry (2018),
 * "How Does Batch Normalization Help Optimization?", §3.1 and Fig. 4: from the parameters θ with
 * gradient g on a fixed batch, step to θ − η·g for several step sizes η and record
 *   – the loss L(θ − η·g)                      (its spread: "variation of the loss"),
 *   – ‖∇L(θ − η·g) − ∇L(θ)‖                    ("gradient predictiveness": small = the gradient
 *                                                 stays a good guide as we move),
 *   – max ‖∇L(θ − η·g) − ∇L(θ)‖ / ‖η·g‖        ("effective β-smoothness").
 * BN uses the batch's statistics (train mode) and leaves the running statistics alone.
 */
export interface LandscapeProbe {
  readonly etas: Float64Array;
  /** L(θ − η·g) for each η. */
  readonly losses: Float64Array;
  /** ‖∇L(θ − η·g) − ∇L(θ)‖₂ for each η. */
  readonly gradChange: Float64Array;
  /** L(θ) and ‖∇L(θ)‖₂. */
  readonly loss: number;
  readonly gradNorm: number;
  /** max − min of the losses (including L(θ)). */
  readonly lossRange: number;
  /** Largest gradient change, and the largest gradient change per unit of distance moved. */
  readonly maxGradChange: number;
  readonly betaSmoothness: number;
}

const PASS: ForwardOptions = { mode: 'train', updateRunningStats: false };

function gatherGrad(ps: readonly Param[], out: Float64Array): Float64Array {
  let k = 0;
  for (const p of ps) {
    out.set(p.grad, k);
    k += p.grad.length;
  }
  return out;
}

function norm(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/**
 * Probes `model` (not modified: a clone moves) on the batch x [m × inputs], labels y, at the step
 * sizes `etas` (each > 0). Non-finite losses are kept as they are, for the caller to explain.
 */
export function probeAlongGradient(model: Model, x: Matrix, y: ArrayLike<number>, etas: readonly number[]): LandscapeProbe {
  if (etas.length === 0) throw new EngineError('config', 'the landscape probe needs at least one step size');
  for (const eta of etas) {
    if (!(eta > 0) || !Number.isFinite(eta)) throw new EngineError('hyperparameter', `step sizes must be positive and finite, got ${eta}`);
  }
  const probe = cloneModel(model);
  const ps = params(probe);
  const size = ps.reduce((n, p) => n + p.value.length, 0);
  const theta = new Float64Array(size);
  let k = 0;
  for (const p of ps) {
    theta.set(p.value, k);
    k += p.value.length;
  }
  const ws = createWorkspace();
  const loss = forwardLoss(probe, x, y, ws, PASS).loss;
  backward(probe, ws);
  const g0 = gatherGrad(ps, new Float64Array(size));
  const gradNorm = norm(g0);
  const g = new Float64Array(size), diff = new Float64Array(size);
  const losses = new Float64Array(etas.length), gradChange = new Float64Array(etas.length);
  let lo = loss, hi = loss, beta = 0;
  etas.forEach((eta, e) => {
    let j = 0;
    for (const p of ps) {
      for (let i = 0; i < p.value.length; i++, j++) p.value[i] = theta[j] - eta * g0[j];
    }
    const l = forwardLoss(probe, x, y, ws, PASS).loss;
    losses[e] = l;
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
    backward(probe, ws);
    gatherGrad(ps, g);
    for (let i = 0; i < size; i++) diff[i] = g[i] - g0[i];
    gradChange[e] = norm(diff);
    if (gradNorm > 0) beta = Math.max(beta, gradChange[e] / (eta * gradNorm));
  });
  let maxGradChange = 0;
  for (const c of gradChange) maxGradChange = Math.max(maxGradChange, c);
  return { etas: Float64Array.from(etas), losses, gradChange, loss, gradNorm, lossRange: hi - lo, maxGradChange, betaSmoothness: beta };
}
