import { describe, expect, test } from 'vitest';
import { type Conv2d, type Shape4, type Tensor4, EngineError, conv2dBackward, conv2dForward, conv2dOutputShape, createConv2d, createRng, get4 } from '../../src';
import { dot, numericGradient } from './finiteDifference';
import { normwiseError, randomTensor } from './images';

/** The definition, PyTorch's cross-correlation, as a plain loop: y[i, o, oy, ox]. */
function naiveConv(conv: Conv2d, x: Tensor4): Float64Array {
  const [n, C, H, W] = x.shape;
  const [, O, OH, OW] = conv2dOutputShape(conv, x.shape);
  const { kernelH: kh, kernelW: kw, stride: s, padding: p } = conv;
  const y = new Float64Array(n * O * OH * OW);
  for (let i = 0; i < n; i++) for (let o = 0; o < O; o++) for (let oy = 0; oy < OH; oy++) for (let ox = 0; ox < OW; ox++) {
    let sum = 0;
    for (let c = 0; c < C; c++) for (let ki = 0; ki < kh; ki++) for (let kj = 0; kj < kw; kj++) {
      const yy = oy * s + ki - p, xx = ox * s + kj - p;
      if (yy >= 0 && yy < H && xx >= 0 && xx < W) sum += conv.W.data[((o * C + c) * kh + ki) * kw + kj] * get4(x, i, c, yy, xx);
    }
    y[((i * O + o) * OH + oy) * OW + ox] = sum + (conv.b ? conv.b[o] : 0);
  }
  return y;
}

function randomConv(C: number, O: number, kernel: [number, number], stride: number, padding: number, bias: boolean, seed: number): Conv2d {
  const conv = createConv2d(C, O, kernel, { stride, padding, bias });
  const rng = createRng(seed);
  for (let i = 0; i < conv.W.data.length; i++) conv.W.data[i] = rng.gaussian();
  if (conv.b) for (let o = 0; o < O; o++) conv.b[o] = rng.gaussian();
  return conv;
}

interface Case { x: Shape4; out: number; kernel: [number, number]; stride: number; padding: number; bias: boolean }
const CASES: Case[] = [
  { x: [2, 3, 7, 6], out: 4, kernel: [3, 3], stride: 1, padding: 0, bias: true },
  { x: [2, 3, 7, 6], out: 4, kernel: [3, 2], stride: 2, padding: 1, bias: true },
  { x: [1, 1, 5, 5], out: 2, kernel: [5, 5], stride: 1, padding: 2, bias: false },
  { x: [3, 2, 4, 9], out: 3, kernel: [2, 3], stride: 3, padding: 1, bias: true },
  { x: [1, 2, 2, 2], out: 1, kernel: [4, 4], stride: 1, padding: 1, bias: true },
  // More output channels than C·kh·kw (12 > 4): dW is computed as dY · colsᵀ directly, not as its transpose.
  { x: [2, 1, 6, 5], out: 12, kernel: [2, 2], stride: 1, padding: 1, bias: true },
];
const describeCase = (c: Case) => `x ${JSON.stringify(c.x)} * W [${c.out}, ${c.x[1]}, ${c.kernel.join(', ')}], stride ${c.stride}, padding ${c.padding}${c.bias ? '' : ', no bias'}`;

describe('conv2d forward: the definition (cross-correlation, zero padding, stride)', () => {
  test.each(CASES.map((c) => [describeCase(c), c] as const))('%s: equals the plain loop to 1e-13 of the largest output', (_name, c) => {
    const conv = randomConv(c.x[1], c.out, c.kernel, c.stride, c.padding, c.bias, 1);
    const x = randomTensor(c.x, 2);
    const f = conv2dForward(conv, x);
    const [n, , H, W] = c.x;
    expect(f.y.shape).toEqual([n, c.out, Math.floor((H + 2 * c.padding - c.kernel[0]) / c.stride) + 1, Math.floor((W + 2 * c.padding - c.kernel[1]) / c.stride) + 1]);
    expect(normwiseError(f.y.data, naiveConv(conv, x))).toBeLessThan(1e-13);
  });
});

