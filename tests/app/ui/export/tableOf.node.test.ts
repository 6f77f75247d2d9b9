import { expect, test } from 'vitest';
import { tableOf } from '../../../../app/ui/export/table';

test('tableOf: the columns in the order their headings are given, each key with its heading; the rows as they are', () => {
  const rows = [{ m: 2, norm: 'BatchNorm' }];
  const t = tableOf(rows, { norm: 'normalization', m: 'batch size m' });
  expect(t.columns).toEqual([
    { key: 'norm', label: 'normalization' },
    { key: 'm', label: 'batch size m' },
  ]);
  expect(t.rows).toBe(rows);
});
