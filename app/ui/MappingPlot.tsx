import type { ReactNode } from 'react';
import { fmt, sub } from './format';
import { clamp, scaleLinear, ticks, type Domain, type LinearScale } from './scale';
import { useElementWidth } from './useElementWidth';
import { Axis } from './Axis';
import { EdgeCounts, placeOn } from './EdgeCounts';
import { useHeldDomain } from './useHeldDomain';
import './Plot.css';

export interface MappedAxis {
  values: ArrayLike<number>;
  domain: Domain;
  /** Axis name shown at its left end, e.g. "z" or "Zₙₒᵣₘ". */
  name: string;
  tone: 'z' | 'norm' | 'out' | 'centered';
  /** Marks the axis' mean (μ of z, or 0 and β after normalizing). */
  mean?: number;
  meanLabel?: string;
}

interface Props {
  top: MappedAxis;
  bottom: MappedAxis;
  /** Accessible name of the figure. */
  label: string;
  caption?: ReactNode;
}

const PAD_X = 20, Y1 = 40, GAP = 120, R = 6;

const outside = (x: LinearScale, v: number) => v < x.domain[0] || v > x.domain[1];

/**
 * A map drawn as two number lines: each sample's input on the top line is joined to its output on
 * the bottom line, so a shift slides the lines sideways and a scale fans them in or out. During a
 * gesture (a slider or a point dragged) both axes keep their range (useHeldDomain.ts): a value beyond
 * is drawn hollow at the edge and counted there, and the axes refit when the gesture ends.
 */
export function MappingPlot({ top, bottom, label, caption }: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const xt = scaleLinear(useHeldDomain(top.domain), PAD_X, width - PAD_X);
  const xb = scaleLinear(useHeldDomain(bottom.domain), PAD_X, width - PAD_X);
  const y2 = Y1 + GAP;
  const n = top.values.length;
  const nTicks = Math.max(3, Math.floor(width / 90));
  const finite = (v: number) => Number.isFinite(v);
  const meanMark = (a: MappedAxis, x: typeof xt, y: number, dir: 1 | -1) =>
    a.mean !== undefined && finite(a.mean) ? (
      <g className="mean-mark">
        <line x1={x(a.mean)} x2={x(a.mean)} y1={y - 12} y2={y + 12} />
        <text x={clamp(x(a.mean), 100, width - 60)} y={dir === -1 ? y + 27 : y - 17} textAnchor="middle">
          {a.meanLabel ?? `mean = ${fmt(a.mean, 3)}`}
        </text>
      </g>
    ) : null;
  return (
    <figure className="bn-plot bn-plot-map" ref={boxRef}>
      <svg width={width} height={y2 + 30} role="img" aria-label={label} className="plot-svg">
        <Axis scale={xt} y={Y1} tickValues={ticks(xt.domain, nTicks)} above />
        <Axis scale={xb} y={y2} tickValues={ticks(xb.domain, nTicks)} />
        <text className="axis-name" x={4} y={Y1 + 27}>
          {top.name} ↓
        </text>
        <text className="axis-name" x={4} y={y2 - 17}>
          {bottom.name}
        </text>
        {Array.from({ length: n }, (_, i) => {
          const a = top.values[i], b = bottom.values[i];
          if (!finite(a)) return null;
          return (
            <g key={i}>
              <title>{`sample ${i + 1}: ${top.name}${sub(i + 1)} = ${fmt(a, 3)} → ${bottom.name}${sub(i + 1)} = ${fmt(b, 3)}`}</title>
              {finite(b) && <line className="map-link" x1={placeOn(xt, a)} y1={Y1} x2={placeOn(xb, b)} y2={y2} />}
              <circle className={`map-dot tone-${top.tone}${outside(xt, a) ? ' beyond' : ''}`} cx={placeOn(xt, a)} cy={Y1} r={R} />
              {finite(b) && <circle className={`map-dot tone-${bottom.tone}${outside(xb, b) ? ' beyond' : ''}`} cx={placeOn(xb, b)} cy={y2} r={R} />}
            </g>
          );
        })}
        {meanMark(top, xt, Y1, -1)}
        {meanMark(bottom, xb, y2, 1)}
        <EdgeCounts scale={xt} values={top.values} y={Y1} />
        <EdgeCounts scale={xb} values={bottom.values} y={y2} />
      </svg>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
