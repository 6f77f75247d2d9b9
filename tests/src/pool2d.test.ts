import { describe, expect, test } from 'vitest';
import { type Pool2d, type Tensor4, EngineError, createPool2d, get4, pool2dBackward, pool2dForward, tensor4 } from '../../src';
import { dot, numericGradient } from './finiteDifference';
import { normwiseError, randomTensor } from './images';

/** The definition as a plain loop: the max or mean of each k × k window. */
function naivePool(pool: Pool2d, x: Tensor4): Float64Array {
  const [n, C, H, W] = x.shape, k = pool.kernel, s = pool.stride;
  const OH = Math.floor((H - k) / s) + 1, OW = Math.floor((W - k) / s) + 1;
  const y = new Float64Array(n * C * OH * OW);
  let j = 0;
  for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) for (let oy = 0; oy < OH; oy++) for (let ox = 0; ox < OW; ox++) {
    const window: number[] = [];
    for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) window.push(get4(x, i, c, oy * s + u, ox * s + v));
    y[j++] = pool.kind === 'max' ? Math.max(...window) : window.reduce((a, b) => a + b, 0) / (k * k);
  }
  return y;
}

const CASES: [string, Pool2d, [number, number, number, number]][] = [
  ['max 2 × 2, stride 2, x [2, 3, 6, 8]', createPool2d('max'), [2, 3, 6, 8]],
  ['max 2 × 2, stride 2, x [1, 2, 5, 7] (odd: last row and column dropped)', createPool2d('max'), [1, 2, 5, 7]],
  ['max 3 × 3, stride 2, x [2, 1, 7, 7] (overlapping windows)', createPool2d('max', 3, 2), [2, 1, 7, 7]],
  ['avg 2 × 2, stride 2, x [2, 3, 6, 8]', createPool2d('avg'), [2, 3, 6, 8]],
  ['avg 2 × 2, stride 2, x [1, 2, 5, 7] (odd)', createPool2d('avg'), [1, 2, 5, 7]],
  ['avg 3 × 3, stride 1, x [1, 2, 5, 5]', createPool2d('avg', 3, 1), [1, 2, 5, 5]],
];

describe('pooling forward: the definition', () => {
  test.each(CASES)('%s: equals the plain loop to 1e-15 of the largest output', (_name, pool, shape) => {
    const x = randomTensor(shape, 1);
    const f = pool2dForward(pool, x);
    const [n, C, H, W] = shape;
    expect(f.y.shape).toEqual([n, C, Math.floor((H - pool.kernel) / pool.stride) + 1, Math.floor((W - pool.kernel) / pool.stride) + 1]);
    expect(normwiseError(f.y.data, naivePool(pool, x))).toBeLessThan(1e-15);
  });
});

describe('pooling backward: central differences (float64, h = 1e-5) on L = Σ y ⊙ r', () => {
  // Gaussian inputs: no two values of a window within 2h of each other, so no max changes under ±h.
  test.each(CASES)('%s: ∂L/∂x agrees to 1e-6 (relative to the largest entry)', (_name, pool, shape) => {
    const x = randomTensor(shape, 2);
    const f = pool2dForward(pool, x);
    const r = randomTensor(f.y.shape, 3);
    const dx = pool2dBackward(pool, f, r);
    expect(normwiseError(dx.data, numericGradient(x.data, () => dot(naivePool(pool, x), r.data)))).toBeLessThan(1e-6);
  });
});

describe('max pooling ties: the first maximum in row-major order gets the gradient (PyTorch)', () => {
  test('x [1, 1, 2, 4], windows [[1, 1], [1, 0]] and [[0, 2], [2, 2]]: dy goes to (0, 0) and (0, 3)', () => {
    const pool = createPool2d('max');
    const x = tensor4([1, 1, 2, 4], [1, 1, 0, 2, 1, 0, 2, 2]);
    const f = pool2dForward(pool, x);
    expect(Array.from(f.y.data)).toEqual([1, 2]);
    const dx = pool2dBackward(pool, f, tensor4([1, 1, 1, 2], [10, 20]));
    expect(Array.from(dx.data)).toEqual([10, 0, 0, 20, 0, 0, 0, 0]);
  });

  test('x [1, 1, 2, 2] with a NaN: the NaN is the maximum and gets the gradient, as in PyTorch', () => {
    const pool = createPool2d('max');
    const f = pool2dForward(pool, tensor4([1, 1, 2, 2], [1, NaN, 3, 2]));
    expect(f.y.data[0]).toBeNaN();
    expect(Array.from(pool2dBackward(pool, f, tensor4([1, 1, 1, 1], [1])).data)).toEqual([0, 1, 0, 0]);
  });
});

describe('pooling buffers and bad input', () => {
  test('x [3, 2, 8, 8]: a second pass and backward reuse the records and give the fresh results', () => {
    const pool = createPool2d('max');
    const f = pool2dForward(pool, randomTensor([3, 2, 8, 8], 4));
    const dy = randomTensor(f.y.shape, 5);
    const dx = pool2dBackward(pool, f, dy);
    const x2 = randomTensor([3, 2, 8, 8], 6);
    expect(pool2dForward(pool, x2, f)).toBe(f);
    expect(pool2dBackward(pool, f, dy, dx)).toBe(dx);
    expect(dx.data).toEqual(pool2dBackward(pool, pool2dForward(pool, x2), dy).data);
  });

  test('x [1, 8, 1, 1] into a 2 × 2 window: PyTorch\'s "Output size is too small"', () => {
    expect(() => pool2dForward(createPool2d('max'), randomTensor([1, 8, 1, 1], 1))).toThrow(
      new EngineError('shape', 'Given input size: (8x1x1). Calculated output size: (8x0x0). Output size is too small'),
    );
  });

  test('a window or stride that is not a positive integer, or an unknown kind, is refused', () => {
    expect(() => createPool2d('max', 1.5)).toThrow('pooling needs a positive integer window and stride, got window 1.5, stride 1.5');
    expect(() => createPool2d('avg', 2, 0)).toThrow('got window 2, stride 0');
    expect(() => createPool2d('min' as 'max')).toThrow('unknown pooling "min", expected max or avg');
  });
});
