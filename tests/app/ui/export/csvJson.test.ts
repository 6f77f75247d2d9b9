import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from '../../../../app/ui/export/csv';
import { toJson } from '../../../../app/ui/export/json';
import { cellText, fromColumns, type ExportTable } from '../../../../app/ui/export/table';

const CURVE: ExportTable = {
  columns: [
    { key: 'step', label: 'training step' },
    { key: 'bn', label: 'test loss, with BN' },
    { key: 'plain', label: 'test loss, without BN' },
  ],
  rows: [
    { step: 0, bn: 2.302585092994046, plain: 2.302585092994046 },
    { step: 10, bn: 0.1 + 0.2, plain: Number.NaN },
    { step: 20, bn: 1e-17, plain: Infinity },
  ],
};

describe('toCsv', () => {
  test('3 rows × 3 columns: header of labels (quoted when they hold a comma), every float64 digit, non-finite as empty, CRLF', () => {
    expect(toCsv(CURVE)).toBe(
      'training step,"test loss, with BN","test loss, without BN"\r\n' +
        '0,2.302585092994046,2.302585092994046\r\n' +
        '10,0.30000000000000004,\r\n' +
        '20,1e-17,\r\n',
    );
  });
  test('text with quotes, newlines or edge spaces is quoted with doubled quotes; null/undefined/booleans', () => {
    const t: ExportTable = { columns: [{ key: 'a', label: 'a' }, { key: 'b', label: 'b' }], rows: [{ a: 'say "hi"', b: 'two\nlines' }, { a: ' pad', b: null }, { a: true }] };
    expect(toCsv(t)).toBe('a,b\r\n"say ""hi""","two\nlines"\r\n" pad",\r\ntrue,\r\n');
  });
  test('property: any table (1–20 rows) of finite doubles and strings reads back cell for cell (numbers bit-identical, −0 as 0)', () => {
    const cell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string());
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (pairs) => {
        const table: ExportTable = { columns: [{ key: 'x', label: 'x' }, { key: 'y', label: 'y, "quoted"' }], rows: pairs.map(([x, y]) => ({ x, y })) };
        const back = parseCsv(toCsv(table));
        expect(back[0]).toEqual(['x', 'y, "quoted"']);
        back.slice(1).forEach((row, i) =>
          pairs[i].forEach((v, j) => {
            if (typeof v === 'number') expect(Number(row[j])).toBe(v === 0 ? 0 : v); // −0 prints as 0
            else expect(row[j]).toBe(v);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('toJson', () => {
  test('chart, sorted config, columns and rows; NaN/∞ become null with a note in words', () => {
    const json = JSON.parse(toJson('Test loss', CURVE, { seed: 1, lr: 0.1, net: { width: 16, depth: 2 } }));
    expect(json.chart).toBe('Test loss');
    expect(Object.keys(json.config)).toEqual(['lr', 'net', 'seed']);
    expect(Object.keys(json.config.net)).toEqual(['depth', 'width']);
    expect(json.columns).toEqual(CURVE.columns);
    expect(json.data).toEqual([
      { step: 0, bn: 2.302585092994046, plain: 2.302585092994046 },
      { step: 10, bn: 0.30000000000000004, plain: null },
      { step: 20, bn: 1e-17, plain: null },
    ]);
    expect(json.notes).toEqual(['1 value was undefined (NaN), written as null', '1 value was +∞, written as null']);
    expect(json.link).toBeUndefined();
  });
  test('the link to the state that produced the data is saved beside the config', () => {
    const json = JSON.parse(toJson('Test loss', CURVE, {}, 'https://example.org/bn/?m=8&seed=3'));
    expect(Object.keys(json)).toEqual(['chart', 'config', 'link', 'columns', 'data', 'notes']);
    expect(json.link).toBe('https://example.org/bn/?m=8&seed=3');
  });
  test('typed arrays in the config are plain arrays; same input, byte-identical output; no notes when all finite', () => {
    const table = fromColumns([{ key: 'z', label: 'z', values: new Float64Array([0.5, -1.25]) }]);
    const a = toJson('z', table, { z: new Float64Array([1, 2]), eps: 1e-5 });
    expect(a).toBe(toJson('z', table, { eps: 1e-5, z: new Float64Array([1, 2]) }));
    const json = JSON.parse(a);
    expect(json.config.z).toEqual([1, 2]);
    expect(json.data).toEqual([{ z: 0.5 }, { z: -1.25 }]);
    expect(json.notes).toBeUndefined();
  });
});

describe('table helpers', () => {
  test('fromColumns: parallel columns of different lengths → rows, missing cells undefined (3 rows)', () => {
    const t = fromColumns([
      { key: 'i', label: 'i', values: [1, 2, 3] },
      { key: 'v', label: 'v', values: new Float64Array([0.25, 0.5]), digits: 2 },
    ]);
    expect(t.columns).toEqual([{ key: 'i', label: 'i' }, { key: 'v', label: 'v', digits: 2 }]);
    expect(t.rows).toEqual([{ i: 1, v: 0.25 }, { i: 2, v: 0.5 }, { i: 3, v: undefined }]);
  });
  test('cellText: numbers via fmt (NaN in words, never "NaN"), empty as an en dash, booleans as yes/no', () => {
    expect(cellText(0.123456, 3)).toBe('0.123');
    expect(cellText(-2)).toBe('−2');
    expect(cellText(Number.NaN)).toBe('undefined');
    expect(cellText(Infinity)).toBe('∞');
    expect(cellText(null)).toBe('–');
    expect(cellText(undefined)).toBe('–');
    expect(cellText(false)).toBe('no');
    expect(cellText('relu')).toBe('relu');
  });
});

describe('batch export helpers (sections 2–10)', () => {
  test('sampleTable: a column "sample i" = 1…m before the plotted quantities (m = 3)', async () => {
    const { sampleTable } = await import('../../../../app/notebook/shared/batchExport');
    const t = sampleTable([{ key: 'z', label: 'z', values: new Float64Array([0.5, -1, 2]) }]);
    expect(t.columns.map((c) => c.label)).toEqual(['sample i', 'z']);
    expect(t.rows).toEqual([{ i: 1, z: 0.5 }, { i: 2, z: -1 }, { i: 3, z: 2 }]);
  });
  test('batchSettings: the store\'s batch and BN controls now, plus extras', async () => {
    const { batchSettings } = await import('../../../../app/notebook/shared/batchExport');
    const { appStore } = await import('../../../../app/state/store');
    appStore.getState().setBatch({ m: 5, seed: 9 });
    appStore.getState().setPoint(2, 1.25);
    appStore.getState().setBn({ gamma: 2 });
    const d = appStore.getInitialState();
    expect(batchSettings({ section: 7 })).toEqual({ seed: 9, m: 5, shift: d.shift, scale: d.scale, draggedPoints: { 2: 1.25 }, eps: d.eps, gamma: 2, beta: d.beta, section: 7 });
    appStore.setState(appStore.getInitialState(), true);
  });
});

describe('histogramTable', () => {
  test('two histograms over 3 shared bins: edges then counts per histogram; other bins are refused in words', async () => {
    const { histogramTable } = await import('../../../../app/notebook/shared/batchExport');
    const { histogram } = await import('../../../../src');
    const a = histogram(new Float64Array([0.1, 0.2, 1.5, 2.9]), 3, 0, 3);
    const b = histogram(new Float64Array([2.5, 2.6]), 3, 0, 3);
    const t = histogramTable([{ key: 'z', label: 'z', hist: a }, { key: 'a', label: 'A', hist: b }]);
    expect(t.columns.map((c) => c.label)).toEqual(['bin from', 'bin to', 'z (count)', 'A (count)']);
    expect(t.rows).toEqual([
      { from: 0, to: 1, z: 2, a: 0 },
      { from: 1, to: 2, z: 1, a: 0 },
      { from: 2, to: 3, z: 1, a: 2 },
    ]);
    expect(() => histogramTable([{ key: 'z', label: 'z', hist: a }, { key: 'c', label: 'C', hist: histogram(new Float64Array([1]), 2, 0, 3) }])).toThrow(/"C" has other bins than "z"/);
  });
});
