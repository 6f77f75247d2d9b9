import { cellText, type ExportTable } from './export/table';

/** At most this many rows on screen; the CSV and JSON downloads have all of them. */
export const TABLE_MAX_ROWS = 500;

interface Props {
  id: string;
  title: string;
  table: ExportTable;
}

/** A chart's text alternative: its data as a real table, scrollable (and focusable, so keys scroll it). */
export function ChartDataTable({ id, title, table }: Props) {
  const { columns, rows } = table;
  const shown = rows.slice(0, TABLE_MAX_ROWS);
  return (
    <div className="chart-frame-table" id={id} role="region" aria-label={`Data of ${title}`} tabIndex={0}>
      <table>
        <caption>
          {title}
          {rows.length > shown.length ? ` — the first ${shown.length} of ${rows.length} rows (the CSV has all)` : ''}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="num">
                    {cellText(row[c.key], c.digits)}
                  </th>
                ) : (
                  <td key={c.key} className="num">
                    {cellText(row[c.key], c.digits)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No data yet.</p>}
    </div>
  );
}
