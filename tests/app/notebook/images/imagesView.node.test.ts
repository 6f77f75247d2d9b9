import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { type FashionSubset, decodeFashionSubset, get4 } from '../../../../src';
import {
  type ImagesSettings,
  absMax,
  batchNormSet,
  channelTable,
  divergingRgb,
  featureMap,
  imagesPass,
  mFormula,
  mapTable,
  setSize,
  within,
} from '../../../../app/notebook/images/imagesView';

const DEFAULTS: ImagesSettings = { n: 4, c: 4, k: 3, seed: 1, gamma: {}, beta: {} };
let subset: FashionSubset;
beforeAll(async () => {
  subset = await decodeFashionSubset(new Uint8Array(readFileSync(new URL('../../../../public/data/fashion-mnist-subset.bin.gz', import.meta.url))));
});
const pass = (patch: Partial<ImagesSettings> = {}) => imagesPass(subset.train, subset.imageRows, { ...DEFAULTS, ...patch });

/** μ and the biased σ² of the values a set holds, by a plain two-pass loop over the block (not the engine). */
function direct(z: ReturnType<typeof pass>['z'], cells: readonly (readonly boolean[])[]): { mean: number; variance: number; count: number } {
  const [n, c, h, w] = z.shape;
  const values: number[] = [];
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) if (cells[i][ch]) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) values.push(get4(z, i, ch, y, x));
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  return { mean, variance: values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length, count: values.length };
}

