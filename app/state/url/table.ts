/**
 * The URL table: every piece of state that lives in the address, one row each.
 *
 * The rows are not written here: each slice's props table (BATCH_PROPS in slices/batch.ts, BN_PROPS,
 * NAV_PROPS, LAB_PROPS, LAB_STEP_PROPS, DECK_PROPS, BEYOND_PROPS, IMAGES_PROPS, EXERCISE_PROPS, FAMILY_PROPS, BATCH_SIZE_PROPS; see ../props.ts) gives every data key its query name, default and range, and
 * rowsOf turns each prop into a row with the constructors of ./rows.ts and ./points.ts. To put a new
 * value in the URL, add its data key to its slice's interface and a prop to the slice's table (data
 * kept out of the address gets its initial value in the slice itself, and is listed in NOT_IN_URL).
 * Rows appear in table order, which is the order `serializeQuery` writes them. Query names must be unique across the table (the lab's seed is `lab-seed`); this module
 * throws at load if two rows share a name or a key.
 *
 * Parsing (./parse.ts) and writing (./serialize.ts) both read only this table.
 */
import type { Points, Prop, PropFor } from '../props';
import { BATCH_PROPS } from '../slices/batch';
import { BN_PROPS } from '../slices/bn';
import { NAV_PROPS } from '../slices/nav';
import { LAB_PROPS } from '../slices/lab';
import { LAB_STEP_PROPS } from '../slices/labStep';
import { DECK_PROPS } from '../slices/deck';
import type { Deck } from '../deck/deck';
import { deckRow } from './deckRow';
import { BEYOND_PROPS } from '../slices/beyond';
import { IMAGES_PROPS } from '../slices/images';
import { EXERCISE_PROPS } from '../slices/exercise';
import { FAMILY_PROPS } from '../slices/family';
import { BATCH_SIZE_PROPS } from '../slices/batchSize';
import type { State } from '../state';
import { pointsRow } from './points';
import { booleanRow, enumRow, numberRow, type AnyRow, type DataKey, type KeyOf } from './rows';

/** The version of the URL format, written as `v=1`; bump it and migrate when a row changes meaning. */
export const URL_VERSION = 1;
export const VERSION_PARAM = 'v';

/** Props of some of the state's data keys, each of the kind its value needs. */
type SomeProps = { readonly [K in DataKey]?: PropFor<State[K]> };

/** The URL row of one prop. */
function rowOf(key: DataKey, p: Prop): AnyRow {
  switch (p.kind) {
    case 'number':
      // UrlRow<K> for the union of number keys; TypeScript stops relating such unions member by member past 25.
      return numberRow(key as KeyOf<number>, p) as unknown as AnyRow;
    case 'enum':
      // Each enum key has its own words: the row is typed for their union, the table for each key.
      return enumRow(key as KeyOf<string>, p as Parameters<typeof enumRow>[1]) as unknown as AnyRow;
    case 'boolean':
      return booleanRow(key as KeyOf<boolean>, p);
    case 'points':
      return pointsRow(key as KeyOf<Points>, p);
    case 'deck':
      // Its pins hold other rows' values: it reads them from the whole table, once the table is made.
      return deckRow(key as KeyOf<Deck>, p, () => URL_TABLE);
  }
}

/** A props table's URL rows, in its order. */
export function rowsOf(props: SomeProps): AnyRow[] {
  return Object.entries<Prop>(props as Record<string, Prop>).map(([key, p]) => rowOf(key as DataKey, p));
}

export const URL_TABLE: readonly AnyRow[] = checkTable([...rowsOf(BATCH_PROPS), ...rowsOf(BN_PROPS), ...rowsOf(NAV_PROPS), ...rowsOf(LAB_PROPS), ...rowsOf(LAB_STEP_PROPS), ...rowsOf(DECK_PROPS), ...rowsOf(BEYOND_PROPS), ...rowsOf(IMAGES_PROPS), ...rowsOf(EXERCISE_PROPS), ...rowsOf(FAMILY_PROPS), ...rowsOf(BATCH_SIZE_PROPS)]);

/**
 * Data in the store that deliberately stays out of the address (e.g. a training run's progress,
 * which a link reproduces by its settings and seed). Every other data key must have a row; a test checks.
 */
export const NOT_IN_URL: readonly DataKey[] = [];

/** The state's values that the URL holds, by key. */
export type UrlValues = Partial<Pick<State, DataKey>>;

function checkTable(rows: readonly AnyRow[]): readonly AnyRow[] {
  const seen = new Set<string>([VERSION_PARAM]);
  for (const row of rows) {
    for (const name of [`param:${row.param}`, `key:${row.key}`]) {
      if (seen.has(name)) throw new Error(`URL table: ${name} appears twice`);
      seen.add(name);
    }
    if (row.param !== row.param.toLowerCase() || !/^[a-z][a-z0-9-]*$/.test(row.param)) {
      throw new Error(`URL table: query name "${row.param}" must be lower-case letters, digits and hyphens`);
    }
  }
  return rows;
}

/** The URL's values picked out of the whole state. */
export function urlValues(state: State, table: readonly AnyRow[] = URL_TABLE): UrlValues {
  const out: Record<string, unknown> = {};
  for (const row of table) out[row.key] = state[row.key];
  return out as UrlValues;
}

/** Every row at its default. */
export function defaultValues(table: readonly AnyRow[] = URL_TABLE): UrlValues {
  const out: Record<string, unknown> = {};
  for (const row of table) out[row.key] = row.default;
  return out as UrlValues;
}

/** Keys whose values differ between a and b. */
export function changedRows(a: UrlValues, b: UrlValues, table: readonly AnyRow[] = URL_TABLE): AnyRow[] {
  return table.filter((row) => !sameValue(row, a, b));
}

function sameValue(row: AnyRow, a: UrlValues, b: UrlValues): boolean {
  const x = a[row.key];
  const y = b[row.key];
  if (x === undefined || y === undefined) return x === y;
  return (row.same as (p: unknown, q: unknown) => boolean)(x, y);
}
