import { createContext, memo, useContext, useMemo } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import { ChartLater, ChartTurn } from '../ui/ChartTurn';
import { GRID_AT_TICKS } from '../ui/gridAtTicks';
import { fmt } from '../ui/format';
import { type AxisTicks, logTicks, niceAxis, yAxisWidth } from './model/labAxes';
import type { ChartLine } from './model/labCharts';
import { linePath } from '../ui/svgPath';
import { AxisTitles, TITLE_ROOM } from './AxisTitles';
import { DivergenceMarks, type StepMark } from './DivergenceMarks';
import { useElementWidth } from '../ui/useElementWidth';
import { lineStyle } from './lineStyle';
import { UNWRAPPED } from '../ui/axisText';

interface Props {
  /** What the chart shows, for screen readers (the numbers are in the tables beside it). */
  label: string;
  lines: readonly ChartLine[];
  /** A y range (linear charts get round ticks over it, see niceAxis), or null for an empty chart. */
  yDomain: [number, number] | null;
  /** The axes' titles, with units: “loss (cross-entropy, nats)”; the x axis is “training step” unless said. */
  yLabel: string;
  xLabel?: string;
  /** How the y ticks are written (default: 4 significant digits). */
  yFormat?: (v: number) => string;
  /** Where a network diverged: a rule and words at that step (the step axis reaches it). */
  marks?: readonly StepMark[];
  log?: boolean;
  height?: number;
  /** Right end of the step axis (rounded up to a tick, so the axis grows in jumps, not every frame). */
  xMax?: number;
  /** What it says while no line has a point (a run's charts: emptyRunText). */
  emptyText?: string;
}

const tick = { ...UNWRAPPED, fontSize: 12, fill: 'var(--muted)' };
const format = (v: number): string => fmt(v, 4);
const MARGIN = { top: TITLE_ROOM, right: 22, bottom: 18, left: 4 };
const NO_MARKS: readonly StepMark[] = [];

/** The lines, handed to the paths past the (memoized) Recharts tree, so a redraw re-renders only them. */
const LinesContext = createContext<readonly ChartLine[]>([]);

/**
 * The lines themselves: one SVG path each, through Recharts' own axis scales. Recharts draws the
 * axes and grid (and redraws them only when an axis changes); handing it hundreds of points per line
 * would cost tens of milliseconds per frame.
 */
function Paths() {
  const lines = useContext(LinesContext);
  const sx = useXAxisScale();
  const sy = useYAxisScale();
  if (!sx || !sy) return null;
  const x = (s: number) => Number(sx(s)), y = (v: number) => Number(sy(v));
  return (
    <g className="lab-lines">
      {lines.map((l) => {
        const st = lineStyle(l.variant, l.role, l.ghost);
        return <path key={l.id} d={linePath(l.points, x, y)} fill="none" stroke={st.stroke} strokeWidth={st.strokeWidth} strokeOpacity={st.strokeOpacity} strokeDasharray={st.strokeDasharray} strokeLinejoin="round" />;
      })}
    </g>
  );
}

interface FrameProps {
  width: number;
  height: number;
  x: AxisTicks;
  yDomain: [number, number];
  yTicks: number[] | undefined;
  log: boolean;
  yLabel: string;
  xLabel: string;
  yFormat: (v: number) => string;
  marks: readonly StepMark[];
}

/** Axes and grid: re-rendered only when their props change (memo), never just because lines moved. */
const Frame = memo(function Frame({ width, height, x, yDomain, yTicks, log, yLabel, xLabel, yFormat, marks }: FrameProps) {
  // Room for the longest y tick label (10⁻⁶⁰ is wider than 0.5); the titles are above and below the plot.
  const yWidth = yAxisWidth((yTicks ?? []).map(yFormat));
  return (
    <ChartTurn width={width} height={height}>
      <LineChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
        <XAxis dataKey="s" type="number" domain={x.domain} ticks={x.ticks} interval={0} allowDataOverflow tick={tick} tickFormatter={format} />
        <YAxis type="number" scale={log ? 'log' : 'linear'} domain={yDomain} ticks={yTicks} interval={0} allowDataOverflow tick={tick} width={yWidth} tickFormatter={yFormat} />
        <ChartLater>
          <CartesianGrid {...GRID_AT_TICKS} stroke="var(--c-grid)" strokeDasharray="2 4" />
          <Paths />
          <DivergenceMarks marks={marks} />
          <AxisTitles x={xLabel} y={yLabel} />
        </ChartLater>
      </LineChart>
    </ChartTurn>
  );
});

/** Stable arrays for equal numbers, so the memoized frame sees unchanged props. */
function useAxes(xMax: number, yDomain: [number, number] | null, log: boolean, narrow: boolean) {
  const [y0, y1] = yDomain ?? [0, 1];
  const x = useMemo(() => niceAxis([0, xMax], narrow ? 3 : 5, true), [xMax, narrow]);
  const y = useMemo(() => (log ? { domain: [y0, y1] as [number, number], ticks: logTicks([y0, y1]) } : niceAxis([y0, y1])), [y0, y1, log]);
  // niceAxis rounds outward, so most frames give the same ends: keep the same objects then.
  const xKey = x.ticks.join(','), yKey = `${y.domain.join(',')}|${y.ticks?.join(',')}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableX = useMemo(() => x, [xKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableY = useMemo(() => y, [yKey]);
  return { x: stableX, y: stableY };
}

/**
 * One line chart of the lab: Recharts axes and grid, lines as plain paths styled by network (colour
 * and dash) and role (width), nothing but finite points (lib/labCharts.ts drops the rest).
 */
export function LineChartPanel({ label, lines, yDomain, yLabel, xLabel = 'training step', yFormat = format, marks = NO_MARKS, log = false, height = 220, xMax = 1, emptyText = 'Nothing to draw yet.' }: Props) {
  const empty = lines.every((l) => l.points.length === 0);
  const [box, width] = useElementWidth<HTMLDivElement>(420);
  // A network's divergence step may lie past its last logged step: the axis reaches its mark.
  const right = marks.reduce((r, m) => Math.max(r, m.step), xMax);
  const { x, y } = useAxes(right, yDomain, log, width < 360);
  return (
    <div ref={box} className="lab-chart" role="img" aria-label={label}>
      <LinesContext.Provider value={lines}>
        <Frame width={width} height={height} x={x} yDomain={y.domain} yTicks={y.ticks} log={log} yLabel={yLabel} xLabel={xLabel} yFormat={yFormat} marks={marks} />
      </LinesContext.Provider>
      {empty && <p className="lab-chart-empty">{emptyText}</p>}
    </div>
  );
}
