import { useId, useRef, useState, type ReactNode } from 'react';
import { exportData, exportImage } from './export/actions';
import type { ExportTable } from './export/table';
import { ChartDataTable } from './ChartDataTable';
import './ChartFrame.css';

interface Props {
  /** What the chart shows: names the downloads, the data table and the toolbar. */
  title: string;
  /** The chart's data (a function is called only when the table or a download needs it). */
  data: ExportTable | (() => ExportTable);
  /** The settings that produced the data, saved in the JSON (a function is called at download time). */
  config?: Record<string, unknown> | (() => Record<string, unknown>);
  caption?: ReactNode;
  /** The chart: any SVG (Recharts, hand-drawn) or canvas. */
  children: ReactNode;
}

const IMAGE = ['PNG', 'SVG'] as const;
const DATA = ['CSV', 'JSON'] as const;

/**
 * Wraps a chart with a data table on demand (its text alternative) and PNG/SVG/CSV/JSON downloads
 * behind a "Download" disclosure (two tab stops per chart until the reader asks for more).
 */
export function ChartFrame({ title, data, config = {}, caption, children }: Props) {
  const plot = useRef<HTMLDivElement>(null);
  const tableId = useId();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [menu, setMenu] = useState(false);
  const [problem, setProblem] = useState('');
  const table = () => (typeof data === 'function' ? data() : data);
  const toggleText = open ? 'Hide data table' : 'Show data as a table';

  const run = (work: () => unknown) => {
    setProblem('');
    Promise.resolve()
      .then(work)
      .catch((err: unknown) => setProblem(`Could not save: ${err instanceof Error ? err.message : String(err)}`));
  };

  return (
    <div className="chart-frame">
      <div className="chart-frame-plot" ref={plot}>
        {children}
      </div>
      {caption && <p className="chart-frame-caption">{caption}</p>}
      <div className="chart-frame-tools" role="group" aria-label={`${title}: data and downloads`}>
        <button type="button" aria-expanded={open} aria-controls={open ? tableId : undefined} aria-label={`${toggleText}: ${title}`} onClick={() => setOpen(!open)}>
          {toggleText}
        </button>
        <button type="button" aria-expanded={menu} aria-controls={menu ? menuId : undefined} aria-label={`Download: ${title}`} onClick={() => setMenu(!menu)}>
          Download
        </button>
        {menu && (
          <span className="chart-frame-formats" id={menuId}>
            {IMAGE.map((f) => (
              <button key={f} type="button" aria-label={`Download ${f} of ${title}`} onClick={() => run(() => exportImage(plot.current, title, f === 'PNG' ? 'png' : 'svg'))}>
                {f}
              </button>
            ))}
            {DATA.map((f) => (
              <button key={f} type="button" aria-label={`Download ${f} of ${title}`} onClick={() => run(() => exportData(title, table(), typeof config === 'function' ? config() : config, f === 'CSV' ? 'csv' : 'json'))}>
                {f}
              </button>
            ))}
          </span>
        )}
      </div>
      <p className="chart-frame-status" role="status">
        {problem}
      </p>
      {open && <ChartDataTable id={tableId} title={title} table={table()} />}
    </div>
  );
}
