import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { type FashionSubset, decodeFashionSubset, get4 } from '../../../../src';
import { CONV_PIECE, FAMILY_C, FAMILY_N, FAMILY_NORMS, type FamilySettings, TRAIN_BATCHES, consequenceTable, familyBase, familyBaseSteps, familyCount, familyPass, familyPassSteps, familySet } from '../../../../app/notebook/family/familyView';
import { TOKEN_FEATURES, tokensPass } from '../../../../app/notebook/family/tokensView';
import { convImages } from '../../../../app/notebook/images/imagesView';

const DEFAULTS: FamilySettings = { norm: 'bn', groups: 2, channel: 0, swap: 3, seed: 1 };
let subset: FashionSubset;
beforeAll(async () => {
  subset = await decodeFashionSubset(new Uint8Array(readFileSync(new URL('../../../../public/data/fashion-mnist-subset.bin.gz', import.meta.url))));
});
const pass = (patch: Partial<FamilySettings> = {}) => {
  const { seed, ...s } = { ...DEFAULTS, ...patch };
  return familyPass(familyBase(subset.train, subset.imageRows, seed), s);
};

/** μ and biased σ² of the cells a set holds, by a plain loop over the block (not the engine). */
function direct(z: ReturnType<typeof pass>['z'], cells: readonly (readonly boolean[])[]): { mean: number; variance: number; count: number } {
  const [n, c, h, w] = z.shape;
  const values: number[] = [];
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) if (cells[i][ch]) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) values.push(get4(z, i, ch, y, x));
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  return { mean, variance: values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length, count: values.length };
}

describe('familyPass: the four sets of Wu & He (2018, §3) on one Fashion-MNIST block', () => {
  test.each([
    ['bn', 0, 2], ['bn', 5, 2], ['layer', 3, 2], ['instance', 6, 2], ['group', 5, 2], ['group', 2, 4], ['group', 7, 1], ['group', 7, 8],
  ] as const)('%s, channel %i, G = %i: the engine’s μ, σ² are those of the outlined cells', (norm, channel, groups) => {
    const p = pass({ norm, channel, groups });
    const want = direct(p.z, p.set.cells);
    if ('refused' in p.stats) throw new Error(p.stats.refused);
    expect(p.stats.count).toBe(want.count);
    expect(p.stats.mean).toBeCloseTo(want.mean, 10);
    expect(p.stats.variance).toBeCloseTo(want.variance, 8);
  });

  test('the sets: BN a column, LN sample 1’s row, IN one cell, GN C/G cells of sample 1; G = 1 is LN’s set, G = C is IN’s', () => {
    const count = (s: ReturnType<typeof familySet>) => s.cells.flat().filter(Boolean).length;
    expect(count(familySet('bn', 4, 8, 2, 2))).toBe(4);
    expect(count(familySet('layer', 4, 8, 2, 2))).toBe(8);
    expect(count(familySet('instance', 4, 8, 2, 2))).toBe(1);
    expect(count(familySet('group', 4, 8, 2, 2))).toBe(4);
    expect(familySet('group', 4, 8, 5, 1).cells).toEqual(familySet('layer', 4, 8, 5, 1).cells);
    expect(familySet('group', 4, 8, 5, 8).cells).toEqual(familySet('instance', 4, 8, 5, 8).cells);
    expect(familyCount('group', 4, 8, 28, 28, 4)).toBe(2 * 784);
  });

  test('a G that does not divide c: PyTorch’s message from the engine, and no set outlined', () => {
    const p = pass({ norm: 'group', groups: 3 });
    expect(p.stats).toEqual({ refused: 'num_channels must be divisible by num_groups (num_channels=8, num_groups=3)' });
    expect(p.set.cells.flat().some(Boolean)).toBe(false);
    expect(p.swapDelta.group).toMatch(/divisible/);
  });

  test('replacing another sample changes sample 1’s BN output only; train vs eval differs for BN only', () => {
    const p = pass();
    expect(p.swapDelta.bn as number).toBeGreaterThan(1e-3);
    expect(p.modeDelta.bn as number).toBeGreaterThan(1e-3);
    for (const norm of ['layer', 'instance', 'group'] as const) {
      expect(p.swapDelta[norm]).toBe(0);
      expect(p.modeDelta[norm]).toBe(0);
    }
    expect(p.labels).toHaveLength(4);
    expect(consequenceTable(p).rows.map((r) => r.norm)).toEqual(['BatchNorm', 'LayerNorm', 'InstanceNorm', 'GroupNorm']);
    expect(FAMILY_NORMS).toHaveLength(4);
  });

  test('the swapped batch differs from the first in the replaced sample only', () => {
    const p = pass({ swap: 1 });
    const S = p.z.data.length / 4;
    const diffAt = (i: number) => p.z.data.subarray(i * S, (i + 1) * S).some((v, k) => v !== p.swapped.data[i * S + k]);
    expect([0, 1, 2, 3].map(diffAt)).toEqual([false, true, false, false]);
  });
});

