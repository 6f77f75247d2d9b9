import type { ReactNode } from 'react';
import { useElementWidth } from '../lib/useElementWidth';
import './ChartBox.css';

interface Props {
  /** Accessible name of the figure: what it shows. */
  label: string;
  /** A short heading drawn above the chart. */
  title?: ReactNode;
  caption?: ReactNode;
  /** Draws the chart at the measured width (Recharts without ResponsiveContainer, so no zero-size warnings). */
  children: (width: number) => ReactNode;
}

/** A figure that measures its own width and hands it to a chart. */
export function ChartBox({ label, title, caption, children }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  return (
    <figure className="chart-box" aria-label={label}>
      {title && <p className="chart-box-title">{title}</p>}
      <div ref={ref} className="chart-box-plot">
        {children(width)}
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
