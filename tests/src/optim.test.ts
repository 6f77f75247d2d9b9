import { describe, expect, test } from 'vitest';
import {
  EngineError,
  backward,
  createModel,
  createOptimizer,
  createRng,
  createWorkspace,
  forwardLoss,
  matrix,
  optimizerStep,
  params,
  type OptimizerOptions,
  type Param,
} from '../../src';

/** One parameter [2] with a settable gradient. */
function param(values: number[]): Param {
  return { name: 'w', value: Float64Array.from(values), grad: new Float64Array(values.length) };
}

function run(options: OptimizerOptions, w0: number[], grads: number[][]): number[] {
  const p = param(w0);
  const opt = createOptimizer(options, [p]);
  for (const g of grads) {
    p.grad.set(g);
    optimizerStep(opt);
  }
  return Array.from(p.value);
}

const close = (got: number[], want: number[], tol: number) => got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(tol));

describe('optimizer steps against hand-computed values (PyTorch update rules)', () => {
  test('SGD lr 0.1: w [2] = [1, −2], g = [0.5, 0.25] → [0.95, −2.025] (1e-15)', () => {
    close(run({ name: 'sgd', lr: 0.1 }, [1, -2], [[0.5, 0.25]]), [0.95, -2.025], 1e-15);
  });

  test('SGD with momentum 0.9, lr 0.1: v₁ = g₁, v₂ = 0.9·v₁ + g₂ (PyTorch, dampening 0) on w [2]', () => {
    // step 1: v = [0.5, −1] → w = [1 − 0.05, 0 + 0.1];  step 2: g = [0.5, 1], v = [0.95, 0.1] → w = [0.95 − 0.095, 0.1 − 0.01]
    close(run({ name: 'momentum', lr: 0.1, momentum: 0.9 }, [1, 0], [[0.5, -1], [0.5, 1]]), [0.855, 0.09], 1e-15);
  });

  test('Adam lr 0.1 (β 0.9/0.999, ε 1e-8): two steps on w [1] from bias-corrected moments (1e-15)', () => {
    // step 1: m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25 → w = 1 − 0.1·0.5/(0.5 + 1e-8)
    const w1 = 1 - (0.1 * 0.5) / (0.5 + 1e-8);
    // step 2 (g = 0.25): m = 0.9·0.05 + 0.1·0.25 = 0.07; v = 0.999·0.00025 + 0.001·0.0625 = 0.00031225
    const w2 = w1 - (0.1 * (0.07 / 0.19)) / (Math.sqrt(0.00031225 / 0.001999) + 1e-8);
    close(run({ name: 'adam', lr: 0.1 }, [1], [[0.5], [0.25]]), [w2], 1e-15);
    expect(w2).toBeCloseTo(0.900000002 - 0.0932183, 6);
  });

  test('Adam’s first step is ≈ lr·sign(g) whatever the gradient’s scale: g = 1e-3 and g = 1e3 on w [2]', () => {
    close(run({ name: 'adam', lr: 0.01 }, [0, 0], [[1e-3, -1e3]]), [-0.01, 0.01], 1e-7);
  });

  test('defaults follow PyTorch: lr 1e-3, β (0.9, 0.999), ε 1e-8; momentum 0.9 for the momentum optimizer', () => {
    const opt = createOptimizer({ name: 'adam' }, []);
    expect(opt.config).toMatchObject({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(createOptimizer({ name: 'momentum' }, []).config.momentum).toBe(0.9);
    // an option explicitly undefined (a form field left empty) means the default
    expect(createOptimizer({ name: 'adam', lr: undefined }, []).config.lr).toBe(1e-3);
  });
});

describe('weight decay (PyTorch weight_decay: L2 for sgd, momentum, adam; decoupled for adamw)', () => {
  test('SGD lr 0.1, wd 0.01: w [2] = [1, −2], g = [0.5, 0.25] → w − 0.1·(g + 0.01·w) (1e-15)', () => {
    const want = [1 - 0.1 * (0.5 + 0.01 * 1), -2 - 0.1 * (0.25 + 0.01 * -2)];
    close(run({ name: 'sgd', lr: 0.1, weightDecay: 0.01 }, [1, -2], [[0.5, 0.25]]), want, 1e-15);
    expect(want[0]).toBeCloseTo(0.949, 15);
  });

  test('momentum 0.9, lr 0.1, wd 0.1: v₁ = g₁ + wd·w₀, v₂ = 0.9·v₁ + g₂ + wd·w₁ on w [1] (1e-15)', () => {
    const v1 = 0.5 + 0.1 * 2, w1 = 2 - 0.1 * v1;
    const v2 = 0.9 * v1 + (-1 + 0.1 * w1), w2 = w1 - 0.1 * v2;
    close(run({ name: 'momentum', lr: 0.1, momentum: 0.9, weightDecay: 0.1 }, [2], [[0.5], [-1]]), [w2], 1e-15);
  });

  test('Adam lr 0.1, wd 0.5 (L2): the moments see d = g + wd·w; two steps on w [1] (1e-15)', () => {
    const d1 = 0.5 + 0.5 * 1, m1 = 0.1 * d1, v1 = 0.001 * d1 * d1;
    const w1 = 1 - (0.1 / 0.1) * (m1 / (Math.sqrt(v1) / Math.sqrt(0.001) + 1e-8));
    const d2 = 0.25 + 0.5 * w1, m2 = 0.9 * m1 + 0.1 * d2, v2 = 0.999 * v1 + 0.001 * d2 * d2;
    const w2 = w1 - (0.1 / (1 - 0.81)) * (m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.998001) + 1e-8));
    close(run({ name: 'adam', lr: 0.1, weightDecay: 0.5 }, [1], [[0.5], [0.25]]), [w2], 1e-15);
  });

  test('AdamW lr 0.1, wd 0.5: w ← w·(1 − lr·wd), then Adam on g alone; two steps on w [1] (1e-15)', () => {
    const shrink = 1 - 0.1 * 0.5;
    const m1 = 0.1 * 0.5, v1 = 0.001 * 0.25;
    const w1 = 1 * shrink - (0.1 / 0.1) * (m1 / (Math.sqrt(v1) / Math.sqrt(0.001) + 1e-8));
    const m2 = 0.9 * m1 + 0.1 * 0.25, v2 = 0.999 * v1 + 0.001 * 0.0625;
    const w2 = w1 * shrink - (0.1 / (1 - 0.81)) * (m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.998001) + 1e-8));
    close(run({ name: 'adamw', lr: 0.1, weightDecay: 0.5 }, [1], [[0.5], [0.25]]), [w2], 1e-15);
  });

  test('AdamW is not Adam + L2: the same wd 0.5 over 3 steps on w [2] ends ≥ 0.01 apart; with wd 0 they are equal bit for bit', () => {
    const w0 = [1, -3], gs = [[0.5, 0.1], [0.25, -0.2], [-0.1, 0.3]];
    const decoupled = run({ name: 'adamw', lr: 0.1, weightDecay: 0.5 }, w0, gs);
    const l2 = run({ name: 'adam', lr: 0.1, weightDecay: 0.5 }, w0, gs);
    // Adam divides wd·w by √v̂, so its decay of w = −3 (where g is small) is about lr per step, not lr·wd·|w|.
    expect(Math.max(...decoupled.map((v, i) => Math.abs(v - l2[i])))).toBeGreaterThan(0.01);
    expect(run({ name: 'adamw', lr: 0.1, weightDecay: 0 }, w0, gs)).toEqual(run({ name: 'adam', lr: 0.1 }, w0, gs));
  });

  test('wd 0 changes nothing: sgd, momentum, adam with weightDecay 0 equal the default, bit for bit, on w [2] over 3 steps', () => {
    const w0 = [0.7, -1.1], gs = [[0.5, 0.1], [0.25, -0.2], [-0.1, 0.3]];
    for (const name of ['sgd', 'momentum', 'adam'] as const) {
      expect(run({ name, lr: 0.1, weightDecay: 0 }, w0, gs)).toEqual(run({ name, lr: 0.1 }, w0, gs));
    }
  });

  test('with g = 0, SGD with wd shrinks w [2] by (1 − lr·wd)ᵗ: 10 steps of lr 0.5, wd 0.2 → 0.9¹⁰·w (1e-15 relative)', () => {
    const got = run({ name: 'sgd', lr: 0.5, weightDecay: 0.2 }, [1, -4], Array.from({ length: 10 }, () => [0, 0]));
    close(got, [0.9 ** 10, -4 * 0.9 ** 10], 4 * 0.9 ** 10 * 1e-15 * 10);
  });

  test('defaults: weight decay 0 for sgd, momentum and adam; 0.01 for adamw (torch.optim.AdamW); an undefined wd means the default', () => {
    for (const name of ['sgd', 'momentum', 'adam'] as const) expect(createOptimizer({ name }, []).config.weightDecay).toBe(0);
    expect(createOptimizer({ name: 'adamw' }, []).config).toMatchObject({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 });
    expect(createOptimizer({ name: 'adamw', weightDecay: undefined }, []).config.weightDecay).toBe(0.01);
    expect(createOptimizer({ name: 'adamw' }, [param([0])]).second).toHaveLength(1);
  });

  test('a negative, NaN or infinite weight decay throws an EngineError that says what it may be', () => {
    for (const wd of [-1, -1e-12, NaN, Infinity, -Infinity, '0.1' as unknown as number]) {
      for (const name of ['sgd', 'adamw'] as const) {
        expect(() => createOptimizer({ name, weightDecay: wd }, [])).toThrow(EngineError);
        expect(() => createOptimizer({ name, weightDecay: wd }, [])).toThrow(/weight decay must be a finite number ≥ 0 \(0 = none\), got/);
      }
    }
  });
});

