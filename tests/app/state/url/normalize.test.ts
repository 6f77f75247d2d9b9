import { describe, expect, test } from 'vitest';
import { normalizeLab } from '../../../../app/state/url/normalize';
import { parseQuery } from '../../../../app/state/url/parse';

const read = (query: string) => normalizeLab(parseQuery(query).values);

describe('lab URL values made consistent', () => {
  test.each([
    ['?lab-depth=2&lab-layer=5', 0],
    ['?lab-depth=2&lab-layer=2', 0],
    ['?lab-depth=3&lab-layer=2', 2],
    ['?lab-depth=0&lab-layer=1', 0],
    ['?lab-layer=0', 0],
  ])('%s → charted layer %i (0 = the last, as the lab draws it)', (query, layer) => {
    expect(read(query).labLayer ?? 0).toBe(layer);
  });
});
