import { describe, expect, test } from 'vitest';
import {
  DATASETS_2D,
  EngineError,
  checkDataset,
  classCounts,
  datasetBounds,
  grid2D,
  makeDataset2D,
  matrix,
  selectRows,
  splitDataset,
  type Dataset,
} from '../../src';

const rows = (d: Dataset) => Array.from({ length: d.x.rows }, (_, i) => [d.x.data[2 * i], d.x.data[2 * i + 1], d.y[i]]);

describe('makeDataset2D', () => {
  test.each(DATASETS_2D)('%s: x [101 × 2], y [101], classes balanced within 1, seed-deterministic', (name) => {
    const d = makeDataset2D({ name, n: 101, seed: 4 });
    expect([d.x.rows, d.x.cols, d.y.length]).toEqual([101, 2, 101]);
    expect(d.classes).toBe(name === 'spiral' ? 3 : 2);
    const counts = Array.from(classCounts(d));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(101);
    expect(() => checkDataset(d)).not.toThrow();
    expect(rows(makeDataset2D({ name, n: 101, seed: 4 }))).toEqual(rows(d));
    expect(rows(makeDataset2D({ name, n: 101, seed: 5 }))).not.toEqual(rows(d));
  });

  test('spiral with 5 classes and noise 0: 5 balanced arms, every point within radius 1', () => {
    const d = makeDataset2D({ name: 'spiral', n: 250, seed: 1, classes: 5, noise: 0 });
    expect(Array.from(classCounts(d))).toEqual([50, 50, 50, 50, 50]);
    for (const [a, b] of rows(d)) expect(Math.hypot(a, b)).toBeLessThanOrEqual(1);
  });

  test('circles, noise 0: class 0 on radius 1, class 1 on radius 0.5 (1e-12)', () => {
    for (const [a, b, k] of rows(makeDataset2D({ name: 'circles', n: 40, seed: 1, noise: 0 }))) {
      expect(Math.abs(Math.hypot(a, b) - (k === 0 ? 1 : 0.5))).toBeLessThan(1e-12);
    }
  });

  test('xor, noise 0: class 1 exactly where the coordinates’ signs differ', () => {
    for (const [a, b, k] of rows(makeDataset2D({ name: 'xor', n: 200, seed: 2, noise: 0 }))) expect(a * b < 0 ? 1 : 0).toBe(k);
  });

  test('two Gaussians, noise 0.5: class means near (−1, −1) and (1, 1), std near 0.5 (10 %)', () => {
    const d = makeDataset2D({ name: 'gaussians', n: 2000, seed: 3, noise: 0.5 });
    for (const k of [0, 1]) {
      const pts = rows(d).filter((r) => r[2] === k).map((r) => r[0]);
      const mean = pts.reduce((s, v) => s + v, 0) / pts.length;
      const std = Math.sqrt(pts.reduce((s, v) => s + (v - mean) ** 2, 0) / pts.length);
      expect(Math.abs(mean - (k === 0 ? -1 : 1))).toBeLessThan(0.05);
      expect(Math.abs(std / 0.5 - 1)).toBeLessThan(0.1);
    }
  });

  test('moons, noise 0: class 0 on the upper unit arc centred at (−0.5, −0.25), class 1 on the shifted lower arc', () => {
    for (const [a, b, k] of rows(makeDataset2D({ name: 'moons', n: 60, seed: 1, noise: 0 }))) {
      const [cx, cy] = k === 0 ? [-0.5, -0.25] : [0.5, 0.25];
      expect(Math.abs(Math.hypot(a - cx, b - cy) - 1)).toBeLessThan(1e-12);
      expect(k === 0 ? b - cy >= -1e-12 : b - cy <= 1e-12).toBe(true);
    }
  });

  test('bad options throw EngineError: unknown name, n < classes, classes on a 2-class set, negative noise', () => {
    expect(() => makeDataset2D({ name: 'swiss' as never, n: 10, seed: 1 })).toThrow(/unknown dataset "swiss"/);
    expect(() => makeDataset2D({ name: 'spiral', n: 2, seed: 1 })).toThrow(EngineError);
    expect(() => makeDataset2D({ name: 'moons', n: 10, seed: 1, classes: 3 })).toThrow(/moons has 2 classes/);
    expect(() => makeDataset2D({ name: 'xor', n: 10, seed: 1, noise: -0.1 })).toThrow(/noise/);
  });
});

