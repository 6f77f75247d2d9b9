import { expect, test } from 'vitest';
import fc from 'fast-check';
import { dodgeLevels, hitRadii } from '../../../app/ui/dodge';

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

test('dodgeLevels: without a point placed first, the lowest-free-level layout is the left-to-right greedy one', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
      // The greedy layout as it was first written: a level is free when its last (rightmost) point is far enough.
      const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
      const lastX: number[] = [];
      const expected = new Int32Array(xs.length);
      for (const i of order) {
        let level = 0;
        while (level < lastX.length && xs[i] - lastX[level] < 17) level++;
        lastX[level] = xs[i];
        expected[i] = level;
      }
      expect(Array.from(dodgeLevels(xs, 17))).toEqual(Array.from(expected));
    }),
  );
});

test('dodgeLevels: a point placed first (dragged) stays on the axis; the others still keep their distance', () => {
  expect(Array.from(dodgeLevels([10, 10, 10], 20, 2))).toEqual([1, 2, 0]);
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.nat(), (xs, k) => {
      const first = k % xs.length;
      const levels = dodgeLevels(xs, 17, first);
      expect(levels[first]).toBe(0);
      for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (levels[i] === levels[j]) expect(Math.abs(xs[i] - xs[j])).toBeGreaterThanOrEqual(17);
    }),
  );
});

test('dodgeLevels: a dragged point keeps the row it was pressed in; the others fill the rows around it', () => {
  // Pressed on the second row: it stays there; the point it lay on keeps the axis, the third takes the next free row.
  expect(Array.from(dodgeLevels([10, 10, 10], 20, 1, 1))).toEqual([0, 1, 2]);
  // Dragged away from the others, it keeps its row, which the others may share where there is room.
  expect(Array.from(dodgeLevels([10, 200, 10], 20, 1, 1))).toEqual([0, 1, 1]);
});

test('hitRadii: no grab circle covers another point at least 2·min away, none is under min or over max, a lone point gets max', () => {
  const point = fc.tuple(fc.double({ min: 0, max: 600, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }));
  fc.assert(
    fc.property(fc.array(point, { minLength: 1, maxLength: 64 }), (pts) => {
      const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
      const r = hitRadii(xs, ys, 8, 20);
      return pts.every((_, i) => r[i] >= 8 && r[i] <= 20 && pts.every((_, j) => {
        const d = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
        return i === j || d < 16 || d > r[i];
      }));
    }),
  );
  expect(Array.from(hitRadii([100], [10], 8, 20))).toEqual([20]);
  // Section 2's swarm: neighbours 19 px apart on a row get 9.5 px each (a fixed 20 px covered the neighbour's centre).
  expect(Array.from(hitRadii([0, 19, 200], [0, 0, 0], 8, 20))).toEqual([9.5, 9.5, 20]);
});
