import { useId, type ReactNode } from 'react';
import { fmt, sub } from './format';
import { clamp, fitSquares, niceDomain, scaleLinear, ticks, type Domain } from './scale';
import { useDragPoints } from './useDragPoints';
import { useElementWidth } from './useElementWidth';
import { Axis } from './Axis';
import { EdgeCounts, placeOn } from './EdgeCounts';
import { useHeld, useHeldDomain } from './useHeldDomain';
import { useSwarmLevels } from './useSwarmLevels';
import { hitRadii } from './dodge';
import './Plot.css';

export interface DotPlotProps {
  /** The points, one per sample. */
  values: ArrayLike<number>;
  /** Accessible name of the figure. */
  label: string;
  /** Name of the variable, for point labels ("z" gives z₁, z₂, …). */
  axis: string;
  /** x-range; by default a nice range around the values (held during a gesture: a point or a slider dragged). */
  domain?: Domain;
  /** Draws the mean μ as a line. */
  mean?: number;
  /** The engine's zᵢ − μ: draws each squared deviation as a square on the axis (needs `mean`). */
  deviations?: ArrayLike<number>;
  /** Draws a dashed square of side σ centred on μ: its area σ² is the average of the squares. */
  sigma?: number;
  /** Makes the points draggable (pointer) and movable (arrow keys); called with the new value. */
  onMove?: (index: number, value: number) => void;
  tone?: 'z' | 'norm' | 'out';
  caption?: ReactNode;
}

const R = 8, HIT = 20, GAP = 2 * R + 3, ROW = 2 * R + 2, PAD_X = 20, AXIS_H = 30, MAX_SQ = 240;

/** The active point's name and value, drawn after every point: points stacked above it do not cover it (the slider's own name and value are what is read out). */
function DotLabel({ x, y, name, value }: { x: number; y: number; name: string; value: number }) {
  return (
    <text className="dot-label" x={x} y={y} textAnchor="middle" aria-hidden="true">
      {name} = {fmt(value, 2)}
    </text>
  );
}

/** The highest row of points a plot `plotH` tall has room for. */
const topRow = (plotH: number) => Math.max(0, Math.floor((plotH - 8) / ROW) - 1);

/** One neuron's batch on a number line: a beeswarm of points, μ, and optionally the squared deviations. */
export function DotPlot({ values, label, axis, domain, mean, deviations, sigma, onMove, tone = 'z', caption }: DotPlotProps) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const clipId = `clip${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const { svgRef, frozenDomain, dragging, active, pointProps } = useDragPoints(values, onMove);
  const base = domain ?? niceDomain(values, mean === undefined ? [] : [mean]);
  const largest = Math.max(0, sigma ?? 0, ...Array.from(deviations ?? [], Math.abs));
  // While a point or a slider is dragged the axis stays put (a square may be clipped, a point beyond
  // is drawn hollow at the edge and counted, until release: useHeldDomain.ts).
  const held = useHeldDomain(fitSquares(base, largest, width - 2 * PAD_X, MAX_SQ));
  const dom = frozenDomain ?? held;
  const x = scaleLinear(dom, PAD_X, width - PAD_X);
  const xs = Array.from(values, (v) => placeOn(x, v));
  const levels = useSwarmLevels(xs, GAP, dragging, active); // a moving point keeps its row
  const unit = x(1) - x(0);
  const sides = deviations ? Array.from(deviations, (d) => Math.abs(d) * unit) : [];
  const sigmaSide = sigma !== undefined && Number.isFinite(sigma) ? sigma * unit : 0;
  const squaresH = Math.min(MAX_SQ, Math.max(0, sigmaSide, ...sides));
  const TOP = mean === undefined ? 12 : 30;
  // During a gesture the rows of points keep their height (higher stacks share the top row), so the axis stays under the
  // finger; the squares still grow (section 5: a square's area is its point's squared distance), and the page scrolls with
  // them (app/shell/holdHeights.ts).
  const plotH = Math.max(useHeld((Math.max(0, ...levels) + 1) * ROW + 8), squaresH + 10);
  const axisY = TOP + plotH;
  const height = axisY + AXIS_H;
  const muX = mean !== undefined && Number.isFinite(mean) ? placeOn(x, mean) : null;
  const cyOf = (i: number) => axisY - R - 2 - Math.min(levels[i], topRow(plotH)) * ROW;
  const interactive = onMove !== undefined;
  const hits = interactive ? hitRadii(xs, xs.map((_, i) => cyOf(i)), R, HIT) : null;

  return (
    <figure className={`bn-plot bn-plot-${tone}`} ref={boxRef}>
      <svg ref={svgRef} width={width} height={height} role="group" aria-label={label} className="plot-svg">
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={TOP - 6} width={width} height={plotH + 6} />
          </clipPath>
        </defs>
        <Axis scale={x} y={axisY} tickValues={ticks(dom, Math.max(3, Math.floor(width / 90)))} />
        {muX !== null && (
          <g clipPath={`url(#${clipId})`}>
            {sides.map((s, i) => (
              <rect key={i} className="sq" x={Math.min(xs[i], muX)} y={axisY - s} width={s} height={s} />
            ))}
            {sigmaSide > 0 && (
              <>
                <rect className="sq-sigma" x={muX - sigmaSide / 2} y={axisY - sigmaSide} width={sigmaSide} height={sigmaSide} />
                <text className="sq-label" x={muX + sigmaSide / 2 + 6} y={Math.max(TOP + 8, axisY - sigmaSide + 14)}>
                  area σ²
                </text>
              </>
            )}
          </g>
        )}
        {muX !== null && (
          <g className="mean-mark">
            <line x1={muX} x2={muX} y1={TOP - 8} y2={axisY + 6} />
            <text x={clamp(muX, 40, width - 40)} y={TOP - 12} textAnchor="middle">
              μ = {fmt(mean as number, 3)}
            </text>
          </g>
        )}
        <EdgeCounts scale={x} values={values} y={axisY - R - 2} />
        {xs.map((px, i) => {
          const cy = cyOf(i);
          const v = values[i];
          const name = `${axis}${sub(i + 1)}`;
          return (
            <g
              key={i}
              className={`dot${interactive ? ' dot-live' : ''}${dragging === i ? ' dot-dragging' : ''}`}
              transform={`translate(${px} ${cy})`}
              {...pointProps(i, name, x)}
            >
              {hits && <circle className="dot-hit" r={hits[i]} />}
              <circle className={v < dom[0] || v > dom[1] ? 'dot-mark beyond' : 'dot-mark'} r={R} />
            </g>
          );
        })}
        {active !== null && active < xs.length && <DotLabel x={xs[active]} y={cyOf(active) - R - 6} name={`${axis}${sub(active + 1)}`} value={values[active]} />}
      </svg>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
