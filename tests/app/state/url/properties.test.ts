import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import type { AnyRow } from '../../../../app/state/url/rows';
import { parseQuery } from '../../../../app/state/url/parse';
import { serializeQuery } from '../../../../app/state/url/serialize';
import { URL_TABLE, type UrlValues } from '../../../../app/state/url/table';
import { deckOf } from '../deck/arbitraries';

/** Any valid value of one row, from the row's own spec (its range or allowed values). */
function rowValue(row: AnyRow): fc.Arbitrary<unknown> {
  const spec = row.spec;
  switch (spec.kind) {
    case 'number':
      return spec.integer
        ? fc.integer({ min: spec.min(), max: spec.max() })
        : fc.double({ min: spec.min(), max: spec.max(), noNaN: true });
    case 'enum':
      return fc.constantFrom(...spec.values());
    case 'boolean':
      return fc.boolean();
    case 'points':
      return fc
        .array(fc.tuple(fc.integer({ min: 0, max: spec.maxIndex() }), fc.double({ min: spec.min, max: spec.max, noNaN: true })), { maxLength: 8 })
        .map((pairs) => {
          const out: Record<number, number> = {};
          for (const [i, v] of pairs) if (!(i in out)) out[i] = v;
          return out;
        });
    case 'deck':
      // Short decks: the deck's own tests (tests/app/state/deck/codec.node.test.ts) take them up to DECK_MAX.
      return deckOf(4);
  }
}

/** Any state the URL can hold: every row, each at any valid value. */
const anyState: fc.Arbitrary<UrlValues> = fc.record(Object.fromEntries(URL_TABLE.map((row) => [row.key, rowValue(row)]))) as fc.Arbitrary<UrlValues>;

/** Valid = each row's value passes that row's zod schema. */
const validState = () => z.object(Object.fromEntries(URL_TABLE.map((row) => [row.key, row.schema()]))).strict();

/** Queries made of the table's own names (and some strangers) with arbitrary values. */
const nearMissQuery = fc
  .array(fc.tuple(fc.constantFrom(...URL_TABLE.map((r) => r.param), 'v', 'V', 'Gamma', 'x', ''), fc.string({ unit: 'binary', maxLength: 30 })), { maxLength: 12 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '?'))}`).join('&'));

describe('URL properties (fast-check)', () => {
  test('for any state, state → URL → state is the identity, bit for bit, with no notice', () => {
    fc.assert(
      fc.property(anyState, (state) => {
        const { values, notices } = parseQuery(serializeQuery(state));
        expect(notices).toEqual([]);
        // toEqual tells −0 from 0 and compares every double exactly.
        expect(values).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  test('for any string as the query, parsing never throws and yields a valid state', () => {
    const schema = validState();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.webQueryParameters(), nearMissQuery), (query) => {
        const { values, notices } = parseQuery(query);
        expect(schema.safeParse(values).success).toBe(true);
        for (const n of notices) expect(typeof n).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  test('for any query, what was read writes back to a link that reads the same, with no notice', () => {
    fc.assert(
      fc.property(fc.oneof(nearMissQuery, fc.string({ maxLength: 80 })), (query) => {
        const first = parseQuery(query).values;
        const again = parseQuery(serializeQuery(first));
        expect(again.notices).toEqual([]);
        expect(again.values).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
