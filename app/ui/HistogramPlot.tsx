import type { ReactNode } from 'react';
import type { Histogram } from '../../src/distribution';
import { scaleLinear, ticks, type Domain } from './scale';
import { useElementWidth } from './useElementWidth';
import { Axis } from './Axis';
import './Plot.css';

interface Props {
  hist: Histogram;
  domain: Domain;
  /** Accessible description (what the shape is). */
  label: string;
  title: ReactNode;
  caption?: ReactNode;
  tone?: 'z' | 'norm' | 'out';
  height?: number;
}

const PAD_X = 14, TOP = 8, AXIS_H = 28;

/** A histogram from the engine's bin counts, bars scaled to the tallest bin. */
export function HistogramPlot({ hist, domain, label, title, caption, tone = 'z', height = 130 }: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(320);
  const x = scaleLinear(domain, PAD_X, width - PAD_X);
  const top = Math.max(1, ...hist.counts);
  const plotH = height - TOP - AXIS_H;
  const axisY = TOP + plotH;
  return (
    <figure className={`bn-plot bn-plot-hist bn-plot-${tone}`} ref={boxRef}>
      <div className="plot-title">{title}</div>
      <svg width={width} height={height} role="img" aria-label={label} className="plot-svg">
        {Array.from(hist.counts, (c, k) => {
          const h = (c / top) * plotH;
          const x0 = x(hist.edges[k]), x1 = x(hist.edges[k + 1]);
          return c > 0 ? <rect key={k} className="bar" x={x0 + 0.5} y={axisY - h} width={Math.max(1, x1 - x0 - 1)} height={h} /> : null;
        })}
        <Axis scale={x} y={axisY} tickValues={ticks(domain, Math.max(3, Math.floor(width / 70)))} />
      </svg>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
