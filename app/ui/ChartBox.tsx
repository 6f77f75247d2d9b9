import type { ReactNode } from 'react';
import type { ExportTable } from './export/table';
import { useElementWidth } from './useElementWidth';
import { ChartFrame } from './ChartFrame';
import './ChartBox.css';

interface Props {
  /** Accessible name of the figure: what it shows (also names its data table and downloads). */
  label: string;
  /** A short heading drawn above the chart. */
  title?: ReactNode;
  caption?: ReactNode;
  /** The plotted numbers: the chart's text alternative (a table on demand) and its CSV/JSON downloads. */
  data: ExportTable | (() => ExportTable);
  /** The settings behind the data, saved in the JSON download. */
  config?: Record<string, unknown>;
  /** Draws the chart at the measured width (Recharts without ResponsiveContainer, so no zero-size warnings). */
  children: (width: number) => ReactNode;
}

/** A figure that measures its own width, hands it to a chart, and offers the chart's data (ChartFrame). */
export function ChartBox({ label, title, caption, data, config, children }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  return (
    <figure className="chart-box" aria-label={label}>
      {title && <p className="chart-box-title">{title}</p>}
      <ChartFrame title={label} data={data} config={config} caption={caption}>
        <div ref={ref} className="chart-box-plot">
          {children(width)}
        </div>
      </ChartFrame>
    </figure>
  );
}
