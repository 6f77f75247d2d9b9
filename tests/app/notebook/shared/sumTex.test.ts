import { describe, expect, test } from 'vitest';
import { rowVectorTex, squaredDeviationsTex, sumTex, termsTex } from '../../../../app/notebook/shared/sumTex';

describe('TeX with the batch’s numbers', () => {
  test('sumTex: all terms up to 6 (signs folded in), else three, ⋯ and the last', () => {
    expect(sumTex([1.5, -0.25, 2])).toBe('1.5 - 0.25 + 2');
    expect(sumTex([1, 2, 3, 4, 5, 6, -7])).toBe('1 + 2 + 3 + \\cdots - 7');
  });

  test('squaredDeviationsTex: (zᵢ − μ)² terms; a negative μ becomes "+ |μ|"', () => {
    expect(squaredDeviationsTex([1, 2, 3], 2)).toBe('(1 - 2)^2 + (2 - 2)^2 + (3 - 2)^2');
    expect(squaredDeviationsTex([1, 2, 3, 4], -0.5)).toBe('(1 + 0.5)^2 + (2 + 0.5)^2 + \\cdots + (4 + 0.5)^2');
  });

  test('rowVectorTex: a bmatrix, truncated like the sums', () => {
    expect(rowVectorTex([1, 2], 2)).toBe('\\begin{bmatrix} 1 & 2 \\end{bmatrix}');
    expect(rowVectorTex([1, 2, 3, 4, 5], 2, 4)).toBe('\\begin{bmatrix} 1 & 2 & 3 & \\cdots & 5 \\end{bmatrix}');
  });

  test('termsTex with head = 2 keeps two leading terms', () => {
    expect(termsTex(9, (i) => `t${i}`, 3, ' ', 2)).toBe('t0 t1 \\cdots t8');
  });
});
