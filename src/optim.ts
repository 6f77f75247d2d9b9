import { detPowInt } from './detMath';
import { EngineError, checkFinite } from './errors';
import type { Param } from './model';
import { withDefaults } from './options';

/**
 * Optimizers with PyTorch's update rules and defaults (torch.optim.SGD and Adam, no weight decay):
 *
 *   sgd       p ← p − lr·g                                                (lr 0.001)
 *   momentum  v ← μ·v + g  (v = g on the first step);  p ← p − lr·v         (lr 0.001, μ 0.9)
 *   adam      m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
 *             p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)              (lr 0.001, β 0.9/0.999, ε 1e-8)
 *
 * State (velocity, moments) is kept per parameter, in the order of the `Param` list given.
 * ('momentum' is SGD with PyTorch's `momentum` argument; PyTorch's own default there is 0.)
 */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam'];

export interface OptimizerConfig {
  readonly name: OptimizerName;
  /** Learning rate: finite and > 0. */
  readonly lr: number;
  /** Momentum μ for 'momentum', in [0, 1). */
  readonly momentum: number;
  /** Adam's β₁, β₂ in [0, 1) and ε > 0. */
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

export type OptimizerOptions = Pick<OptimizerConfig, 'name'> & Partial<Omit<OptimizerConfig, 'name'>>;

export const OPTIMIZER_DEFAULTS = { lr: 1e-3, momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

export interface Optimizer {
  readonly config: OptimizerConfig;
  readonly params: readonly Param[];
  /** Per parameter: the velocity ('momentum') or first moment m ('adam'); empty for 'sgd'. */
  readonly first: Float64Array[];
  /** Per parameter: Adam's second moment v; empty otherwise. */
  readonly second: Float64Array[];
  /** Number of steps taken (t). */
  t: number;
}

/** Fills in defaults and checks every hyperparameter. @throws EngineError naming the bad one. */
export function resolveOptimizerConfig(options: OptimizerOptions): OptimizerConfig {
  if (!OPTIMIZERS.includes(options.name)) {
    throw new EngineError('config', `unknown optimizer "${String(options.name)}", expected one of ${OPTIMIZERS.join(', ')}`);
  }
  const c: OptimizerConfig = withDefaults(OPTIMIZER_DEFAULTS, options);
  checkFinite('learning rate', c.lr);
  if (!(c.lr > 0)) throw new EngineError('hyperparameter', `learning rate must be positive, got ${c.lr}`);
  checkFinite('momentum', c.momentum, 0);
  if (c.momentum >= 1) throw new EngineError('hyperparameter', `momentum must be in [0, 1), got ${c.momentum}`);
  checkFinite('Adam β₁', c.beta1, 0);
  checkFinite('Adam β₂', c.beta2, 0);
  if (c.beta1 >= 1 || c.beta2 >= 1) throw new EngineError('hyperparameter', `Adam betas must be in [0, 1), got ${c.beta1} and ${c.beta2}`);
  checkFinite('Adam ε', c.eps);
  if (!(c.eps > 0)) throw new EngineError('hyperparameter', `Adam ε must be positive, got ${c.eps}`);
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
  const state = (on: boolean) => (on ? params.map((p) => new Float64Array(p.value.length)) : []);
  return {
    config,
    params: [...params],
    first: state(config.name !== 'sgd'),
    second: state(config.name === 'adam'),
    t: 0,
  };
}

/** One update of every parameter from its current `grad`. Mutates the params' values and `opt`. */
export function optimizerStep(opt: Optimizer): void {
  const { name, lr, momentum, beta1, beta2, eps } = opt.config;
  opt.t += 1;
  const t = opt.t;
  const ps = opt.params;
  if (name === 'sgd') {
    for (const p of ps) {
      const w = p.value, g = p.grad;
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
    }
  } else if (name === 'momentum') {
    for (let k = 0; k < ps.length; k++) {
      const w = ps[k].value, g = ps[k].grad, v = opt.first[k];
      if (t === 1) v.set(g);
      else for (let i = 0; i < w.length; i++) v[i] = momentum * v[i] + g[i];
      for (let i = 0; i < w.length; i++) w[i] -= lr * v[i];
    }
  } else {
    // β^t by detPowInt (binary exponentiation in double-double, rounded once): Math.pow differs
    // between engines in the last bit, and plain repeated squaring would be up to t/2 ulp off.
    const bc1 = 1 - detPowInt(beta1, t);
    const sqrtBc2 = Math.sqrt(1 - detPowInt(beta2, t));
    const stepSize = lr / bc1;
    for (let k = 0; k < ps.length; k++) {
      const w = ps[k].value, g = ps[k].grad, m = opt.first[k], v = opt.second[k];
      for (let i = 0; i < w.length; i++) {
        const gi = g[i];
        // PyTorch's operation order: m.lerp_(g, 1 − β₁); v.mul_(β₂).addcmul_(g, g, 1 − β₂); p.addcdiv_(m, denom, −step).
        m[i] += (1 - beta1) * (gi - m[i]);
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
        w[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / sqrtBc2 + eps));
      }
    }
  }
}
