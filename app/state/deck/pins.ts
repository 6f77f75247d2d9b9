import type { State } from '../state';
import type { AnyRow, DataKey } from '../url/rows';
import type { Pin } from './deck';

/**
 * What a deck's step can pin: every setting in the URL table except where the reader is and how the
 * deck looks — the section and the passes' equation (the step sets those), presentation mode, the
 * step, the zoom, the theme — and the deck itself. So: the seed, the sliders, dragged points, the lab's
 * settings and step, and how many of the step's parts are shown.
 *
 * These functions take the table as an argument: the deck's own URL row (../url/deckRow.ts) is part of
 * that table, and reads pins with them.
 */
const NOT_PINNED: ReadonlySet<DataKey> = new Set<DataKey>(['section', 'forwardStep', 'backwardStep', 'presenting', 'step', 'zoom', 'theme', 'deck']);

/** The rows a pin may hold, in table order. */
export function pinnableRows(table: readonly AnyRow[]): AnyRow[] {
  return table.filter((row) => !NOT_PINNED.has(row.key));
}

/** Values of the URL's rows, by key (as ../url/table.ts's UrlValues, which this module cannot import: that table holds the deck's row). */
type Values = Partial<Pick<State, DataKey>>;
const sameAs = (row: AnyRow, a: unknown, b: unknown) => (row.same as (x: unknown, y: unknown) => boolean)(a, b);
const write = (row: AnyRow, v: unknown) => (row.write as (x: unknown) => string)(v);

/** The pin of these values: each pinnable setting that differs from its default, as the URL writes it, in table order. */
export function capturePin(values: Values, table: readonly AnyRow[]): Pin {
  const pin: Record<string, string> = {};
  for (const row of pinnableRows(table)) {
    const v = values[row.key];
    if (v !== undefined && !sameAs(row, v, row.default)) pin[row.param] = write(row, v);
  }
  return pin;
}

/**
 * Reads one pinned setting (query name and text) as a deck link holds it: its canonical text, or
 * undefined when the name is not a pinnable setting or the value is unusable (each reported). A
 * value out of range is clamped, as in the address.
 */
export function readPin(table: readonly AnyRow[], param: string, text: string, report: (message: string) => void): string | undefined {
  const row = pinnableRows(table).find((r) => r.param === param);
  if (!row) {
    report(`“${param}” is not a setting a step can pin; it was ignored.`);
    return undefined;
  }
  const value = row.read(text, report);
  return value === undefined ? undefined : write(row, value);
}

/**
 * What entering a step with this pin sets: every pinnable setting at its default, then the pinned
 * ones (read from their canonical text; a pin from a decoded deck reads without a word).
 */
export function pinnedValues(pin: Pin, table: readonly AnyRow[]): Values {
  const out: Record<string, unknown> = {};
  for (const row of pinnableRows(table)) {
    const text = pin[row.param];
    const v = text === undefined ? undefined : row.read(text, () => undefined);
    out[row.key] = v === undefined ? row.default : v;
  }
  return out as Values;
}

/** A pin in words for the editor, e.g. "seed 7, gamma 2"; "the defaults" for a pin of nothing. */
export function describePin(pin: Pin): string {
  const parts = Object.entries(pin).map(([param, text]) => `${param} ${text === '' ? '(none)' : text}`);
  return parts.length === 0 ? 'the defaults' : parts.join(', ');
}
