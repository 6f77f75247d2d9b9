import { describe, expect, test } from 'vitest';
import { seedsTable } from '../../../../app/lab/model/seedsExport';
import { parseCsv, toCsv } from '../../../../app/ui/export/csv';
import type { SeedCurve } from '../../../../app/lab/worker/seedStudy';

const curve = (seed: number, plain: number[], bn: number[], divergedPlain: number | null = null): SeedCurve => {
  const t = (acc: number[]) => ({ step: acc.map((_, i) => 10 * (i + 1)), accuracy: acc, loss: acc.map((a) => 1 - a) });
  return { seed, step: 10 * Math.max(plain.length, bn.length), diverged: { plain: divergedPlain, bn: null }, tests: { plain: t(plain), bn: t(bn) } };
};

describe('the seed study as a CSV table', () => {
  test('one row per seed, network and evaluation, every digit kept, the divergence step empty when there was none', () => {
    const csv = toCsv(seedsTable([curve(7, [0.1, 0.2], [0.3]), curve(8, [1 / 3], [0.5, 0.6], 12)]));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['seed', 'network', 'step', 'test_accuracy', 'test_loss', 'diverged_at_step']);
    expect(rows.slice(1)).toEqual([
      ['7', 'without_bn', '10', '0.1', '0.9', ''],
      ['7', 'without_bn', '20', '0.2', '0.8', ''],
      ['7', 'with_bn', '10', '0.3', '0.7', ''],
      ['8', 'without_bn', '10', String(1 / 3), String(1 - 1 / 3), '12'],
      ['8', 'with_bn', '10', '0.5', '0.5', ''],
      ['8', 'with_bn', '20', '0.6', '0.4', ''],
    ]);
  });

  test('no seeds: a header only', () => {
    expect(parseCsv(toCsv(seedsTable([])))).toEqual([['seed', 'network', 'step', 'test_accuracy', 'test_loss', 'diverged_at_step']]);
  });
});
