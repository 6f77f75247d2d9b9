import { describe, expect, test } from 'vitest';
import {
  EngineError,
  backward,
  cloneModel,
  createModel,
  createRng,
  createWorkspace,
  forward,
  forwardLoss,
  intermediates,
  matrix,
  params,
  parameterCount,
  predict,
  type Matrix,
  type Model,
  type ModelOptions,
} from '../../src';

function randomMatrix(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed);
  return matrix(rows, cols, Float64Array.from({ length: rows * cols }, () => scale * rng.gaussian()));
}

const notesNet: ModelOptions = { inputs: 3, hidden: [4], classes: 3, activation: 'relu', bn: 'before', outputBn: true };
const kinds = (m: Model) => m.layers.map((l) => `${l.kind}${l.index}`);
const names = (m: Model) => params(m).map((p) => p.name);

describe('createModel: structure', () => {
  test("the notes' 2-layer net is Linear → BN → ReLU → Linear → BN, no biases under bias 'auto'", () => {
    const m = createModel(notesNet, createRng(1));
    expect(kinds(m)).toEqual(['linear1', 'batchnorm1', 'activation1', 'linear2', 'batchnorm2']);
    expect(names(m)).toEqual(['W1', 'gamma1', 'beta1', 'W2', 'gamma2', 'beta2']);
    expect(parameterCount(m)).toBe(3 * 4 + 4 + 4 + 4 * 3 + 3 + 3);
  });

  test("bn 'after' puts BN after the activation and keeps the biases (Linear is not followed by BN)", () => {
    const m = createModel({ inputs: 2, hidden: [5], classes: 2, bn: 'after' }, createRng(1));
    expect(kinds(m)).toEqual(['linear1', 'activation1', 'batchnorm1', 'linear2']);
    expect(names(m)).toEqual(['W1', 'b1', 'gamma1', 'beta1', 'W2', 'b2']);
  });

  test("bn 'none' has a bias on every linear layer; bias true/false overrides 'auto'", () => {
    expect(names(createModel({ inputs: 2, hidden: [3, 3], classes: 2, bn: 'none' }, createRng(1)))).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    expect(names(createModel({ ...notesNet, bias: true }, createRng(1)))).toEqual(['W1', 'b1', 'gamma1', 'beta1', 'W2', 'b2', 'gamma2', 'beta2']);
    expect(names(createModel({ inputs: 2, hidden: [3], classes: 2, bn: 'none', bias: false }, createRng(1)))).toEqual(['W1', 'W2']);
  });

  test('any depth and width: hidden [5, 4, 3] gives W shapes [2×5], [5×4], [4×3], [3×6]', () => {
    const m = createModel({ inputs: 2, hidden: [5, 4, 3], classes: 6, bn: 'before' }, createRng(1));
    const shapes = params(m).filter((p) => p.name.startsWith('W')).map((p) => p.value.length);
    expect(shapes).toEqual([10, 20, 12, 18]);
    expect(createModel({ inputs: 2, hidden: [], classes: 3, bn: 'none' }, createRng(1)).layers.map((l) => l.kind)).toEqual(['linear']);
  });

  test('same seed ⇒ identical W whatever the BN placement or bias choice', () => {
    const base = { inputs: 2, hidden: [6, 5], classes: 3 } as const;
    const ws = (o: ModelOptions) => params(createModel(o, createRng(7))).filter((p) => p.name.startsWith('W')).map((p) => Array.from(p.value));
    const ref = ws({ ...base, bn: 'none' });
    expect(ws({ ...base, bn: 'before', outputBn: true })).toEqual(ref);
    expect(ws({ ...base, bn: 'after', bias: true })).toEqual(ref);
    expect(ws({ ...base, bn: 'none' })).not.toEqual(ws({ ...base, bn: 'none', init: 'xavier' }));
  });

  test('options left undefined take the defaults (ReLU, BN before, He, bias auto, ε 1e-5, momentum 0.1)', () => {
    const m = createModel({ inputs: 2, classes: 2, hidden: undefined, activation: undefined, bn: undefined, eps: undefined }, createRng(1));
    expect(m.config).toEqual({ inputs: 2, classes: 2, hidden: [16], activation: 'relu', bn: 'before', outputBn: false, bias: 'auto', eps: 1e-5, momentum: 0.1, init: 'he', norm: 'bn', groups: 1 });
  });

  test('bad configs throw EngineError naming the field', () => {
    const bad: [Partial<ModelOptions>, RegExp][] = [
      [{ classes: 1 }, /classes/],
      [{ hidden: [4, 0] }, /hidden\[1\]/],
      [{ activation: 'gelu' as never }, /activation/],
      [{ bn: 'middle' as never }, /bn placement/],
      [{ eps: -1 }, /eps/],
      [{ momentum: NaN }, /momentum/],
      [{ init: 'lecun' as never }, /initialization/],
      [{ inputs: 2.5 }, /inputs/],
    ];
    for (const [o, msg] of bad) {
      expect(() => createModel({ ...notesNet, ...o }, createRng(1))).toThrow(EngineError);
      expect(() => createModel({ ...notesNet, ...o }, createRng(1))).toThrow(msg);
    }
  });
});

