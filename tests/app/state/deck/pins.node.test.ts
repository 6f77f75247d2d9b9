import { describe, expect, test } from 'vitest';
import { capturePin, describePin, pinnableRows, pinnedValues, readPin } from '../../../../app/state/deck/pins';
import { URL_TABLE, defaultValues } from '../../../../app/state/url/table';

describe('pins', () => {
  test('a pin holds the settings that differ from their defaults, as the URL writes them — never where the reader is or how the deck looks', () => {
    const values = { ...defaultValues(), seed: 7, gamma: -0.5, overrides: { 2: 4.5 }, labDataset: 'circles' as const, part: 1, section: 'lab', step: 4, presenting: true, theme: 'dark' as const, zoom: 120, forwardStep: 3 };
    expect(capturePin(values, URL_TABLE)).toEqual({ seed: '7', points: '3:4.5', gamma: '-0.5', part: '1', 'lab-data': 'circles' });
    expect(capturePin(defaultValues(), URL_TABLE)).toEqual({});
    expect(pinnableRows(URL_TABLE).map((r) => r.key)).not.toEqual(expect.arrayContaining(['section']));
    for (const key of ['section', 'forwardStep', 'backwardStep', 'presenting', 'step', 'zoom', 'theme', 'deck']) expect(pinnableRows(URL_TABLE).map((r) => r.key)).not.toContain(key);
  });

  test('entering a pinned step sets every pinnable setting: the pinned ones, the rest at their defaults', () => {
    const values = pinnedValues({ seed: '7', points: '3:4.5' }, URL_TABLE);
    expect(values).toMatchObject({ seed: 7, overrides: { 2: 4.5 }, gamma: 1, labDataset: 'spiral', part: 0 });
    expect(Object.keys(values).sort()).toEqual(pinnableRows(URL_TABLE).map((r) => r.key).sort());
  });

  test('a pinned value read from a link is checked like the address: clamped, or dropped with the reason', () => {
    const said: string[] = [];
    expect(readPin(URL_TABLE, 'gamma', '1e3', (m) => said.push(m))).toBe('60');
    expect(readPin(URL_TABLE, 'zoom', '120', (m) => said.push(m))).toBeUndefined();
    expect(readPin(URL_TABLE, 'seed', 'x', (m) => said.push(m))).toBeUndefined();
    expect(said).toEqual(['gamma=“1e3” is above the largest allowed value; using 60.', '“zoom” is not a setting a step can pin; it was ignored.', 'seed=“x” is not a number; using the default, 1.']);
  });

  test('a pin in words', () => {
    expect(describePin({ seed: '7', points: '' })).toBe('seed 7, points (none)');
    expect(describePin({})).toBe('the defaults');
  });
});
