import { describe, expect, test } from 'vitest';
import {
  EngineError,
  createComparison,
  createModel,
  createRng,
  createWorkspace,
  evaluate,
  forward,
  makeDataset2D,
  matrix,
  params,
  quantile,
  splitDataset,
  stepComparison,
  type ComparisonOptions,
  type Dataset,
  type StepMetrics,
} from '../../src';

const split = splitDataset(makeDataset2D({ name: 'spiral', n: 200, seed: 1 }), 0.25, 1);
const base: ComparisonOptions = { hidden: [8, 8], batchSize: 16, seed: 3, logEvery: 5, evalEvery: 10, probeSize: 40, optimizer: { name: 'sgd', lr: 0.1 } };
const losses = (logs: StepMetrics[]) => logs.map((m) => m.trainLoss);

describe('createComparison: two variants from the same start', () => {
  test("both variants start from the same W_l as createModel(…, createRng(seed)); 'bn' has BN layers, 'plain' none", () => {
    const c = createComparison({ ...base, outputBn: true }, split);
    const W = (ps: ReturnType<typeof params>) => ps.filter((p) => p.name.startsWith('W')).map((p) => Array.from(p.value));
    const ref = createModel({ inputs: 2, classes: 3, hidden: [8, 8], bn: 'none' }, createRng(3));
    expect(W(params(c.variants.plain.model))).toEqual(W(params(ref)));
    expect(W(params(c.variants.bn.model))).toEqual(W(params(ref)));
    expect(c.variants.plain.model.layers.some((l) => l.kind === 'batchnorm')).toBe(false);
    expect(c.variants.bn.model.layers.filter((l) => l.kind === 'batchnorm').map((l) => l.index)).toEqual([1, 2, 3]);
  });

  test('one shared batch order: each epoch visits ⌊n/16⌋·16 distinct training rows, reshuffled per epoch', () => {
    const c = createComparison(base, split);
    const n = split.train.x.rows;
    expect(c.stepsPerEpoch).toBe(Math.floor(n / 16));
    const key = (data: Float64Array, i: number) => `${data[2 * i]},${data[2 * i + 1]}`;
    const trainRows = new Set(Array.from({ length: n }, (_, i) => key(split.train.x.data, i)));
    const epochs: string[][] = [[], []];
    for (let s = 0; s < 2 * c.stepsPerEpoch; s++) {
      stepComparison(c, 1);
      for (let i = 0; i < 16; i++) epochs[Math.floor(s / c.stepsPerEpoch)].push(key(c.xb.data, i));
    }
    for (const seen of epochs) {
      expect(new Set(seen).size).toBe(c.stepsPerEpoch * 16);
      expect(seen.every((k) => trainRows.has(k))).toBe(true);
    }
    expect(epochs[1].slice(0, 16)).not.toEqual(epochs[0].slice(0, 16));
  });

  test('bad settings throw EngineError: batch 1, batch > rows, evalEvery not a multiple, probe unit, lr, mismatched test set', () => {
    const bad: [ComparisonOptions, RegExp][] = [
      [{ batchSize: 1 }, /batch size/],
      [{ batchSize: split.train.x.rows + 1 }, new RegExp(`exceeds the ${split.train.x.rows} training rows`)],
      [{ logEvery: 4, evalEvery: 10 }, /multiple of logEvery/],
      [{ probeUnit: 8 }, /probe unit 8/],
      [{ probeSize: 1 }, /probe batch/],
      [{ optimizer: { name: 'sgd', lr: NaN } }, /learning rate must be a finite number/],
      [{ optimizer: { name: 'adam', lr: -1 } }, /learning rate must be positive/],
      [{ divergenceLoss: 0 }, /divergenceLoss/],
    ];
    for (const [o, msg] of bad) expect(() => createComparison({ ...base, ...o }, split), String(msg)).toThrow(msg);
    const wide: Dataset = { x: matrix(2, 3, [1, 2, 3, 4, 5, 6]), y: Int32Array.from([0, 1]), classes: 3 };
    expect(() => createComparison(base, { train: split.train, test: wide })).toThrow(EngineError);
  });
});