describe('tokensPass: LayerNorm and RMSNorm per token', () => {
  test('token 1’s LN and RMSNorm outputs do not depend on T; BN over the tokens does', () => {
    for (const T of [2, 4, 8]) {
      const p = tokensPass(1, T);
      expect(p.lnDelta).toBe(0);
      expect(p.rmsDelta).toBe(0);
      if (T > 2) expect(p.bnDelta).toBeGreaterThan(1e-3);
      else expect(p.bnDelta).toBe(0);
    }
  });

  test('each row: μ, σ² and RMS by a plain loop; LN’s output has mean 0 per row', () => {
    const p = tokensPass(7, 5), d = TOKEN_FEATURES;
    for (let t = 0; t < 5; t++) {
      const row = Array.from(p.x.subarray(t * d, (t + 1) * d));
      const mu = row.reduce((a, v) => a + v, 0) / d;
      expect(p.mean[t]).toBeCloseTo(mu, 12);
      expect(p.variance[t]).toBeCloseTo(row.reduce((a, v) => a + (v - mu) ** 2, 0) / d, 8);
      expect(p.rms[t]).toBeCloseTo(Math.sqrt(row.reduce((a, v) => a + v * v, 0) / d), 8);
    }
    expect(p.ln.reduce((a, v) => a + v, 0)).toBeCloseTo(0, 10);
  });
});

test('familyBaseSteps pauses between pieces of the convolution and before each of BN’s training steps (the page runs it a slice per task); its pieces put together are the whole batch’s convolution', () => {
  const steps = familyBaseSteps(subset.train, subset.imageRows, 7);
  let pauses = 0;
  let r = steps.next();
  for (; !r.done; r = steps.next()) pauses++;
  const images = FAMILY_N + 1 + TRAIN_BATCHES * FAMILY_N;
  expect(pauses).toBe(Math.ceil(images / CONV_PIECE) - 1 + TRAIN_BATCHES);
  // The whole batch convolved in one call, as the section did before it was cut into pieces: the same numbers, exactly.
  const whole = convImages(subset.train, subset.imageRows, { n: images, c: FAMILY_C, k: 3, seed: 7 });
  expect(r.value.all.shape).toEqual(whole.z.shape);
  expect(r.value.all.data).toEqual(whole.z.data);
  const base = familyBase(subset.train, subset.imageRows, 7);
  expect([...r.value.bn.runningMean, ...r.value.bn.runningVar]).toEqual([...base.bn.runningMean, ...base.bn.runningVar]);
});

test('familyPassSteps pauses before each normalization’s outputs (the page runs it a slice per task: in one render it was a task of 58 ms); its result is the whole pass', () => {
  const base = familyBase(subset.train, subset.imageRows, 1);
  for (const norm of FAMILY_NORMS) {
    const s = { norm, groups: 4, channel: 2, swap: 5 };
    const steps = familyPassSteps(base, s);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBe(FAMILY_NORMS.length);
    const whole = familyPass(base, s);
    expect(r.value.stats).toEqual(whole.stats);
    expect(r.value.swapDelta).toEqual(whole.swapDelta);
    expect(r.value.modeDelta).toEqual(whole.modeDelta);
  }
});

test('a group of one channel (G = C) is named in the singular: “channel 3”, “C/G = 1 channel”, not “channels 3–3”', () => {
  expect(familySet('group', FAMILY_N, 8, 2, 8).label).toBe('GroupNorm, sample 1, group 3 of 8 (channel 3): C/G = 1 channel × all positions');
  expect(familySet('group', FAMILY_N, 8, 2, 4).label).toBe('GroupNorm, sample 1, group 2 of 4 (channels 3–4): C/G = 2 channels × all positions');
});