describe('imagesPass: a Fashion-MNIST batch through conv 1 → c and BatchNorm2d', () => {
  test('shapes: [4, 1, 28, 28] in, [4, 4, 28, 28] out for k = 3 (padding 1); an even k = 4 with padding 2 gives 29 × 29', () => {
    const p = pass();
    expect(p.x.shape).toEqual([4, 1, 28, 28]);
    expect(p.z.shape).toEqual([4, 4, 28, 28]);
    expect(p.y.shape).toEqual([4, 4, 28, 28]);
    expect(p.padding).toBe(1);
    expect(pass({ k: 4 }).z.shape).toEqual([4, 4, 29, 29]);
    expect(pass({ k: 1, c: 8, n: 16 }).z.shape).toEqual([16, 8, 28, 28]);
  });

  test('the batch is real: the images are the subset’s rows the seed picks, labels included; a larger n keeps the first images; another seed picks others', () => {
    const p = pass();
    p.indices.forEach((row, i) => {
      expect(Array.from(featureMap(p.x, i, 0))).toEqual(Array.from(subset.train.x.data.subarray(row * 784, (row + 1) * 784)));
      expect(p.labels[i]).toBe(subset.train.y[row]);
    });
    expect(pass({ n: 8 }).indices.slice(0, 4)).toEqual(p.indices);
    expect(pass({ seed: 2 }).indices).not.toEqual(p.indices);
  });

  test('each channel’s μ_c and σ²_c (the engine’s) equal a direct computation over its set: all n samples × all h·w positions', () => {
    for (const settings of [{}, { n: 1 }, { n: 7, c: 3, k: 5, seed: 9 }, { n: 2, k: 4 }]) {
      const p = pass(settings);
      const [n, c, h, w] = p.z.shape;
      for (let ch = 0; ch < c; ch++) {
        const set = batchNormSet(n, c, ch, h, w);
        const d = direct(p.z, set.cells);
        expect(d.count).toBe(n * h * w);
        expect(setSize(set, h, w)).toBe(n * h * w);
        expect(p.mean[ch]).toBeCloseTo(d.mean, 12);
        expect(p.variance[ch] / d.variance).toBeCloseTo(1, 12);
      }
    }
  });

  test('a set that is not BN’s gives other numbers: one sample’s map alone (InstanceNorm’s set) is not channel c’s statistic', () => {
    const p = pass();
    const one = direct(p.z, [[true, false, false, false], [false, false, false, false], [false, false, false, false], [false, false, false, false]]);
    expect(Math.abs(one.mean - p.mean[0])).toBeGreaterThan(1e-3);
  });

  test('n = 1 trains: m = 1 · 28 · 28 = 784 values per channel, σ² > 0, and the output has mean β and variance γ²σ²/(σ² + ε)', () => {
    const p = pass({ n: 1, gamma: { 0: 2 }, beta: { 0: -0.5 } });
    const [n, , h, w] = p.z.shape;
    expect(p.m).toBe(784);
    expect(mFormula(n, h, w, p.m)).toBe('m = n · h · w = 1 · 28 · 28 = 784');
    expect(p.variance[0]).toBeGreaterThan(0);
    expect(p.meanAfter[0]).toBeCloseTo(-0.5, 12);
    expect(p.varianceAfter[0]).toBeCloseTo((4 * p.variance[0]) / (p.variance[0] + p.eps), 10);
  });

  test('m, the engine’s count of values per channel, is n·h·w, written out with a thousands separator: 4 · 28 · 28 = 3,136 and 16 · 29 · 29 = 13,456', () => {
    const a = pass(), b = pass({ n: 16, k: 2 });
    expect([a.m, b.m]).toEqual([4 * 28 * 28, 16 * 29 * 29]);
    expect(mFormula(4, 28, 28, a.m)).toBe('m = n · h · w = 4 · 28 · 28 = 3,136');
    expect(mFormula(16, 29, 29, b.m)).toBe('m = n · h · w = 16 · 29 · 29 = 13,456');
  });

  test('γ and β are per channel: channel 2’s pair moves only channel 2’s output; the others stay bit for bit', () => {
    const a = pass();
    const b = pass({ gamma: { 1: 2.5 }, beta: { 1: 1 } });
    expect(Array.from(b.gamma)).toEqual([1, 2.5, 1, 1]);
    expect(Array.from(b.beta)).toEqual([0, 1, 0, 0]);
    for (const ch of [0, 2, 3]) expect(Array.from(featureMap(b.y, 3, ch))).toEqual(Array.from(featureMap(a.y, 3, ch)));
    expect(b.meanAfter[1]).toBeCloseTo(1, 12);
    // The pattern stays: BN is an increasing affine map of each channel (γ > 0).
    const before = featureMap(b.z, 0, 1), after = featureMap(b.y, 0, 1);
    const slope = (after[10] - after[20]) / (before[10] - before[20]);
    for (let q = 0; q < 784; q += 37) expect(after[q]).toBeCloseTo(b.meanAfter[1] + slope * (before[q] - b.mean[1]), 9);
  });

  test('the BN set is a column of the block: channel c in every row, nothing else; its label says so', () => {
    const set = batchNormSet(3, 4, 2, 28, 28);
    expect(set.cells).toEqual([[false, false, true, false], [false, false, true, false], [false, false, true, false]]);
    expect(set.label).toBe('BatchNorm2d, channel 3: all 3 samples × all 28·28 positions');
  });

  test('exports: one row per channel with m, μ_c, σ²_c, γ_c, β_c; one row per position of the chosen map', () => {
    const p = pass();
    const t = channelTable(p);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[2]).toMatchObject({ channel: 3, m: 3136, mean: p.mean[2], variance: p.variance[2], gamma: 1, beta: 0 });
    const m = mapTable(p, 1, 2);
    expect(m.rows).toHaveLength(784);
    expect(m.rows[29]).toEqual({ row: 2, col: 2, before: get4(p.z, 1, 2, 1, 1), after: get4(p.y, 1, 2, 1, 1) });
  });

  test('helpers: a symmetric colour scale (white at 0, the ends at ±r, clamped past them), |max|, indices kept within the block', () => {
    expect(divergingRgb(0, 2)).toEqual([247, 247, 247]);
    expect(divergingRgb(-2, 2)).toEqual([33, 102, 172]);
    expect(divergingRgb(5, 2)).toEqual([178, 24, 43]);
    expect(divergingRgb(1, 0)).toEqual([247, 247, 247]);
    expect(absMax([1, -3, 2])).toBe(3);
    expect([within(7, 4), within(-1, 4), within(2, 4)]).toEqual([3, 0, 2]);
  });
});
