import { expect, test } from 'vitest';
import { createAppStore } from '../../../../app/state/store';
import { NOT_IN_URL, URL_TABLE, VERSION_PARAM } from '../../../../app/state/url/table';

test('each URL row’s default is the store’s initial value (so an empty query is the fresh page)', () => {
  const initial = createAppStore().getState();
  for (const row of URL_TABLE) expect([row.key, row.default]).toEqual([row.key, initial[row.key]]);
});

test('query names are unique, lower case, and never the version name', () => {
  const names = URL_TABLE.map((r) => r.param);
  expect(new Set(names).size).toBe(names.length);
  expect(names).not.toContain(VERSION_PARAM);
  for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9-]*$/);
});

test('every row’s default is one of its own allowed values', () => {
  for (const row of URL_TABLE) expect([row.param, row.schema().safeParse(row.default).success]).toEqual([row.param, true]);
});

test('every piece of data in the store has a URL row, unless listed in NOT_IN_URL', () => {
  const initial = createAppStore().getState();
  const data = Object.entries(initial)
    .filter(([, v]) => typeof v !== 'function')
    .map(([k]) => k);
  const covered = new Set<string>([...URL_TABLE.map((r) => r.key), ...NOT_IN_URL]);
  expect(data.filter((k) => !covered.has(k))).toEqual([]);
});
