import { describe, expect, test } from 'vitest';
import { formatNumber } from '../../../../app/state/url/numbers';
import { parseQuery } from '../../../../app/state/url/parse';
import { serializeQuery } from '../../../../app/state/url/serialize';
import { URL_TABLE, defaultValues, type UrlValues } from '../../../../app/state/url/table';
import { identityParams } from '../../../../src/bnSteps';

const row = (param: string) => {
  const r = URL_TABLE.find((x) => x.param === param);
  if (!r) throw new Error(`no row ${param}`);
  return r;
};
const numberMax = (param: string) => {
  const spec = row(param).spec;
  if (spec.kind !== 'number') throw new Error(`${param} is not a number row`);
  return spec.max();
};
/** Parses one parameter; returns its value and the notices. */
const one = (param: string, raw: string) => {
  const { values, notices } = parseQuery(`${param}=${encodeURIComponent(raw)}`);
  return { value: values[row(param).key], notices };
};

describe('formatNumber writes the shortest text that reads back as the same float64', () => {
  test.each([
    [1, '1'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e-5, '0.00001'],
    [1e-7, '1e-7'],
    [1e21, '1e21'],
    [-0, '-0'],
    [5e-324, '5e-324'],
    [Number.MAX_VALUE, '1.7976931348623157e308'],
  ])('%s → %s, and back to the same bits', (x, text) => {
    expect(formatNumber(x)).toBe(text);
    expect(Object.is(Number(text), x)).toBe(true);
  });
});

// [param, raw value, expected state value, notice pattern (null = no notice)]
type Case = [string, string, unknown, RegExp | null];
const cases: Case[] = [
  // seed: a whole number in [0, 2³² − 1]
  ['seed', '42', 42, null],
  ['seed', ' 7 ', 7, null],
  ['seed', '1e3', 1000, null],
  ['seed', '-1', 0, /seed=“-1” is below the smallest allowed value; using 0/],
  ['seed', '2.5', 3, /not a whole number; using 3/],
  ['seed', '99999999999', 2 ** 32 - 1, /above the largest allowed value; using 4294967295/],
  ['seed', 'abc', 1, /seed=“abc” is not a number; using the default, 1/],
  ['seed', '', 1, /is not a number/],
  ['seed', '0x10', 1, /is not a number/],
  // m: batch size
  ['m', '16', 16, null],
  ['m', '1', 2, /below the smallest/],
  ['m', '1000', 64, /above the largest/],
  ['m', '8.4', 8, /not a whole number; using 8/],
  // shift and scale
  ['shift', '-3.25', -3.25, null],
  ['shift', '\u22123', -3, null],
  ['shift', '1e 1', 10, null],
  ['shift', 'Infinity', 2, /is not a number/],
  ['shift', 'NaN', 2, /is not a number/],
  ['shift', '-11', -10, /below the smallest/],
  ['scale', '0', 0, null],
  ['scale', '-1', 0, /below the smallest/],
  ['offset', '1e10', 1e10, null],
  ['offset', '1e11', 1e10, /above the largest/],
  // dragged points, counted from 1 in the URL
  ['points', '3:1.25,5:-0.5', { 2: 1.25, 4: -0.5 }, null],
  ['points', ' 1 : 2 ', { 0: 2 }, null],
  ['points', '', {}, null],
  ['points', ',,', {}, null],
  ['points', '0:1,2:1', { 1: 1 }, /there is no sample 0/],
  ['points', '65:1', {}, /there is no sample 65/],
  ['points', '3:abc,4:1', { 3: 1 }, /“3:abc” is not “sample:value”/],
  ['points', '3:1,3:2', { 2: 1 }, /sample 3 is given twice/],
  ['points', '3:1000', { 2: 50 }, /sample 3 = “1000” is out of range; using 50/],
  // batch-norm knobs
  ['eps', '1e-7', 1e-7, null],
  ['eps', '0', 0, null],
  ['eps', '-1e-5', 0, /below the smallest/],
  // numbers a float64 cannot hold: too small reads as 0, too large as Infinity; both are said
  ['eps', '1e-400', 0, /^eps=“1e-400” is too small for a 64-bit number \(the smallest is about 5e-324\); using 0\.$/],
  ['eps', '2e-324', 0, /too small for a 64-bit number/],
  ['eps', '5e-324', 5e-324, null],
  ['eps', '0.0e-400', 0, null],
  ['k', '1e-400', 0.01, /below the smallest allowed value; using 0.01/],
  ['gamma', '1e400', 60, /^gamma=“1e400” is above the largest allowed value; using 60\.$/],
  ['gamma', '\u22121e400', -60, /below the smallest allowed value; using -60/],
  ['seed', '1e400', 2 ** 32 - 1, /above the largest allowed value/],
  ['points', '3:1e-400', { 2: 0 }, /^points: sample 3 = “1e-400” is too small for a 64-bit number; using 0\.$/],
  ['gamma', '2', 2, null],
  ['gamma', '-0', -0, null],
  ['gamma', '0.30000000000000004', 0.30000000000000004, null],
  ['beta', '61', 60, /above the largest/],
  ['bias', '-0.5', -0.5, null],
  ['placement', 'after', 'after', null],
  ['placement', ' AFTER ', 'after', null],
  ['placement', 'middle', 'before', /placement=“middle” is not one of before, after; using the default, before/],
  ['k', '0', 0.01, /below the smallest/],
  ['mode', 'eval', 'eval', null],
  ['mode', 'test', 'train', /not one of train, eval/],
  ['momentum', '0', 0.01, /below the smallest/],
  ['net-steps', '61', 60, /above the largest/],
  // where the reader is
  ['section', 'mean', 'mean', null],
  ['section', 'nowhere', 'why', /not a section of this notebook/],
  ['present', '1', true, null],
  ['present', '', true, null],
  ['present', 'yes', true, null],
  ['present', '0', false, null],
  ['present', 'maybe', false, /present=“maybe” is not 1 or 0/],
  ['step', '1', 0, null],
  ['step', '0', 0, /below the smallest/],
  ['forward', '0', 0, /below the smallest/],
  ['backward', '-2', 0, /below the smallest/],
  ['theme', 'projector', 'projector', null],
  ['theme', ' Dark ', 'dark', null],
  ['theme', 'neon', 'system', /theme=“neon” is not one of system, light, dark, projector; using the default, system/],
];

