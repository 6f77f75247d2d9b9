import type { Cell, ExportTable } from './table';

/**
 * RFC 4180 CSV of a table: a header row of column labels, then one line per row, CRLF line ends.
 * Numbers keep every digit (the shortest text that reads back as the same float64); a non-finite
 * number, null or undefined is an empty field, so spreadsheets and pandas read it as missing.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => field(c.label)), ...table.rows.map((row) => table.columns.map((c) => field(row[c.key])))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Parses CSV produced by `toCsv` (quoted fields, doubled quotes, CRLF) back into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
