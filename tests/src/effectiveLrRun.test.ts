import { describe, expect, test } from 'vitest';
import { EFFECTIVE_LR_DEFAULTS, EngineError, createEffectiveLrRun, predictedNormSq, stepEffectiveLrRun, type LayerTrace } from '../../src';

const sq = (v: number) => v * v;

describe('the effective-step run: plain SGD on a BN MLP [2 → 16 → 16 → 3], weight decay 0 and 5e-4', () => {
  // The default run: spiral, lr 1, batch 32, 3 000 steps (≈ 0.4 s in Node).
  const run = createEffectiveLrRun();
  while (stepEffectiveLrRun(run, 500) > 0);
  const [none, decayed] = run.traces;
  const T = EFFECTIVE_LR_DEFAULTS.steps;

  test('defaults: two networks (wd 0, 5e-4) watching W₁ [2 × 16] and W₂ [16 × 16], the layers BN follows; same initial W, same first batch', () => {
    expect(run.traces.map((t) => [t.weightDecay, t.layers.map((l) => l.index)])).toEqual([[0, [1, 2]], [5e-4, [1, 2]]]);
    expect(none.layers[0].norm[0]).toBe(decayed.layers[0].norm[0]);
    expect(none.loss[0]).toBe(decayed.loss[0]);
    expect(run.step).toBe(T);
  });

  test('wd 0: ‖W‖ grows at every one of the 3 000 steps and η/‖W‖² shrinks at every step, for W₁ and W₂', () => {
    for (const l of none.layers) {
      for (let t = 0; t < T; t++) {
        expect(l.norm[t + 1]).toBeGreaterThan(l.norm[t]);
        expect(l.effectiveStep[t + 1]).toBeLessThan(l.effectiveStep[t]);
      }
    }
  });

  test('wd 5e-4 levels off: over steps 2 000 → 3 000 ‖W₁‖ moves < 3 % (wd 0: grows > 10 %), ends < 0.7 × the wd-0 norm, effective step > 2 × wd 0’s', () => {
    const growth = (l: LayerTrace) => l.norm[T] / l.norm[2000];
    expect(growth(none.layers[0])).toBeGreaterThan(1.1);
    expect(Math.abs(growth(decayed.layers[0]) - 1)).toBeLessThan(0.03);
    expect(decayed.layers[0].norm[T]).toBeLessThan(0.7 * none.layers[0].norm[T]);
    expect(decayed.layers[0].effectiveStep[T]).toBeGreaterThan(2 * none.layers[0].effectiveStep[T]);
  });

  test('every step, both decays, both layers: ‖W_{t+1}‖² = (1 − ηλ)²‖W_t‖² − 2η(1 − ηλ)·W_t·g_t + η²‖g_t‖² to 1e-12 relative', () => {
    for (const trace of run.traces) {
      trace.layers.forEach((l, i) => {
        let worst = 0;
        for (let t = 0; t < T; t++) worst = Math.max(worst, Math.abs(sq(l.norm[t + 1]) - predictedNormSq(trace, i, t, 1)) / sq(l.norm[t + 1]));
        expect(worst).toBeLessThan(1e-12);
      });
    }
  });

  test('with ε = 1e-5, W·g is only BN’s ε part: ‖W_{t+1}‖² = ‖W_t‖² + η²‖g‖² (wd 0) to 1e-5 relative', () => {
    for (const l of none.layers) for (let t = 0; t < T; t++) expect(Math.abs(sq(l.norm[t + 1]) - sq(l.norm[t]) - l.gradNormSq[t]) / sq(l.norm[t + 1])).toBeLessThan(1e-5);
  });
});

describe('the effective-step run: identity, chunking, bad options', () => {
  test('ε = 0, wd 0, lr 0.5, 300 steps: ‖W_{t+1}‖² = ‖W_t‖² + η²‖g_t‖² at every step to 1e-12 relative (W·g is rounding)', () => {
    const run = createEffectiveLrRun({ eps: 0, weightDecays: [0], lr: 0.5, steps: 300 });
    stepEffectiveLrRun(run, 300);
    for (const l of run.traces[0].layers) {
      for (let t = 0; t < 300; t++) {
        const want = sq(l.norm[t]) + 0.25 * l.gradNormSq[t];
        expect(Math.abs(sq(l.norm[t + 1]) - want) / want).toBeLessThan(1e-12);
      }
    }
  });

  test('chunks of 43 give the same records bit for bit as one call of 301 steps; steps stop at the run’s length', () => {
    const options = { steps: 301, hidden: [8], seed: 4 };
    const whole = createEffectiveLrRun(options), chunked = createEffectiveLrRun(options);
    expect(stepEffectiveLrRun(whole, 1000)).toBe(301);
    while (stepEffectiveLrRun(chunked, 43) > 0);
    expect(stepEffectiveLrRun(chunked, 10)).toBe(0);
    chunked.traces.forEach((t, k) => {
      expect(Array.from(t.loss)).toEqual(Array.from(whole.traces[k].loss));
      expect(Array.from(t.layers[0].norm)).toEqual(Array.from(whole.traces[k].layers[0].norm));
    });
  });

  test('bad options throw EngineError naming them', () => {
    const bad: [object, RegExp][] = [
      [{ weightDecays: [0, -1] }, /weight decay must be a finite number ≥ 0 \(0 = none\), got -1/],
      [{ weightDecays: [NaN] }, /weight decay must be a finite number ≥ 0/],
      [{ weightDecays: [] }, /at least one weight decay/],
      [{ lr: 0 }, /learning rate must be positive/],
      [{ hidden: [] }, /at least one hidden layer/],
      [{ batchSize: 1 }, /batch size must be an integer ≥ 2/],
      [{ steps: 0 }, /steps must be an integer ≥ 1/],
    ];
    for (const [o, msg] of bad) {
      expect(() => createEffectiveLrRun(o)).toThrow(EngineError);
      expect(() => createEffectiveLrRun(o)).toThrow(msg);
    }
  });
});
