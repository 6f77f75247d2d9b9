import { describe, expect, test } from 'vitest';
import { col2im, im2col } from '../../src/im2col';
import { dot } from './finiteDifference';
import { randomTensor } from './images';

describe('im2col: Caffe\'s [C·kh·kw × n·OH·OW] layout', () => {
  test('x [1, 1, 3, 3] = 1…9, 2 × 2 kernel, stride 1: row (ki, kj) holds the 4 pixels each output position reads', () => {
    const x = Float64Array.from({ length: 9 }, (_, i) => i + 1);
    const cols = new Float64Array(16);
    im2col(x, [1, 1, 3, 3], { kernelH: 2, kernelW: 2, stride: 1, padding: 0 }, 2, 2, cols);
    expect(Array.from(cols)).toEqual([1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9]);
  });

  test('x [1, 1, 2, 2] = 1…4, 3 × 3 kernel, padding 1, stride 2: zeros where the window leaves the image', () => {
    const cols = new Float64Array(9);
    im2col(Float64Array.from([1, 2, 3, 4]), [1, 1, 2, 2], { kernelH: 3, kernelW: 3, stride: 2, padding: 1 }, 1, 1, cols);
    expect(Array.from(cols)).toEqual([0, 0, 0, 0, 1, 2, 0, 3, 4]);
  });

  test.each([[1, 0], [1, 2], [2, 1], [3, 1]])('x [2, 3, 7, 6], 3 × 2 kernel, stride %i, padding %i: col2im is im2col\'s adjoint, ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩ to 1e-12 relative', (s, p) => {
    const g = { kernelH: 3, kernelW: 2, stride: s, padding: p };
    const OH = Math.floor((7 + 2 * p - 3) / s) + 1, OW = Math.floor((6 + 2 * p - 2) / s) + 1;
    const x = randomTensor([2, 3, 7, 6], 1);
    const c = randomTensor([1, 1, 3 * 3 * 2, 2 * OH * OW], 2).data;
    const cols = new Float64Array(c.length), back = new Float64Array(x.data.length).fill(7);
    im2col(x.data, x.shape, g, OH, OW, cols);
    col2im(c, x.shape, g, OH, OW, back);
    const lhs = dot(cols, c), rhs = dot(x.data, back);
    expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12 * Math.max(1, Math.abs(lhs)));
  });
});
