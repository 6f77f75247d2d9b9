import { fmt } from './format';
import type { LinearScale } from './scale';

interface Props {
  scale: LinearScale;
  /** Vertical position of the axis line. */
  y: number;
  tickValues: readonly number[];
  /** Tick labels above the line instead of below. */
  above?: boolean;
}

/** A horizontal number line with labelled ticks, for the SVG plots. */
export function Axis({ scale, y, tickValues, above = false }: Props) {
  const [r0, r1] = [scale(scale.domain[0]), scale(scale.domain[1])];
  return (
    <g className="axis" aria-hidden="true">
      <line x1={r0} x2={r1} y1={y} y2={y} />
      {tickValues.map((t) => (
        <g key={t} transform={`translate(${scale(t)} ${y})`}>
          <line y1={0} y2={above ? -5 : 5} />
          <text y={above ? -9 : 19} textAnchor="middle">
            {fmt(t, 3)}
          </text>
        </g>
      ))}
    </g>
  );
}