describe('optimizer state', () => {
  test('state is per parameter: two params [2] and [3] keep separate moments', () => {
    const a = param([0, 0]), b = param([0, 0, 0]);
    const opt = createOptimizer({ name: 'adam', lr: 0.1 }, [a, b]);
    a.grad.set([1, 1]);
    b.grad.set([0, 0, 2]);
    optimizerStep(opt);
    expect(opt.first.map((m) => m.length)).toEqual([2, 3]);
    expect(Array.from(opt.first[1])).toEqual([0, 0, (1 - 0.9) * 2]);
    expect(Array.from(b.value.slice(0, 2))).toEqual([0, 0]);
    expect(opt.t).toBe(1);
  });

  test('a few SGD steps on params(model) lower the loss of a fixed batch [8 × 2]', () => {
    const model = createModel({ inputs: 2, hidden: [6], classes: 2, bn: 'before' }, createRng(1));
    const rng = createRng(2);
    const x = matrix(8, 2, Float64Array.from({ length: 16 }, () => rng.gaussian()));
    const y = [0, 1, 0, 1, 1, 0, 1, 0];
    const ws = createWorkspace();
    const opt = createOptimizer({ name: 'sgd', lr: 0.1 }, params(model));
    const first = forwardLoss(model, x, y, ws, { updateRunningStats: false }).loss;
    for (let i = 0; i < 20; i++) {
      forwardLoss(model, x, y, ws, { updateRunningStats: false });
      backward(model, ws);
      optimizerStep(opt);
    }
    expect(forwardLoss(model, x, y, ws, { updateRunningStats: false }).loss).toBeLessThan(first);
  });

  test('bad hyperparameters throw EngineError naming them', () => {
    const bad: [OptimizerOptions, RegExp][] = [
      [{ name: 'sgd', lr: 0 }, /learning rate must be positive/],
      [{ name: 'sgd', lr: -0.1 }, /learning rate must be positive/],
      [{ name: 'sgd', lr: NaN }, /learning rate must be a finite number/],
      [{ name: 'adam', lr: Infinity }, /learning rate must be a finite number/],
      [{ name: 'momentum', momentum: 1 }, /momentum must be in \[0, 1\)/],
      [{ name: 'adam', beta2: 1 }, /betas/],
      [{ name: 'adam', eps: 0 }, /ε must be positive/],
      [{ name: 'rmsprop' as never }, /unknown optimizer "rmsprop"/],
    ];
    for (const [o, msg] of bad) {
      expect(() => createOptimizer(o, [])).toThrow(EngineError);
      expect(() => createOptimizer(o, [])).toThrow(msg);
    }
    expect(() => createOptimizer({ name: 'sgd' }, [{ name: 'w', value: new Float64Array(2), grad: new Float64Array(3) }])).toThrow(/2 values but 3 gradients/);
  });
});