describe('each parameter reads its edge cases (value, then notice)', () => {
  test.each(cases)('%s=%j → %j', (param, raw, expected, notice) => {
    const { value, notices } = one(param, raw);
    expect(value).toEqual(expected);
    if (typeof expected === 'number') expect(Object.is(value, expected)).toBe(true);
    if (notice === null) expect(notices).toEqual([]);
    else {
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(notice);
    }
  });

  test('steps count from 1 in the URL and are clamped to the number of steps', () => {
    for (const param of ['step', 'forward', 'backward']) {
      const last = numberMax(param);
      expect(one(param, String(last + 1)).value).toBe(last);
      const over = one(param, String(last + 5));
      expect(over.value).toBe(last);
      expect(over.notices[0]).toMatch(`using ${last + 1}`);
    }
  });
});

describe('the query as a whole', () => {
  test('unknown names are ignored and listed (at most five by name)', () => {
    const { values, notices } = parseQuery('?gamma=2&a=1&b=2&c=3&d=4&e=5&f=6&g=7');
    expect(values.gamma).toBe(2);
    expect(notices).toEqual(['Ignored “a”, “b”, “c”, “d”, “e” and 2 more: not settings of this notebook.']);
  });

  test('names are case-insensitive; a repeated name keeps its first value and says so', () => {
    const { values, notices } = parseQuery('GAMMA=2&gamma=3&gamma=4');
    expect(values.gamma).toBe(2);
    expect(notices).toEqual(['“gamma” appears more than once; the first value was used.']);
  });

  test('v=1 is silent; another version is read as version 1, with a notice', () => {
    expect(parseQuery('v=1&beta=1').notices).toEqual([]);
    const later = parseQuery('v=7&beta=1');
    expect(later.values.beta).toBe(1);
    expect(later.notices[0]).toMatch(/version “7”/);
  });

  test('a value full of markup comes back as a quoted, shortened plain-text notice', () => {
    const { notices } = parseQuery(`gamma=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(notices[0]).toBe('gamma=“<img src=x onerror=aler…” is not a number; using the default, 1.');
  });

  test('the empty query and "?" give every default with no notice', () => {
    for (const q of ['', '?', '?&&']) expect(parseQuery(q)).toEqual({ values: defaultValues(), notices: [] });
  });
});

describe('writing', () => {
  test('all defaults write nothing: the plain address is the default page', () => {
    expect(serializeQuery(defaultValues())).toBe('');
  });

  test('only changed values are written, after v=1, in table order, human-readable', () => {
    const values: UrlValues = {
      ...defaultValues(),
      gamma: 2,
      eps: 1e-7,
      m: 16,
      overrides: { 4: -0.5, 2: 1.25 },
      placement: 'after',
      presenting: true,
      step: 4,
      section: 'mean',
    };
    expect(serializeQuery(values)).toBe('v=1&m=16&points=3:1.25,5:-0.5&eps=1e-7&gamma=2&placement=after&section=mean&present=1&step=5');
  });
});

describe('the identity undo survives a link at the extremes of the batch', () => {
  // Dragged points lie in [−50, 50]; section 8 sets γ = √(σ² + ε) and β = μ from the engine.
  const extremes: [string, number[]][] = [
    ['all points at +50 (μ = 50, σ² = 0)', Array(64).fill(50)],
    ['all points at −50 (μ = −50)', Array(64).fill(-50)],
    ['half at −50, half at +50 (σ = 50)', Array.from({ length: 64 }, (_, i) => (i % 2 ? 50 : -50))],
  ];
  test.each(extremes)('%s: γ and β read back bit for bit', (_name, z) => {
    const { gamma, beta } = identityParams(z, 1e-5);
    const values: UrlValues = { ...defaultValues(), gamma, beta };
    const back = parseQuery(serializeQuery(values));
    expect(back.notices).toEqual([]);
    expect(back.values.gamma).toBe(gamma);
    expect(back.values.beta).toBe(beta);
  });
});