describe('stepComparison: metrics', () => {
  test('logs every 5 steps, test metrics every 10, epochs counted from 0; a chunk reports its step range', () => {
    const c = createComparison(base, split);
    const r = stepComparison(c, 20);
    expect([r.fromStep, r.step, r.done]).toEqual([0, 20, false]);
    for (const name of ['plain', 'bn'] as const) {
      const logs = r.logs[name];
      expect(logs.map((m) => m.step)).toEqual([5, 10, 15, 20]);
      expect(logs.map((m) => m.testLoss === null)).toEqual([true, false, true, false]);
      expect(logs.map((m) => m.epoch)).toEqual([0, 1, 1, 2]); // 9 steps per epoch
      for (const m of logs) {
        expect(m.trainAccuracy).toBeGreaterThanOrEqual(0);
        expect(m.trainAccuracy).toBeLessThanOrEqual(1);
        expect(m.gradNorms).toHaveLength(3);
      }
    }
  });

  test('test loss/accuracy, gradient norms and probe quantiles agree with independent computations at the last logged step', () => {
    const c = createComparison(base, split);
    const r = stepComparison(c, 10);
    for (const name of ['plain', 'bn'] as const) {
      const v = c.variants[name], last = r.logs[name][1];
      const e = evaluate(v.model, split.test);
      expect(last.testLoss).toBe(e.loss);
      expect(last.testAccuracy).toBe(e.accuracy);
      const dW = params(v.model).filter((p) => p.name.startsWith('W')).map((p) => Math.sqrt(p.grad.reduce((s, g) => s + g * g, 0)));
      last.gradNorms.forEach((g, l) => expect(Math.abs(g - dW[l]) / dW[l]).toBeLessThan(1e-12));
      // input to layer l's nonlinearity, unit 0, on the probe batch with its own BN statistics
      const ws = createWorkspace();
      forward(v.model, c.probe ?? matrix(0, 2, []), ws, { updateRunningStats: false });
      const actPositions = v.model.layers.flatMap((l, k) => (l.kind === 'activation' ? [k] : []));
      expect(last.quantiles.map((q) => q.layer)).toEqual([1, 2]);
      last.quantiles.forEach((q, i) => {
        const z = ws.outputs[actPositions[i] - 1];
        const col = Array.from({ length: z.rows }, (_, row) => z.data[row * z.cols]);
        expect([q.q15, q.q50, q.q85]).toEqual([quantile(col, 0.15), quantile(col, 0.5), quantile(col, 0.85)]);
        expect(q.q15).toBeLessThanOrEqual(q.q50);
        expect(q.q50).toBeLessThanOrEqual(q.q85);
      });
    }
  });

  test('probing changes nothing: with and without a probe batch, the same losses and BN running statistics', () => {
    const withProbe = createComparison({ ...base, logEvery: 1, evalEvery: 1 }, split);
    const without = createComparison({ ...base, logEvery: 1, evalEvery: 1, probeSize: 0 }, split);
    const a = stepComparison(withProbe, 12), b = stepComparison(without, 12);
    expect(a.logs.bn.every((m) => m.quantiles.length === 2)).toBe(true);
    expect(b.logs.bn.every((m) => m.quantiles.length === 0)).toBe(true);
    expect(losses(a.logs.bn)).toEqual(losses(b.logs.bn));
    const running = (c: typeof withProbe) => c.variants.bn.model.layers.flatMap((l) => (l.kind === 'batchnorm' ? [...l.runningMean, ...l.runningVar] : []));
    expect(running(withProbe)).toEqual(running(without));
    expect(without.probe).toBeNull();
  });
});

describe('determinism (NUMERICS.md case 16)', () => {
  test('same config and seed twice ⇒ identical loss sequences, exact equality, both variants', () => {
    const a = stepComparison(createComparison(base, split), 60);
    const b = stepComparison(createComparison(base, split), 60);
    expect(losses(a.logs.plain)).toEqual(losses(b.logs.plain));
    expect(losses(a.logs.bn)).toEqual(losses(b.logs.bn));
    expect(a.logs).toEqual(b.logs);
    const other = stepComparison(createComparison({ ...base, seed: 4 }, split), 60);
    expect(losses(other.logs.plain)).not.toEqual(losses(a.logs.plain));
  });

  test('one chunk of 100 steps equals ten chunks of 10 (and 3 + 97), metric for metric', () => {
    const opts = { ...base, optimizer: { name: 'adam', lr: 0.01 } } as const;
    const one = stepComparison(createComparison(opts, split), 100).logs;
    const c10 = createComparison(opts, split);
    const ten = { plain: [] as StepMetrics[], bn: [] as StepMetrics[] };
    for (let i = 0; i < 10; i++) {
      const r = stepComparison(c10, 10);
      ten.plain.push(...r.logs.plain);
      ten.bn.push(...r.logs.bn);
    }
    expect(ten).toEqual(one);
    const c3 = createComparison(opts, split);
    const first = stepComparison(c3, 3), rest = stepComparison(c3, 97);
    expect([...first.logs.bn, ...rest.logs.bn]).toEqual(one.bn);
  });
});

