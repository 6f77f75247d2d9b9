import type { AnyRow } from './rows';
import { URL_TABLE, URL_VERSION, VERSION_PARAM, type UrlValues } from './table';

/**
 * Percent-encodes a query value, leaving the ":" and "," of point lists and the ";" and "/" of a
 * deck readable, and writing a space as "+" (as a form does; a deck's notes are words).
 */
function encodeValue(s: string): string {
  return encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%3B/gi, ';').replace(/%2F/gi, '/').replace(/%20/g, '+');
}

/**
 * The query string (without "?") for these values: only values that differ from their default, in
 * table order, after `v=1`. All defaults give the empty string, so the plain address is the default page.
 */
export function serializeQuery(values: UrlValues, table: readonly AnyRow[] = URL_TABLE): string {
  const parts: string[] = [];
  for (const row of table) {
    const value = values[row.key];
    if (value === undefined) continue;
    const same = row.same as (a: unknown, b: unknown) => boolean;
    if (same(value, row.default)) continue;
    parts.push(`${row.param}=${encodeValue((row.write as (v: unknown) => string)(value))}`);
  }
  return parts.length === 0 ? '' : [`${VERSION_PARAM}=${URL_VERSION}`, ...parts].join('&');
}

/** An address for these values: the page's own path with the query, no hash. */
export function linkFor(values: UrlValues, location: Pick<Location, 'origin' | 'pathname'>, table?: readonly AnyRow[]): string {
  const query = serializeQuery(values, table);
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}`;
}
