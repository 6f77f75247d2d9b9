import { describe, expect, test } from 'vitest';
import { boundaryTable, linesTable, sweepTable } from '../../../../app/lab/model/labExport';

describe('lab export helpers', () => {
  test('linesTable: two lines of 2 and 1 points → 3 rows (line, step, value), in line order', () => {
    const t = linesTable(
      [
        { id: 'plain-train', name: 'Without BN, mini-batch', variant: 'plain', role: 'train', points: [{ s: 0, v: 2.3 }, { s: 10, v: 1.9 }] },
        { id: 'bn-train', name: 'With BN, mini-batch', variant: 'bn', role: 'train', points: [{ s: 0, v: 2.31 }] },
      ],
      'loss',
    );
    expect(t.columns.map((c) => c.label)).toEqual(['line', 'step', 'loss']);
    expect(t.rows).toEqual([
      { line: 'Without BN, mini-batch', step: 0, value: 2.3 },
      { line: 'Without BN, mini-batch', step: 10, value: 1.9 },
      { line: 'With BN, mini-batch', step: 0, value: 2.31 },
    ]);
  });
  test('boundaryTable: a 2 × 2 grid over [0, 2]² → cell centres row by row from the top, class, confidence/255 (tolerance 1e-15)', () => {
    const t = boundaryTable({ classes: Uint8Array.from([0, 1, 1, 2]), confidence: Uint8Array.from([255, 128, 0, 51]) }, 2, { x0: 0, x1: 2, y0: 0, y1: 2 });
    expect(t.rows.map((r) => [r.x1, r.x2, r.cls])).toEqual([[0.5, 1.5, 0], [1.5, 1.5, 1], [0.5, 0.5, 1], [1.5, 0.5, 2]]);
    const conf = t.rows.map((r) => r.confidence as number);
    [1, 128 / 255, 0, 0.2].forEach((c, k) => expect(Math.abs(conf[k] - c)).toBeLessThan(1e-15));
    expect(() => boundaryTable({ classes: new Uint8Array(3), confidence: new Uint8Array(3) }, 2, { x0: 0, x1: 1, y0: 0, y1: 1 })).toThrow(/3 cells, not 2² = 4/);
  });
  test('sweepTable: 3 rates; a diverged network has no loss and is marked, in rate order', () => {
    const t = sweepTable({
      lines: { plain: [{ s: 0.01, v: 0.9 }, { s: 0.1, v: 0.5 }], bn: [{ s: 0.01, v: 0.8 }, { s: 0.1, v: 0.4 }, { s: 1, v: 0.3 }] },
      diverged: { plain: [1], bn: [] },
      rows: [{ lr: 1, plain: 'diverged at step 3', bn: '0.3' }, { lr: 0.01, plain: '0.9', bn: '0.8' }, { lr: 0.1, plain: '0.5', bn: '0.4' }],
      largestSurvived: { plain: 0.1, bn: 1 },
    });
    expect(t.rows).toEqual([
      { lr: 0.01, plain: 0.9, bn: 0.8, plainDiverged: false, bnDiverged: false },
      { lr: 0.1, plain: 0.5, bn: 0.4, plainDiverged: false, bnDiverged: false },
      { lr: 1, plain: null, bn: 0.3, plainDiverged: true, bnDiverged: false },
    ]);
  });
});
