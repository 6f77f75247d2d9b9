import { useState } from 'react';
import { ChartBox } from '../../ui/ChartBox';
import type { VariantName } from '../../../src/train';
import { bandPaths, bandPoints, nearestPoint } from './bandPaths';
import { COVARIATE_PRESET, COVARIATE_STEPS, type QuantileRow, quantileTable } from './covariateShift';
import { fmt } from '../../ui/format';
import { type Domain, scaleLinear, ticks } from '../../ui/scale';
import './QuantileChart.css';

interface Props {
  variant: VariantName;
  title: string;
  rows: readonly QuantileRow[];
  total: number;
  /** The y range, shared by both charts so that equal drifts look equal. */
  domain: Domain;
  /** Also draw the BN network's input to BN (dashed median, outlined band). */
  withPreBn?: boolean;
}

const HEIGHT = 220;
const M = { top: 10, right: 14, bottom: 38, left: 62 };

/**
 * The 15–85 % band and the median of one unit's input over training, for one of the two networks.
 * Plain SVG (section 1 redraws it while its run trains, on the first screen: it must be cheap to draw).
 */
export function QuantileChart({ variant, title, rows, total, domain, withPreBn = false }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  return (
    <ChartBox label={`${title}: 15th, 50th and 85th percentiles of the unit's input over training`} title={title} data={() => quantileTable(rows, variant)} config={{ ...COVARIATE_PRESET, steps: COVARIATE_STEPS, variant }}>
      {(width) => {
        const points = bandPoints(rows, variant);
        const x = scaleLinear([0, total], M.left, Math.max(M.left + 1, width - M.right));
        const y = scaleLinear(domain, HEIGHT - M.bottom, M.top);
        const { area, median } = bandPaths(points, x, y);
        const pre = withPreBn ? bandPaths(bandPoints(rows, 'bnPre'), x, y) : null;
        const at = hover === null ? null : nearestPoint(points, x.invert(hover));
        const bottom = HEIGHT - M.bottom;
        return (
          <svg
            className={`quantile-chart series-${variant}`}
            width={width}
            height={HEIGHT}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            role="img"
            aria-label={rows.length === 0 ? `${title}: empty until the run starts` : `${title}: median and 15–85 % band over ${total} training steps`}
            onPointerMove={(e) => setHover(e.clientX - e.currentTarget.getBoundingClientRect().left)}
            onPointerLeave={() => setHover(null)}
          >
            <g className="q-grid" aria-hidden="true">
              {ticks(y.domain, 5).map((t) => (
                <g key={t}>
                  <line x1={M.left} x2={x(total)} y1={y(t)} y2={y(t)} />
                  <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">{fmt(t, 2)}</text>
                </g>
              ))}
              <line className="q-axis" x1={M.left} x2={x(total)} y1={bottom} y2={bottom} />
              {ticks([0, total], 6).map((t) => (
                <text key={t} x={x(t)} y={bottom + 16} textAnchor="middle">{fmt(t, 3)}</text>
              ))}
              <text className="q-label" x={(M.left + x(total)) / 2} y={HEIGHT - 4} textAnchor="middle">training step</text>
              <text className="q-label" transform={`translate(12 ${(M.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
                the unit&apos;s input
              </text>
            </g>
            {pre && <path className="q-pre-band" d={pre.area} />}
            <path className="q-band" d={area} />
            <path className="q-median" d={median} />
            {pre && <path className="q-pre-median" d={pre.median} />}
            {at && (
              <g className="q-hover" aria-hidden="true">
                <line x1={x(at.step)} x2={x(at.step)} y1={M.top} y2={bottom} />
                <circle cx={x(at.step)} cy={y(at.mid)} r={3.5} />
                <text x={x(at.step) > width / 2 ? x(at.step) - 8 : x(at.step) + 8} y={M.top + 12} textAnchor={x(at.step) > width / 2 ? 'end' : 'start'}>
                  step {at.step}: median {fmt(at.mid, 3)}, 15–85 % {fmt(at.lo, 3)} to {fmt(at.hi, 3)}
                </text>
              </g>
            )}
          </svg>
        );
      }}
    </ChartBox>
  );
}
