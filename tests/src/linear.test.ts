import { describe, expect, test } from 'vitest';
import { EngineError, type Linear, createLinear, createRng, fromRows, linearBackward, linearForward, toRows, zeros } from '../../src';
import { dot, maxAbsError, numericGradient } from './finiteDifference';

function randomLayer(inputs: number, outputs: number, bias: boolean, seed: number): Linear {
  const rng = createRng(seed);
  const layer = createLinear(inputs, outputs, bias);
  for (let i = 0; i < layer.W.data.length; i++) layer.W.data[i] = rng.gaussian();
  if (layer.b) for (let j = 0; j < outputs; j++) layer.b[j] = rng.gaussian();
  return layer;
}

function randomMatrixOf(rows: number, cols: number, seed: number) {
  const rng = createRng(seed);
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = rng.gaussian();
  return out;
}

describe('linearForward z = x·W + b', () => {
  test('a hand-computed [2 × 3] · [3 × 2] + b, exactly', () => {
    const layer = createLinear(3, 2);
    layer.W.data.set([1, 2, 3, 4, 5, 6]); // rows of W are inputs: W = [[1,2],[3,4],[5,6]]
    layer.b!.set([10, -10]);
    const z = linearForward(layer, fromRows([[1, 0, -1], [2, 1, 0]]));
    expect(toRows(z)).toEqual([[1 - 5 + 10, 2 - 6 - 10], [2 + 3 + 10, 4 + 4 - 10]]);
  });

  test('without a bias (before a batch norm), b is null and z = x·W', () => {
    const layer = createLinear(2, 2, false);
    layer.W.data.set([1, 0, 0, 1]);
    expect(layer.b).toBeNull();
    expect(toRows(linearForward(layer, fromRows([[3, 4]])))).toEqual([[3, 4]]);
  });
});

describe('linearBackward against central finite differences of L = Σ z ⊙ r, x [7 × 5] → z [7 × 3] (1e-8)', () => {
  const x = randomMatrixOf(7, 5, 1), r = randomMatrixOf(7, 3, 2);
  const layer = randomLayer(5, 3, true, 3);
  const loss = () => dot(linearForward(layer, x).data, r.data);
  const g = linearBackward(layer, x, r);

  test('∂L/∂W [5 × 3] = xᵀ·dz', () => {
    expect(maxAbsError(g.dW.data, numericGradient(layer.W.data, loss))).toBeLessThan(1e-8);
  });
  test('∂L/∂b [3] = Σᵢ dzᵢ', () => {
    expect(maxAbsError(g.db!, numericGradient(layer.b!, loss))).toBeLessThan(1e-8);
  });
  test('∂L/∂x [7 × 5] = dz·Wᵀ', () => {
    expect(maxAbsError(g.dx!.data, numericGradient(x.data, loss))).toBeLessThan(1e-8);
  });
});

describe('linearBackward buffers', () => {
  const x = randomMatrixOf(4, 3, 5), dz = randomMatrixOf(4, 2, 6);

  test('needInput = false skips dx (the first layer); no bias gives db = null', () => {
    const g = linearBackward(randomLayer(3, 2, false, 7), x, dz, false);
    expect(g.dx).toBeNull();
    expect(g.db).toBeNull();
  });

  test('reusing `out` returns the same record and buffers, overwritten with the new gradients', () => {
    const layer = randomLayer(3, 2, true, 8);
    const first = linearBackward(layer, x, dz);
    const dW = first.dW.data.slice();
    const dz2 = randomMatrixOf(4, 2, 9);
    const again = linearBackward(layer, x, dz2, true, first);
    expect(again).toBe(first);
    expect(again.dW).toBe(first.dW);
    expect(maxAbsError(again.dW.data, linearBackward(layer, x, dz2).dW.data)).toBe(0);
    expect(maxAbsError(again.dW.data, dW)).toBeGreaterThan(0);
  });
});

describe('bad input throws EngineError naming the shapes', () => {
  test('x with the wrong number of columns: [4 × 2] into a 3-input layer', () => {
    expect(() => linearForward(createLinear(3, 2), zeros(4, 2))).toThrow(EngineError);
    expect(() => linearForward(createLinear(3, 2), zeros(4, 2))).toThrow('linear layer expects 3 input columns, got [4 × 2]');
  });
  test('∂L/∂z of the wrong shape: [4 × 3] for a 3 → 2 layer on 4 samples', () => {
    expect(() => linearBackward(createLinear(3, 2), zeros(4, 3), zeros(4, 3))).toThrow('∂L/∂z must be [4 × 2], got [4 × 3]');
  });
  test('non-positive or fractional layer sizes', () => {
    expect(() => createLinear(0, 2)).toThrow('a linear layer needs positive integer sizes, got 0 → 2');
    expect(() => createLinear(2, 1.5)).toThrow(EngineError);
  });
});
