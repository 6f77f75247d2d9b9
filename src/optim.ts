import { detPowInt } from './detMath';
import { EngineError, checkFinite } from './errors';
import type { Param } from './model';
import { withDefaults } from './options';
import { OPTIMIZERS, type OptimizerName } from './choices';

/**
 * Optimizers with PyTorch's update rules and defaults (torch.optim.SGD, Adam and AdamW), where
 * d = g + wd·p is the gradient with PyTorch's `weight_decay` (L2) folded in:
 *
 *   sgd       p ← p − lr·d                                                 (lr 0.001, wd 0)
 *   momentum  v ← μ·v + d  (v = d on the first step);  p ← p − lr·v          (lr 0.001, μ 0.9, wd 0)
 *   adam      m ← β₁m + (1−β₁)d;  v ← β₂v + (1−β₂)d²;
 *             p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)               (lr 0.001, β 0.9/0.999, ε 1e-8, wd 0)
 *   adamw     p ← p·(1 − lr·wd)  (decoupled decay: the gradient stays g), then Adam's step with g
 *                                                                            (the same, wd 0.01)
 *
 * Weight decay applies to every parameter handed over (W, b, γ, β), as PyTorch does with one
 * parameter group. AdamW's default decay is PyTorch's, 0.01, so `{ name: 'adamw' }` is
 * `torch.optim.AdamW(params)`; with wd = 0 it is Adam. Decay scales like lr·wd per step, so
 * AdamW's 0.01 is not the same strength as Adam's L2 0.01 (whose wd·p is divided by √v̂).
 * State (velocity, moments) is kept per parameter, in the order of the `Param` list given.
 * ('momentum' is SGD with PyTorch's `momentum` argument; PyTorch's own default there is 0.)
 */
export type { OptimizerName };
export { OPTIMIZERS };

export interface OptimizerConfig {
  readonly name: OptimizerName;
  /** Learning rate: finite and > 0. */
  readonly lr: number;
  /** Momentum μ for 'momentum', in [0, 1). */
  readonly momentum: number;
  /** Adam's (and AdamW's) β₁, β₂ in [0, 1) and ε > 0. */
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** PyTorch's `weight_decay`, finite and ≥ 0: L2 (added to the gradient) except for 'adamw' (decoupled). */
  readonly weightDecay: number;
}

export type OptimizerOptions = Pick<OptimizerConfig, 'name'> & Partial<Omit<OptimizerConfig, 'name'>>;

/** The defaults of every optimizer but AdamW's weight decay (ADAMW_WEIGHT_DECAY). */
export const OPTIMIZER_DEFAULTS = { lr: 1e-3, momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 } as const;
/** torch.optim.AdamW's default weight_decay. */
export const ADAMW_WEIGHT_DECAY = 0.01;

/** The weight decay `name` uses when none is given: 0.01 for AdamW, 0 (none) otherwise, as in PyTorch. */
export function defaultWeightDecay(name: OptimizerName): number {
  return name === 'adamw' ? ADAMW_WEIGHT_DECAY : OPTIMIZER_DEFAULTS.weightDecay;
}

export interface Optimizer {
  readonly config: OptimizerConfig;
  readonly params: readonly Param[];
  /** Per parameter: the velocity ('momentum') or first moment m ('adam', 'adamw'); empty for 'sgd'. */
  readonly first: Float64Array[];
  /** Per parameter: Adam's second moment v; empty otherwise. */
  readonly second: Float64Array[];
  /** Number of steps taken (t). */
  t: number;
}

/** Throws unless `wd` is a finite number ≥ 0. @throws EngineError saying what weight decay may be. */
export function checkWeightDecay(wd: number): void {
  if (typeof wd !== 'number' || !Number.isFinite(wd) || wd < 0) {
    throw new EngineError('hyperparameter', `weight decay must be a finite number ≥ 0 (0 = none), got ${String(wd)}`);
  }
}

/** Fills in defaults and checks every hyperparameter. @throws EngineError naming the bad one. */
export function resolveOptimizerConfig(options: OptimizerOptions): OptimizerConfig {
  if (!OPTIMIZERS.includes(options.name)) {
    throw new EngineError('config', `unknown optimizer "${String(options.name)}", expected one of ${OPTIMIZERS.join(', ')}`);
  }
  const c: OptimizerConfig = withDefaults({ ...OPTIMIZER_DEFAULTS, weightDecay: defaultWeightDecay(options.name) }, options);
  checkFinite('learning rate', c.lr);
  if (!(c.lr > 0)) throw new EngineError('hyperparameter', `learning rate must be positive, got ${c.lr}`);
  checkFinite('momentum', c.momentum, 0);
  if (c.momentum >= 1) throw new EngineError('hyperparameter', `momentum must be in [0, 1), got ${c.momentum}`);
  checkFinite('Adam β₁', c.beta1, 0);
  checkFinite('Adam β₂', c.beta2, 0);
  if (c.beta1 >= 1 || c.beta2 >= 1) throw new EngineError('hyperparameter', `Adam betas must be in [0, 1), got ${c.beta1} and ${c.beta2}`);
  checkFinite('Adam ε', c.eps);
  if (!(c.eps > 0)) throw new EngineError('hyperparameter', `Adam ε must be positive, got ${c.eps}`);
  checkWeightDecay(c.weightDecay);
  return c;
}