/** An independent forward of the notes' net with plain loops: returns the logits row by row. */
function referenceForward(m: Model, x: Matrix): number[][] {
  const p = Object.fromEntries(params(m).map((q) => [q.name, q.value]));
  const lin = (a: number[][], W: Float64Array, outN: number) => a.map((row) => Array.from({ length: outN }, (_, j) => row.reduce((s, v, i) => s + v * W[i * outN + j], 0)));
  const bn = (z: number[][], g: Float64Array, b: Float64Array) => {
    const n = z[0].length, mm = z.length;
    const mu = Array.from({ length: n }, (_, j) => z.reduce((s, r) => s + r[j], 0) / mm);
    const v = Array.from({ length: n }, (_, j) => z.reduce((s, r) => s + (r[j] - mu[j]) ** 2, 0) / mm);
    return z.map((r) => r.map((zz, j) => (g[j] * (zz - mu[j])) / Math.sqrt(v[j] + 1e-5) + b[j]));
  };
  const rows = Array.from({ length: x.rows }, (_, i) => Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols)));
  const a1 = bn(lin(rows, p.W1, 4), p.gamma1, p.beta1).map((r) => r.map((v) => Math.max(0, v)));
  return bn(lin(a1, p.W2, 3), p.gamma2, p.beta2);
}

