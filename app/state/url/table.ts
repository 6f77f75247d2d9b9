/**
 * The URL table: every piece of state that lives in the address, one row each.
 *
 * Each slice keeps its rows beside it, in `slices/<slice>.url.ts`, built with the row constructors of
 * ./rows.ts (numberRow, enumRow, booleanRow) and ./points.ts (pointsRow). This file only concatenates
 * them. To put a new slice in the URL (e.g. the training lab):
 *   1. write `slices/lab.url.ts` exporting `LAB_URL = [numberRow('lr', {...}), ...] as const`, one row
 *      per control, with the control's own range, and the slice's default;
 *   2. add `...LAB_URL` to URL_TABLE below.
 * Query names must be unique across the table (the lab's seed needs its own name, e.g. `lab-seed`);
 * this module throws at load if two rows share a name or a key, and tests/app/state/url/table.test.ts checks
 * each row's default against the store's initial state.
 *
 * Parsing (./parse.ts) and writing (./serialize.ts) both read only this table.
 */
import { BATCH_URL } from '../slices/batch.url';
import { BN_URL } from '../slices/bn.url';
import { NAV_URL } from '../slices/nav.url';
import { LAB_URL } from '../slices/lab.url';
import type { State } from '../store';
import type { AnyRow, DataKey } from './rows';

/** The version of the URL format, written as `v=1`; bump it and migrate when a row changes meaning. */
export const URL_VERSION = 1;
export const VERSION_PARAM = 'v';

export const URL_TABLE: readonly AnyRow[] = checkTable([...BATCH_URL, ...BN_URL, ...NAV_URL, ...LAB_URL]);

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
