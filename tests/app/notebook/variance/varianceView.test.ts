import { describe, expect, test } from 'vitest';
import { varianceCancellation } from '../../../../src';
import { varianceView } from '../../../../app/notebook/variance/varianceView';

describe('varianceView', () => {
  test('rows are the engine’s four estimates, named; the float32 one-pass row is flagged negative at offset 1e4 for [1,2,3,4]', () => {
    const v = varianceView(Float64Array.from([1, 2, 3, 4]), 1e4);
    const ref = varianceCancellation([1, 2, 3, 4], 1e4);
    expect(v.rows.map((r) => r.value)).toEqual(ref.estimates.map((e) => e.value));
    expect(v.rows[0].name).toMatch(/^float32, one pass/);
    expect(v.rows[0].negative).toBe(true);
    expect(v.rows[3].wrong).toBe(false);
  });
});
