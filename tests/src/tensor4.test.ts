import { describe, expect, test } from 'vitest';
import { EngineError, assertShape4, flatten, get4, tensor4, unflatten, zeros4 } from '../../src';

describe('NCHW tensors', () => {
  test('[2, 3, 4, 5]: element (i, c, y, x) is data[((i·3 + c)·4 + y)·5 + x]', () => {
    const t = tensor4([2, 3, 4, 5], Array.from({ length: 120 }, (_, k) => k));
    expect(get4(t, 0, 0, 0, 1)).toBe(1);
    expect(get4(t, 0, 0, 1, 0)).toBe(5);
    expect(get4(t, 0, 1, 0, 0)).toBe(20);
    expect(get4(t, 1, 2, 3, 4)).toBe(119);
  });

  test('[2, 3, 4, 5] flattens to a [2 × 60] view that shares the data, and back', () => {
    const t = zeros4([2, 3, 4, 5]);
    const m = flatten(t);
    expect([m.rows, m.cols]).toEqual([2, 60]);
    m.data[60 + 7] = 3;
    expect(get4(t, 1, 0, 1, 2)).toBe(3);
    const back = unflatten(m, [2, 3, 4, 5]);
    expect(back.data).toBe(t.data);
    expect(() => unflatten(m, [2, 3, 4, 4])).toThrow('a [2 × 60] matrix cannot be seen as a [2, 3, 4, 4] tensor');
  });

  test('non-integer, negative or missing sizes are refused by name', () => {
    expect(() => zeros4([1, 2.5, 3, 3])).toThrow(new EngineError('shape', 'tensor shape must be four non-negative integers [n, c, h, w], got [1, 2.5, 3, 3]'));
    expect(() => zeros4([1, -1, 3, 3])).toThrow('got [1, -1, 3, 3]');
    expect(() => zeros4([1, 3, 3] as unknown as [number, number, number, number])).toThrow('got [1, 3, 3]');
    expect(() => tensor4([1, 1, 2, 2], [1, 2, 3])).toThrow('expected 4 values for a [1, 1, 2, 2] tensor, got 3');
    expect(() => assertShape4('dy', zeros4([1, 1, 2, 2]), [1, 1, 2, 3])).toThrow('dy must be [1, 1, 2, 3], got [1, 1, 2, 2]');
  });
});