/** An optimizer over `params` (usually `params(model)`), with zeroed state. */
export function createOptimizer(options: OptimizerOptions, params: readonly Param[]): Optimizer {
  const config = resolveOptimizerConfig(options);
  for (const p of params) {
    if (p.value.length !== p.grad.length) {
      throw new EngineError('shape', `parameter ${p.name} has ${p.value.length} values but ${p.grad.length} gradients`);
    }
  }
  const adam = config.name === 'adam' || config.name === 'adamw';
  const state = (on: boolean) => (on ? params.map((p) => new Float64Array(p.value.length)) : []);
  return {
    config,
    params: [...params],
    first: state(config.name !== 'sgd'),
    second: state(adam),
    t: 0,
  };
}

/** p ← p − lr·(g + wd·p). */
function sgdUpdate(w: Float64Array, g: Float64Array, lr: number, wd: number): void {
  if (wd === 0) for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
  else for (let i = 0; i < w.length; i++) w[i] -= lr * (g[i] + wd * w[i]);
}

/** v ← μ·v + (g + wd·p), or v ← g + wd·p on the first step; p ← p − lr·v. */
function momentumUpdate(w: Float64Array, g: Float64Array, v: Float64Array, first: boolean, lr: number, momentum: number, wd: number): void {
  // μ·0 + d = d exactly, so the first step needs no loop of its own.
  const mu = first ? 0 : momentum;
  // Two loops rather than a test per element: the optimizer runs over every weight on every step.
  if (wd === 0) {
    for (let i = 0; i < w.length; i++) {
      v[i] = mu * v[i] + g[i];
      w[i] -= lr * v[i];
    }
  } else {
    for (let i = 0; i < w.length; i++) {
      v[i] = mu * v[i] + (g[i] + wd * w[i]);
      w[i] -= lr * v[i];
    }
  }
}

/**
 * Adam's step on one parameter with stepSize = lr/(1 − β₁ᵗ) and sqrtBc2 = √(1 − β₂ᵗ); `l2` is the
 * weight decay added to the gradient (0 for AdamW, whose decay the caller has applied already).
 */
function adamUpdate(w: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, beta1: number, beta2: number, eps: number, stepSize: number, sqrtBc2: number, l2: number): void {
  for (let i = 0; i < w.length; i++) {
    // The test is the same for every i, so the branch predictor takes it for free.
    const gi = l2 === 0 ? g[i] : g[i] + l2 * w[i];
    // PyTorch's operation order: m.lerp_(g, 1 − β₁); v.mul_(β₂).addcmul_(g, g, 1 − β₂); p.addcdiv_(m, denom, −step).
    m[i] += (1 - beta1) * (gi - m[i]);
    v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
    w[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / sqrtBc2 + eps));
  }
}

/** One update of every parameter from its current `grad`. Mutates the params' values and `opt`. */
export function optimizerStep(opt: Optimizer): void {
  const c = opt.config;
  const { name, lr, weightDecay: wd } = c;
  opt.t += 1;
  const t = opt.t;
  const ps = opt.params;
  if (name === 'sgd') {
    for (const p of ps) sgdUpdate(p.value, p.grad, lr, wd);
  } else if (name === 'momentum') {
    for (let k = 0; k < ps.length; k++) momentumUpdate(ps[k].value, ps[k].grad, opt.first[k], t === 1, lr, c.momentum, wd);
  } else {
    // β^t by detPowInt (binary exponentiation in double-double, rounded once): Math.pow differs
    // between engines in the last bit, and plain repeated squaring would be up to t/2 ulp off.
    const bc1 = 1 - detPowInt(c.beta1, t);
    const sqrtBc2 = Math.sqrt(1 - detPowInt(c.beta2, t));
    const stepSize = lr / bc1;
    const decoupled = name === 'adamw';
    // PyTorch's AdamW: param.mul_(1 − lr·weight_decay) before the moments are updated.
    const shrink = 1 - lr * wd;
    for (let k = 0; k < ps.length; k++) {
      const w = ps[k].value;
      if (decoupled && wd !== 0) for (let i = 0; i < w.length; i++) w[i] *= shrink;
      adamUpdate(w, ps[k].grad, opt.first[k], opt.second[k], c.beta1, c.beta2, c.eps, stepSize, sqrtBc2, decoupled ? 0 : wd);
    }
  }
}
