import { CartesianGrid, ComposedChart, DefaultTooltipContent, Line, ReferenceLine, Scatter, Tooltip, type TooltipContentProps, XAxis, YAxis } from 'recharts';
import { ChartLater, ChartTurn } from '../../ui/ChartTurn';
import { GRID_AT_TICKS } from '../../ui/gridAtTicks';
import { UNWRAPPED, xTitle } from '../../ui/axisText';
import { useChartTip } from '../../ui/useChartTip';
import { ChartBox } from '../../ui/ChartBox';
import { fmt } from '../../ui/format';
import { type RunningPoint, runningTable } from './trainEvalView';

interface Props {
  /** "mean" or "variance", for the labels. */
  what: string;
  data: readonly RunningPoint[];
  /** The distribution's true value (dashed line). */
  truth: number;
  /** Name of the batch statistic, e.g. "batch σ² (biased)". */
  batchName: string;
}

/**
 * The tooltip without the dots' own x entry ("batch : 12": a Scatter lists its x too), which its title already says. Its
 * separator keeps the colon with the name (wrapped on a phone, a line began ": 3.0155").
 */
function RunningTip(props: TooltipContentProps) {
  return <DefaultTooltipContent {...props} payload={props.payload?.filter((item) => item.dataKey !== 'batch')} />;
}

/**
 * A dot: a plain circle of the size of Recharts' default symbol (area 64), without its symbol path per point (about a
 * fifth of the chart's first draw, issue 15).
 */
const Dot = ({ cx, cy }: { cx?: number; cy?: number }) => <circle className="recharts-symbols" cx={cx} cy={cy} r={4.5} />;

/** Each batch's statistic (dots), the running estimate after it (line), and the truth (dashed). */
export function RunningStatsChart({ what, data, truth, batchName }: Props) {
  const last = data[data.length - 1];
  // Recharts' Tooltip measures itself as it mounts: at the reader's first pointer over the chart (or focus in it: its keyboard tooltips), not as the section goes live.
  const tip = useChartTip();
  return (
    <ChartBox
      label={`Running ${what} over ${data.length} training batches`}
      data={() => runningTable(data, what)}
      caption={
        <>
          Dots: {batchName} of each batch. Line: the running {what} after it, ending at {fmt(last.running, 4)}. Dashed: the
          true {what}, {fmt(truth, 4)}.
        </>
      }
    >
      {(width) => (
        <div {...tip.handlers}>
          <ChartTurn width={width} height={200}>
            <ComposedChart title={`Running ${what} over ${data.length} training batches`} width={width} height={200} data={data as RunningPoint[]} margin={{ top: 14, right: 26, bottom: 18, left: 0 }}>
              <CartesianGrid {...GRID_AT_TICKS} vertical={false} />
              <XAxis interval={0} tick={UNWRAPPED} dataKey="batch" type="number" domain={[1, data.length]} tickCount={6} label={xTitle('training batch')} />
              <YAxis interval={0} tick={UNWRAPPED} width={52} tickFormatter={(v: number) => fmt(v, 2)} domain={['auto', 'auto']} />
              {tip.mounted && <Tooltip active={tip.active} content={RunningTip} separator={'\u00a0: '} formatter={(v) => fmt(Number(v), 4)} labelFormatter={(b) => `batch ${b}`} />}
              <ChartLater>
                <ReferenceLine y={truth} className="series-truth" strokeDasharray="6 4" ifOverflow="extendDomain" />
                <Line dataKey="running" name={`running ${what}`} className="series-run" dot={false} strokeWidth={2.5} isAnimationActive={false} />
                <ChartLater>
                  <Scatter dataKey="batchValue" name={batchName} className="series-dots" isAnimationActive={false} shape={Dot} />
                </ChartLater>
              </ChartLater>
            </ComposedChart>
          </ChartTurn>
        </div>
      )}
    </ChartBox>
  );
}