describe('splitDataset and helpers', () => {
  const data = makeDataset2D({ name: 'spiral', n: 300, seed: 6 });

  test('stratified 25 % split of [300 × 2]: 75 test rows (25 per class), disjoint, together all rows', () => {
    const { train, test } = splitDataset(data, 0.25, 1);
    expect([train.x.rows, test.x.rows]).toEqual([225, 75]);
    expect(Array.from(classCounts(test))).toEqual([25, 25, 25]);
    const key = (r: number[]) => r.join(',');
    const all = [...rows(train), ...rows(test)].map(key).sort();
    expect(all).toEqual(rows(data).map(key).sort());
    expect(new Set(all).size).toBe(300);
  });

  test('same seed ⇒ same split; another seed ⇒ another; fraction 0 ⇒ empty test; fraction 1 throws', () => {
    expect(rows(splitDataset(data, 0.2, 3).test)).toEqual(rows(splitDataset(data, 0.2, 3).test));
    expect(rows(splitDataset(data, 0.2, 3).test)).not.toEqual(rows(splitDataset(data, 0.2, 4).test));
    expect(splitDataset(data, 0, 1).test.x.rows).toBe(0);
    expect(() => splitDataset(data, 1, 1)).toThrow(EngineError);
  });

  test('a generic labelled set (x [6 × 4], 3 classes) is accepted; bad ones are rejected with a reason', () => {
    const x = matrix(6, 4, Array.from({ length: 24 }, (_, i) => i / 10));
    const ok: Dataset = { x, y: Int32Array.from([0, 1, 2, 0, 1, 2]), classes: 3 };
    expect(() => checkDataset(ok)).not.toThrow();
    expect(selectRows(ok, [5, 0]).y).toEqual(Int32Array.from([2, 0]));
    expect(Array.from(selectRows(ok, [1]).x.data)).toEqual([0.4, 0.5, 0.6, 0.7]);
    expect(() => checkDataset({ ...ok, y: Int32Array.from([0, 1, 3, 0, 1, 2]) })).toThrow(/label 2 is 3/);
    expect(() => checkDataset({ ...ok, y: Int32Array.from([0, 1]) })).toThrow(/6 rows but 2 labels/);
    const nan = matrix(6, 4, x.data.map((v, i) => (i === 9 ? NaN : v)));
    expect(() => checkDataset({ ...ok, x: nan })).toThrow(/non-finite value at row 2, column 1/);
  });

  test('datasetBounds of x [3 × 2] = the box of the points widened by 10 % of each extent', () => {
    const b = datasetBounds(matrix(3, 2, [0, 5, 2, 1, 1, 3]));
    expect(b).toEqual({ xMin: -0.2, xMax: 2.2, yMin: 1 - 0.4, yMax: 5 + 0.4 });
    expect(datasetBounds(matrix(1, 2, [3, 3]), 0.5)).toEqual({ xMin: 2.5, xMax: 3.5, yMin: 2.5, yMax: 3.5 });
    expect(() => datasetBounds(matrix(2, 1, [1, 2]))).toThrow(EngineError);
  });

  test('grid2D(−1, 1, 0, 2, 3) is [9 × 2], x fastest, corners exact', () => {
    const g = grid2D(-1, 1, 0, 2, 3);
    expect([g.rows, g.cols]).toEqual([9, 2]);
    expect(Array.from(g.data.slice(0, 6))).toEqual([-1, 0, 0, 0, 1, 0]);
    expect(Array.from(g.data.slice(16))).toEqual([1, 2]);
    expect(() => grid2D(0, 1, 0, 1, 1)).toThrow(EngineError);
  });
});