describe('divergence', () => {
  test('SGD lr 30 (BN also on the logits): the plain net diverges within 5 steps and stops; the BN net trains on', () => {
    const c = createComparison({ ...base, hidden: [16, 16], outputBn: true, optimizer: { name: 'sgd', lr: 30 } }, split);
    const r = stepComparison(c, 60);
    const at = r.diverged.plain?.step ?? 0;
    expect(at).toBeGreaterThanOrEqual(1);
    expect(at).toBeLessThanOrEqual(5);
    // it had not diverged one step earlier, in a fresh identical run
    const again = createComparison({ ...base, hidden: [16, 16], outputBn: true, optimizer: { name: 'sgd', lr: 30 } }, split);
    expect(stepComparison(again, at - 1).diverged.plain).toBeNull();
    expect(stepComparison(again, 1).diverged.plain).toEqual(r.diverged.plain);
    expect(r.diverged.plain?.reason).toMatch(/training loss .* exceeded 20/);
    expect(r.logs.plain).toEqual([]);
    expect(r.diverged.bn).toBeNull();
    expect(r.logs.bn.map((m) => m.step).at(-1)).toBe(60);
    expect(r.logs.bn.every((m) => Number.isFinite(m.trainLoss) && m.trainLoss <= 20)).toBe(true);
    expect(r.done).toBe(false);
    // later chunks keep the divergence and log nothing more for the plain net
    const later = stepComparison(c, 10);
    expect(later.diverged.plain).toEqual(r.diverged.plain);
    expect(later.logs.plain).toEqual([]);
  });

  test('a NaN output bias makes the training loss NaN at step 1: that variant stops, the other trains on', () => {
    const c = createComparison(base, split);
    const b3 = params(c.variants.plain.model).find((p) => p.name === 'b3');
    b3?.value.fill(NaN); // the output bias: every logit becomes NaN
    const r = stepComparison(c, 10);
    expect(r.diverged.plain).toEqual({ step: 1, reason: 'the training loss became NaN (not a number)' });
    expect(r.diverged.bn).toBeNull();
    expect(r.logs.bn.map((m) => m.step)).toEqual([5, 10]);
  });

  test('an update that overflows a parameter (lr 1e308, inputs ×1000) is caught after step 1, naming it; both stopped ⇒ done', () => {
    const big: Dataset = { ...split.train, x: matrix(split.train.x.rows, 2, split.train.x.data.map((v) => v * 1000)) };
    const c = createComparison({ ...base, divergenceLoss: Infinity, optimizer: { name: 'sgd', lr: 1e308 } }, { train: big });
    const r = stepComparison(c, 5);
    for (const v of ['plain', 'bn'] as const) {
      expect(r.diverged[v]?.reason).toMatch(/^parameter (W|b|gamma|beta)\d is no longer a finite number$|^the training loss became/);
    }
    expect(r.diverged.plain).toEqual({ step: 1, reason: expect.stringMatching(/^parameter W\d is no longer a finite number$/) });
    expect(r.done).toBe(true);
    const stopped = Math.max(r.diverged.plain?.step ?? 0, r.diverged.bn?.step ?? 0);
    expect(r.step).toBe(stopped);
    expect(stepComparison(c, 5).step).toBe(stopped);
  });
});

describe('the probe’s input to BN (preBn)', () => {
  test('spiral, 2 hidden layers of 16, BN before ReLU: preBn holds the quantiles of z, which BN maps by one increasing affine map (γ > 0) onto the probed output (1e-9)', () => {
    const data = makeDataset2D({ name: 'spiral', n: 400, seed: 3, noise: 0.1, classes: 3 });
    const c = createComparison({ hidden: [16, 16], bn: 'before', optimizer: { name: 'sgd', lr: 0.1 }, logEvery: 50, evalEvery: 50, seed: 2 }, { train: data });
    const { bn, plain } = stepComparison(c, 300).logs;
    for (const m of bn) {
      for (const q of m.quantiles) {
        const pre = q.preBn;
        if (!pre) throw new Error(`layer ${q.layer} has no preBn`);
        // y = a + b·z with b = γ/√(σ²+ε) > 0 maps each quantile of z onto the same quantile of y.
        const b = (q.q85 - q.q15) / (pre.q85 - pre.q15);
        expect(b).toBeGreaterThan(0);
        expect(Math.abs(q.q50 - q.q15 - b * (pre.q50 - pre.q15))).toBeLessThan(1e-9 * (Math.abs(q.q85 - q.q15) + 1));
      }
    }
    // The input to BN is not the output: the two medians differ.
    expect(bn.some((m) => Math.abs((m.quantiles[1].preBn?.q50 ?? 0) - m.quantiles[1].q50) > 0.05)).toBe(true);
    // Without BN, and with BN after the activation, the probed value already is z: no preBn.
    expect(plain[0].quantiles[0].preBn).toBeNull();
    const after = createComparison({ hidden: [16], bn: 'after', logEvery: 10, evalEvery: 10 }, { train: data });
    expect(stepComparison(after, 10).logs.bn[0].quantiles[0].preBn).toBeNull();
  });
});
