import { quote, type AnyRow } from './rows';
import { URL_TABLE, URL_VERSION, VERSION_PARAM, defaultValues, type UrlValues } from './table';

export interface ParseResult {
  /** Every row's value: read from the query, or its default. Always valid against the table. */
  values: UrlValues;
  /** What was ignored or changed, in words, for the page's notice. Plain text, never HTML. */
  notices: string[];
}

const MAX_LISTED = 5;

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).map(quote).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

/**
 * Reads a query string (with or without "?") against the table. Never throws: unknown names are
 * ignored, bad values fall back to the default, out-of-range numbers are clamped, and each of these
 * is reported in `notices`. Names are matched case-insensitively; if a name repeats, the first wins.
 */
export function parseQuery(query: string, table: readonly AnyRow[] = URL_TABLE): ParseResult {
  const values = defaultValues(table) as Record<string, unknown>;
  const notices: string[] = [];
  const report = (m: string) => notices.push(m);
  let params: [string, string][];
  try {
    params = [...new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)];
  } catch {
    return { values: values as UrlValues, notices: ['The address could not be read; the notebook opened with its defaults.'] };
  }
  const byName = new Map(table.map((row) => [row.param, row]));
  const unknown: string[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const [rawName, raw] of params) {
    const name = rawName.trim().toLowerCase();
    if (seen.has(name)) {
      if (!repeated.has(name)) report(`${quote(rawName)} appears more than once; the first value was used.`);
      repeated.add(name);
      continue;
    }
    seen.add(name);
    if (name === VERSION_PARAM) {
      if (raw.trim() !== String(URL_VERSION)) {
        report(`This link says version ${quote(raw)}; this notebook reads version ${URL_VERSION} links, and read it as one.`);
      }
      continue;
    }
    const row = byName.get(name);
    if (!row) {
      unknown.push(rawName);
      continue;
    }
    const value = row.read(raw, report);
    if (value !== undefined) values[row.key] = value;
  }
  if (unknown.length > 0) {
    report(`Ignored ${listNames(unknown)}: ${unknown.length === 1 ? 'not a setting' : 'not settings'} of this notebook.`);
  }
  return { values: values as UrlValues, notices };
}