describe('conv2d backward: central differences (float64, h = 1e-5) on L = Σ y ⊙ r', () => {
  test.each(CASES.map((c) => [describeCase(c), c] as const))('%s: ∂L/∂x, ∂L/∂W, ∂L/∂b agree to 1e-6 (relative to the largest entry)', (_name, c) => {
    const conv = randomConv(c.x[1], c.out, c.kernel, c.stride, c.padding, c.bias, 3);
    const x = randomTensor(c.x, 4);
    const f = conv2dForward(conv, x);
    const r = randomTensor(f.y.shape, 5);
    const g = conv2dBackward(conv, f, r);
    const loss = () => dot(naiveConv(conv, x), r.data);
    expect(normwiseError(g.dx!.data, numericGradient(x.data, loss))).toBeLessThan(1e-6);
    expect(normwiseError(g.dW.data, numericGradient(conv.W.data, loss))).toBeLessThan(1e-6);
    if (conv.b) expect(normwiseError(g.db!, numericGradient(conv.b, loss))).toBeLessThan(1e-6);
    else expect(g.db).toBeNull();
  });

  test('x [2, 3, 6, 6] * W [4, 3, 3, 3]: needInput = false leaves dx null and dW, db unchanged', () => {
    const conv = randomConv(3, 4, [3, 3], 1, 1, true, 6);
    const x = randomTensor([2, 3, 6, 6], 7);
    const f = conv2dForward(conv, x);
    const r = randomTensor(f.y.shape, 8);
    const full = conv2dBackward(conv, f, r);
    const weightsOnly = conv2dBackward(conv, f, r, false);
    expect(weightsOnly.dx).toBeNull();
    expect(weightsOnly.dW.data).toEqual(full.dW.data);
    expect(weightsOnly.db).toEqual(full.db);
  });
});

describe('conv2d buffers: a steady step writes into the same records', () => {
  test('x [4, 2, 9, 9] * W [3, 2, 3, 3]: the second pass returns the same records, with the results of fresh ones', () => {
    const conv = randomConv(2, 3, [3, 3], 2, 1, true, 9);
    const x1 = randomTensor([4, 2, 9, 9], 10), x2 = randomTensor([4, 2, 9, 9], 11);
    const f = conv2dForward(conv, x1);
    const g = conv2dBackward(conv, f, randomTensor(f.y.shape, 12));
    const dy = randomTensor(f.y.shape, 13);
    expect(conv2dForward(conv, x2, f)).toBe(f);
    expect(conv2dBackward(conv, f, dy, true, g)).toBe(g);
    const fresh = conv2dForward(conv, x2);
    const freshG = conv2dBackward(conv, fresh, dy);
    expect(f.y.data).toEqual(fresh.y.data);
    expect(g.dx!.data).toEqual(freshG.dx!.data);
    expect(g.dW.data).toEqual(freshG.dW.data);
    expect(g.db).toEqual(freshG.db);
  });
});

describe('conv2d bad input: clear errors', () => {
  test('x [2, 3, 8, 8] into W [8, 1, 3, 3]: PyTorch\'s channel message', () => {
    const conv = createConv2d(1, 8, 3);
    expect(() => conv2dForward(conv, randomTensor([2, 3, 8, 8], 1))).toThrow(
      new EngineError('shape', 'Given groups=1, weight of size [8, 1, 3, 3], expected input[2, 3, 8, 8] to have 1 channels, but got 3 channels instead'),
    );
  });

  test('x [1, 1, 2, 2], 5 × 5 kernel, padding 1: kernel larger than the padded input (4 × 4)', () => {
    const conv = createConv2d(1, 1, 5, { padding: 1 });
    expect(() => conv2dForward(conv, randomTensor([1, 1, 2, 2], 1))).toThrow(
      "Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size",
    );
  });

  test('non-integer, zero or negative sizes are refused by name', () => {
    expect(() => createConv2d(1.5, 8, 3)).toThrow(/conv2d needs positive integer channels.*in 1.5/);
    expect(() => createConv2d(1, 8, 0)).toThrow(/kernel 0×0/);
    expect(() => createConv2d(1, 8, 3, { stride: 0 })).toThrow(/stride 0/);
    expect(() => createConv2d(1, 8, 3, { padding: -1 })).toThrow(/padding -1/);
    expect(() => createConv2d(1, 8, [3, 2.5])).toThrow(/kernel 3×2.5/);
  });

  test('x [1, 2, 5, 5]: ∂L/∂y of the wrong shape is refused', () => {
    const conv = createConv2d(2, 3, 3);
    const f = conv2dForward(conv, randomTensor([1, 2, 5, 5], 1));
    expect(() => conv2dBackward(conv, f, randomTensor([1, 3, 4, 3], 2))).toThrow('∂L/∂y must be [1, 3, 3, 3], got [1, 3, 4, 3]');
  });
});