describe('forward / backward with a workspace', () => {
  test('logits [6 × 3] of the notes’ net match an independent loop implementation (1e-12)', () => {
    const m = createModel(notesNet, createRng(3));
    for (const [k, p] of params(m).entries()) {
      if (!p.name.startsWith('W')) p.value.forEach((_, i) => (p.value[i] = 0.5 + 0.1 * (i + k))); // γ ≠ 1, β ≠ 0
    }
    const x = randomMatrix(6, 3, 11);
    const logits = forward(m, x, createWorkspace());
    const want = referenceForward(m, x).flat();
    logits.data.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-12));
  });

  test('intermediates name every layer output (Z1, BN1, A1, Z2, BN2) with its [m × width] matrix and BN record', () => {
    const m = createModel(notesNet, createRng(3));
    const ws = createWorkspace();
    forwardLoss(m, randomMatrix(5, 3, 2), [0, 1, 2, 0, 1], ws);
    const before = intermediates(m, ws);
    expect(before.map((t) => t.name)).toEqual(['Z1', 'BN1', 'A1', 'Z2', 'BN2']);
    expect(before.map((t) => [t.value.rows, t.value.cols])).toEqual([[5, 4], [5, 4], [5, 4], [5, 3], [5, 3]]);
    expect(before.every((t) => t.grad === null)).toBe(true);
    expect(before[1].bn?.zHat.rows).toBe(5);
    // A1 = ReLU(BN1), elementwise.
    before[2].value.data.forEach((v, i) => expect(v).toBe(Math.max(0, before[1].value.data[i])));
    backward(m, ws);
    const after = intermediates(m, ws);
    expect(after[4].grad).toBe(ws.ce.dLogits);
    expect(after[0].grad?.cols).toBe(4);
  });

  test('the workspace is reused: same buffers on the next step, same numbers as a fresh workspace', () => {
    const m = createModel({ inputs: 3, hidden: [4, 4], classes: 3, bn: 'before' }, createRng(3));
    const x = randomMatrix(8, 3, 5), y = [0, 1, 2, 0, 1, 2, 0, 1];
    const ws = createWorkspace();
    forwardLoss(m, x, y, ws, { updateRunningStats: false });
    const buffers = [...ws.outputs, ...ws.inputGrads, ws.ce.dLogits];
    backward(m, ws);
    const grads1 = params(m).map((p) => Array.from(p.grad));
    forwardLoss(m, x, y, ws, { updateRunningStats: false });
    backward(m, ws);
    expect([...ws.outputs, ...ws.inputGrads, ws.ce.dLogits].every((b, i) => b === buffers[i])).toBe(true);
    // backward overwrites, never accumulates
    expect(params(m).map((p) => Array.from(p.grad))).toEqual(grads1);
    const fresh = createWorkspace();
    forwardLoss(m, x, y, fresh, { updateRunningStats: false });
    expect(Array.from(fresh.ce.probs.data)).toEqual(Array.from(ws.ce.probs.data));
  });

  test('train mode updates running statistics (unless told not to); eval mode reads them', () => {
    const m = createModel(notesNet, createRng(3));
    const bn1 = m.layers[1];
    if (bn1.kind !== 'batchnorm') throw new Error('expected BN');
    const x = randomMatrix(6, 3, 9);
    forward(m, x, createWorkspace(), { updateRunningStats: false });
    expect(Array.from(bn1.runningMean)).toEqual([0, 0, 0, 0]);
    const ws = createWorkspace();
    forward(m, x, ws);
    const mu = ws.bn[1]?.mean;
    bn1.runningMean.forEach((v, j) => expect(Math.abs(v - 0.1 * (mu?.[j] ?? NaN))).toBeLessThan(1e-15));
  });

  test('∂L/∂b1 is exactly 0 when a bias feeds a BN in train mode (bias: true, bn before)', () => {
    const m = createModel({ ...notesNet, bias: true }, createRng(4));
    const ws = createWorkspace();
    forwardLoss(m, randomMatrix(7, 3, 1), [0, 1, 2, 0, 1, 2, 0], ws);
    backward(m, ws);
    const db1 = params(m).find((p) => p.name === 'b1')?.grad ?? [];
    for (const g of db1) expect(Math.abs(g)).toBeLessThan(1e-12);
  });

  test('m = 1 in train mode with BN throws PyTorch’s message; eval mode and a BN-free model accept it', () => {
    const x = randomMatrix(1, 3, 1);
    expect(() => forward(createModel(notesNet, createRng(1)), x, createWorkspace())).toThrow(/Expected more than 1 value per channel when training/);
    expect(() => forward(createModel(notesNet, createRng(1)), x, createWorkspace(), { mode: 'eval' })).not.toThrow();
    expect(() => forward(createModel({ ...notesNet, bn: 'none', outputBn: false }, createRng(1)), x, createWorkspace())).not.toThrow();
  });

  test('shape mismatches throw: x [4 × 2] into a 3-input model; 3 labels for 4 rows', () => {
    const m = createModel(notesNet, createRng(1));
    expect(() => forward(m, randomMatrix(4, 2, 1), createWorkspace())).toThrow(/expects 3 input columns/);
    expect(() => forwardLoss(m, randomMatrix(4, 3, 1), [0, 1, 2], createWorkspace())).toThrow(EngineError);
    expect(() => forwardLoss(m, randomMatrix(4, 3, 1), [0, 1, 2, 3], createWorkspace())).toThrow(/label 3 is 3/);
    expect(() => backward(m, createWorkspace())).toThrow(/forwardLoss/);
  });
});

describe('predict and cloneModel', () => {
  test('predict [5 × 3]: rows sum to 1 and one sample’s probabilities do not depend on the batch (eval mode)', () => {
    const m = createModel(notesNet, createRng(2));
    forward(m, randomMatrix(16, 3, 8), createWorkspace()); // move the running statistics away from (0, 1)
    const x = randomMatrix(5, 3, 4);
    const p = predict(m, x);
    for (let i = 0; i < 5; i++) expect(Math.abs(p.data[3 * i] + p.data[3 * i + 1] + p.data[3 * i + 2] - 1)).toBeLessThan(1e-15);
    const alone = predict(m, matrix(1, 3, x.data.slice(6, 9)));
    expect(Array.from(alone.data)).toEqual(Array.from(p.data.slice(6, 9)));
  });

  test('cloneModel copies parameters and running statistics and shares no buffer', () => {
    const m = createModel(notesNet, createRng(2));
    forward(m, randomMatrix(8, 3, 8), createWorkspace());
    const c = cloneModel(m);
    const x = randomMatrix(4, 3, 1);
    expect(Array.from(predict(c, x).data)).toEqual(Array.from(predict(m, x).data));
    const pm = params(m), pc = params(c);
    pc.forEach((p, k) => {
      expect(p.value).not.toBe(pm[k].value);
      expect(p.grad).not.toBe(pm[k].grad);
    });
    pc[0].value[0] += 1;
    expect(pm[0].value[0]).not.toBe(pc[0].value[0]);
  });
});
