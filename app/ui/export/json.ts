import type { Cell, ExportTable } from './table';

export interface ChartExport {
  /** What the chart shows. */
  chart: string;
  /** The settings that produced the data (seed, learning rate, …), as given. */
  config: Record<string, unknown>;
  /** The notebook's address in this state: opening it reproduces the same numbers. */
  link?: string;
  columns: { key: string; label: string }[];
  /** One object per row; a non-finite number is null, with its meaning in `notes`. */
  data: Record<string, string | number | boolean | null>[];
  notes?: string[];
}

/**
 * The chart's data and configuration as one JSON document (2-space indent, stable key order, no
 * timestamp, so the same state exports byte-identical files). JSON has no NaN or ∞: those cells
 * become null and a note says which values they were.
 */
export function toJson(chart: string, table: ExportTable, config: Record<string, unknown> = {}, link?: string): string {
  const nonFinite = new Map<string, number>();
  const data = table.rows.map((row) =>
    Object.fromEntries(
      table.columns.map((c) => {
        const v: Cell = row[c.key];
        if (typeof v === 'number' && !Number.isFinite(v)) {
          const word = Number.isNaN(v) ? 'undefined (NaN)' : v > 0 ? '+∞' : '−∞';
          nonFinite.set(word, (nonFinite.get(word) ?? 0) + 1);
          return [c.key, null];
        }
        return [c.key, v === undefined ? null : v];
      }),
    ),
  );
  const out: ChartExport = { chart, config: sortKeys(config) as Record<string, unknown>, ...(link ? { link } : {}), columns: table.columns.map(({ key, label }) => ({ key, label })), data };
  if (nonFinite.size > 0) out.notes = [...nonFinite].map(([word, n]) => `${n} value${n === 1 ? '' : 's'} ${n === 1 ? 'was' : 'were'} ${word}, written as null`);
  return JSON.stringify(out, replacer, 2) + '\n';
}

/** Typed arrays as plain arrays, non-finite config numbers as words. */
function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  return value;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}
