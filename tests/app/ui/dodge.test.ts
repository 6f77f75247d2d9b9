import { expect, test } from 'vitest';
import fc from 'fast-check';
import { dodgeLevels } from '../../../app/ui/dodge';

test('dodgeLevels: points on the same level are at least `gap` apart, for any 1–64 positions', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 600, noNaN: true }), { minLength: 1, maxLength: 64 }), (xs) => {
      const levels = dodgeLevels(xs, 17);
      for (let i = 0; i < xs.length; i++) {
        for (let j = i + 1; j < xs.length; j++) {
          if (levels[i] === levels[j] && Math.abs(xs[i] - xs[j]) < 17) return false;
        }
      }
      return true;
    }),
  );
});

test('dodgeLevels: well-separated points all sit on the axis (level 0)', () => {
  expect(Array.from(dodgeLevels([0, 100, 50, 200], 20))).toEqual([0, 0, 0, 0]);
  expect(Array.from(dodgeLevels([10, 10, 10], 20))).toEqual([0, 1, 2]);
});
