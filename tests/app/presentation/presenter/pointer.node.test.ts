import { describe, expect, test } from 'vitest';
import { relativePoint } from '../../../../app/presentation/presenter/pointer';

const box = { left: 100, top: 50, width: 400, height: 225 };

describe('the pointer’s place as fractions of the box (exact)', () => {
  test.each([
    [100, 50, 0, 0],
    [500, 275, 1, 1],
    [300, 162.5, 0.5, 0.5],
    [200, 95, 0.25, 0.2],
    // Outside: held at the edge.
    [0, 400, 0, 1],
    [900, -10, 1, 0],
  ])('(%d, %d) → (%d, %d)', (x, y, fx, fy) => {
    expect(relativePoint(x, y, box)).toEqual({ x: fx, y: fy });
  });

  test('a box with no area, or a point that is not a number, gives no point', () => {
    expect(relativePoint(10, 10, { ...box, width: 0 })).toBeNull();
    expect(relativePoint(10, 10, { ...box, height: Number.NaN })).toBeNull();
    expect(relativePoint(Number.NaN, 10, box)).toBeNull();
  });
});
