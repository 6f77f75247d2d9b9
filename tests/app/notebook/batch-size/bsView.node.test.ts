import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { type BatchSweepPoint, type Split, parseFashionSubset, runBatchSweep } from '../../../../src';
import { batchSweepLines } from '../../../../scripts/train-norms';
import { parseCommandLine } from '../../../../scripts/train-cli';
import { type BsPoints, type BsSettings, bsCommand, bsGapText, bsJobs, bsLine, bsRows, bsSettingsOf, bsSweepOptions, bsTable, perSampleGap, pointKey, sizesBetween } from '../../../../app/notebook/batch-size/bsView';
import { createAppStore } from '../../../../app/state/store';

/** The batch-size section's model: settings, the engine's options (those of the command it shows), the verdict from the points. */
const subset = parseFashionSubset(new Uint8Array(gunzipSync(readFileSync(resolve(process.cwd(), 'public/data/fashion-mnist-subset.bin.gz')))));
const d = subset.train.x.cols;
const slice = (s: typeof subset.train, n: number) => ({ ...s, x: { rows: n, cols: d, data: s.x.data.slice(0, n * d) }, y: s.y.slice(0, n) });
const small: Split = { train: slice(subset.train, 256), test: slice(subset.test, 96) };

const base: BsSettings = { norms: ['bn', 'group', 'layer'], sizes: [2, 4, 8, 16, 32], epochs: 3, seed: 1, groups: 4 };

test('the store’s defaults: BN, GN and LN at 2 … 32 (Wu & He’s range), 3 epochs, seed 1, G = 4; a reversed range is swapped; the jobs go by m, then norm', () => {
  expect(bsSettingsOf(createAppStore().getState())).toEqual(base);
  expect(sizesBetween(32, 4)).toEqual([4, 8, 16, 32]);
  expect(sizesBetween(8, 8)).toEqual([8]);
  expect(bsJobs({ ...base, norms: ['bn', 'layer'], sizes: [2, 4] }).map((j) => `${j.norm}@${j.m}`)).toEqual(['bn@2', 'layer@2', 'bn@4', 'layer@4']);
  expect(pointKey(base, 'group', 8)).not.toBe(pointKey({ ...base, groups: 2 }, 'group', 8));
  expect(pointKey(base, 'bn', 8)).toBe(pointKey({ ...base, groups: 2 }, 'bn', 8));
  expect(pointKey(base, 'bn', 8)).not.toBe(pointKey({ ...base, seed: 2 }, 'bn', 8));
});

test.each(['bn', 'group', 'layer'] as const)('the command shown for %s prints the page’s points: the CLI builds the same options, and the same numbers', (norm) => {
  const s: BsSettings = { ...base, sizes: [16, 32], epochs: 1, seed: 3, groups: 2 };
  const cmd = bsCommand(s, norm);
  expect(cmd).toBe(`npm run train -- --dataset fashion --sweep-batch 16,32 --norm ${norm}${norm === 'group' ? ' --groups 2' : ''} --width 32 --epochs 1 --seed 3`);
  const cli = parseCommandLine(cmd.replace('npm run train -- ', '').split(' '));
  if (cli.help || !cli.batchSweep) throw new Error('not a batch sweep');
  const lines = batchSweepLines(cli.settings, cli.batchSweep, small).map((l) => JSON.parse(l) as BatchSweepPoint & { epochs: number });
  const page = runBatchSweep(bsSweepOptions(s, norm, s.sizes), small);
  expect(lines.map(({ epochs: _e, ...p }) => p)).toEqual(page);
});

const point = (norm: BatchSweepPoint['norm'], batch: number, acc: number, trainAcc = acc): BatchSweepPoint => ({ batch, norm, lr: 0.1, steps: 10, trainLoss: 1, testAccuracy: acc, testAccuracyTrainMode: trainAcc, trainModeRows: 96, diverged: null });
const pointsOf = (s: BsSettings, acc: Partial<Record<'bn' | 'group' | 'layer', [number, number]>>, bnTrain?: [number, number]): BsPoints => {
  const out: Record<string, BatchSweepPoint> = {};
  for (const [norm, [lo, hi]] of Object.entries(acc) as ['bn' | 'group' | 'layer', [number, number]][]) {
    out[pointKey(s, norm, s.sizes[0])] = point(norm, s.sizes[0], lo, norm === 'bn' && bnTrain ? bnTrain[0] : lo);
    out[pointKey(s, norm, s.sizes[s.sizes.length - 1])] = point(norm, s.sizes[s.sizes.length - 1], hi, norm === 'bn' && bnTrain ? bnTrain[1] : hi);
  }
  return out;
};

describe('the words beside the charts', () => {
  const s: BsSettings = { ...base, sizes: [2, 4, 8] };
  test('BN’s train vs eval mode in words, the per-sample norms’ largest difference, the rows and the table', () => {
    const p = pointsOf(s, { bn: [0.4, 0.8], layer: [0.75, 0.7] }, [0.2, 0.78]);
    expect(bsGapText(s, p)).toBe('BatchNorm’s test error in train mode minus eval mode: +20.0 points at m = 2 (80.0 % vs 60.0 %), +2.0 points at m = 8 (22.0 % vs 20.0 %) (train mode leaves out the last incomplete batch of the 600 test images).');
    expect(perSampleGap(s, p)).toBe(0);
    const rows = bsRows(s, p);
    expect(rows.map((r) => [r.m, r.x, r.bn === null ? null : Math.round(r.bn), r.group, r.bnTrain === null ? null : Math.round(r.bnTrain)])).toEqual([[2, 1, 60, null, 80], [4, 2, null, null, null], [8, 3, 20, null, 22]]);
    expect(bsTable(s, p).rows.map((r) => `${r.norm}@${r.m}`)).toEqual(['BatchNorm@2', 'LayerNorm@2', 'BatchNorm@8', 'LayerNorm@8']);
    // A diverged point between the ends breaks its line there (no line drawn across it) and gets a mark.
    const div = { ...p, [pointKey(s, 'bn', 4)]: { ...p[pointKey(s, 'bn', 2)], batch: 4, testAccuracy: null, testAccuracyTrainMode: null, diverged: { step: 3, reason: 'the training loss became NaN' } } };
    const line = bsLine(bsRows(s, div), 'bn');
    expect(line.runs.map((run) => run.map((q) => q.s))).toEqual([[1], [3]]);
    expect(line.diverged).toEqual([2]);
    expect(bsLine(bsRows(s, div), 'bnTrain').diverged).toEqual([]);
  });
});
