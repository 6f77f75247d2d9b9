import { CartesianGrid, Line, LineChart, XAxis, YAxis, usePlotArea, useXAxisScale } from 'recharts';
import { ChartTurn } from '../ui/ChartTurn';
import { GRID_AT_TICKS } from '../ui/gridAtTicks';
import type { VariantName } from '../../src/train';
import { fmt } from '../ui/format';
import { useElementWidth } from '../ui/useElementWidth';
import { labelWidth, yAxisWidth } from './model/labAxes';
import { type SweepMark, type SweepView, sweepDomain, sweepLossAxis, sweepMarks } from './model/sweepView';
import { VARIANT_ORDER } from './model/variants';
import { usePair } from './usePair';
import { AxisTitles } from './AxisTitles';
import { VARIANT_COLOR, lineStyle } from './lineStyle';
import { UNWRAPPED } from '../ui/axisText';

const tick = { ...UNWRAPPED, fontSize: 12, fill: 'var(--muted)' };
const format = (v: number): string => fmt(v, 4);

/** The “diverged” band above the plot: its top, and the height of each network's row in it. */
const BAND_TOP = 4;
const ROW = 15;
const BAND_WORD = 'diverged';
/** The plot starts below the band and the y title (its baseline 12 px above the plot). */
const PLOT_TOP = BAND_TOP + 2 * ROW + 30;

/** An × at (x, y), in a network's colour. */
function Cross({ x, y, variant }: { x: number; y: number; variant: VariantName }) {
  return <path d={`M${x - 4.5},${y - 4.5}L${x + 4.5},${y + 4.5}M${x + 4.5},${y - 4.5}L${x - 4.5},${y + 4.5}`} stroke={VARIANT_COLOR[variant]} strokeWidth={2.2} />;
}

/**
 * Diverged runs, outside the loss scale: a band above the plot, labelled “diverged” at its left,
 * with an × per diverged (rate, network) — the upper row without BN, the lower with BN.
 */
function DivergedBand({ marks }: { marks: readonly SweepMark[] }) {
  const sx = useXAxisScale();
  const plot = usePlotArea();
  if (!sx || !plot) return null;
  return (
    <g className="lab-sweep-band">
      <rect x={plot.x} y={BAND_TOP} width={plot.width} height={2 * ROW} fill="var(--c-grid)" fillOpacity={0.45} stroke="var(--border)" strokeDasharray="3 3" />
      <text x={plot.x - 6} y={BAND_TOP + ROW + 4} textAnchor="end" fill="var(--fg)" fontSize={12}>
        {BAND_WORD}
      </text>
      {marks.map((m) => (
        <g key={`${m.variant}-${m.lr}`} className="lab-sweep-diverged" data-variant={m.variant}>
          <Cross x={Number(sx(m.lr))} y={BAND_TOP + ROW * m.row + ROW / 2} variant={m.variant} />
        </g>
      ))}
    </g>
  );
}

/** Final loss against learning rate, both networks; diverged runs in a band above the plot, never at a loss value. */
export function SweepChart({ view, rates, label }: { view: SweepView; rates: readonly number[]; label: string }) {
  const pair = usePair();
  const [box, width] = useElementWidth<HTMLDivElement>(640);
  const yAxis = sweepLossAxis(view);
  // Room for the tick labels, and for the band's word beside it.
  const yWidth = Math.max(yAxisWidth(yAxis.ticks.map(format)), Math.ceil(labelWidth(BAND_WORD) + 8));
  return (
    <div ref={box} className="lab-chart" role="img" aria-label={label}>
      <ChartTurn width={width} height={280}>
        <LineChart width={width} height={280} margin={{ top: PLOT_TOP, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid {...GRID_AT_TICKS} stroke="var(--c-grid)" strokeDasharray="2 4" />
          <XAxis dataKey="s" type="number" scale="log" domain={sweepDomain(rates)} allowDataOverflow ticks={rates.filter((_, i) => width >= 480 || i % 2 === 0)} interval={0} tick={tick} tickFormatter={format} />
          <YAxis type="number" domain={yAxis.domain} ticks={yAxis.ticks} interval={0} allowDataOverflow tick={tick} width={yWidth} tickFormatter={format} />
          {VARIANT_ORDER.map((v) => (
            <Line key={v} data={view.lines[v] as never[]} dataKey="v" name={pair.label[v]} isAnimationActive={false} dot={{ r: 3.5, fill: VARIANT_COLOR[v] }} activeDot={false} {...lineStyle(v, 'test')} />
          ))}
          <DivergedBand marks={sweepMarks(view)} />
          <AxisTitles x="learning rate (log scale)" y="final loss (cross-entropy, nats)" />
        </LineChart>
      </ChartTurn>
    </div>
  );
}

/** The sweep chart's key: what a dot and an × in the band mean, in each network's colour. */
export function SweepKey() {
  const pair = usePair();
  return (
    <ul className="lab-key" aria-label="How to read the sweep chart">
      <li>
        <svg className="lab-swatch" width="22" height="10" aria-hidden="true">
          <circle cx="5" cy="5" r="3.5" fill={VARIANT_COLOR.plain} />
          <circle cx="16" cy="5" r="3.5" fill={VARIANT_COLOR.bn} />
        </svg>
        final loss of a run that did not diverge
      </li>
      {VARIANT_ORDER.map((v, row) => (
        <li key={v}>
          <svg className="lab-swatch" width="14" height="12" aria-hidden="true">
            <Cross x={7} y={6} variant={v} />
          </svg>
          {pair.label[v]} diverged ({row === 0 ? 'upper' : 'lower'} row of the band above the plot: no loss to draw)
        </li>
      ))}
    </ul>
  );
}
