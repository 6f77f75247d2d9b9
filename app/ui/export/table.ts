import { fmt } from '../format';

/**
 * A chart's data as a table: what "Show data as a table", "Download CSV" and "Download JSON" share.
 * Each row maps a column key to its value; numbers stay full float64 until a format is chosen.
 */
export type Cell = number | string | boolean | null | undefined;

export interface ExportColumn {
  /** Key in each row. */
  key: string;
  /** Column heading, with the unit if it has one ("training step", "test loss"). */
  label: string;
  /** Significant digits shown in the on-screen table (downloads keep every digit). Default 4. */
  digits?: number;
}

export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly Readonly<Record<string, Cell>>[];
}

/** A cell as on-screen text: numbers through `fmt` (non-finite values in words), empty cells as an en dash. */
export function cellText(value: Cell, digits = 4): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') return fmt(value, digits);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** A table from its rows and its columns' headings by key, in order: `tableOf(rows, { m: 'batch size m', … })`. */
export function tableOf(rows: ExportTable['rows'], labels: Readonly<Record<string, string>>): ExportTable {
  return { columns: Object.entries(labels).map(([key, label]) => ({ key, label })), rows };
}

/**
 * Builds a table from parallel columns: `fromColumns([{key: 'x', label: 'x', values: xs}, …])`.
 * Columns may have different lengths; missing cells are undefined. `values` is any array-like (Float64Array too).
 */
export function fromColumns(columns: readonly (ExportColumn & { values: ArrayLike<Cell> })[]): ExportTable {
  const n = Math.max(0, ...columns.map((c) => c.values.length));
  const rows = Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c.key, i < c.values.length ? c.values[i] : undefined])));
  return { columns: columns.map(({ key, label, digits }) => (digits === undefined ? { key, label } : { key, label, digits })), rows };
}
