import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLater, ChartTurn } from '../../ui/ChartTurn';
import { GRID_AT_TICKS } from '../../ui/gridAtTicks';
import { UNWRAPPED, xTitle } from '../../ui/axisText';
import { useChartTip } from '../../ui/useChartTip';
import { ChartBox } from '../../ui/ChartBox';
import { fmt } from '../../ui/format';
import { type CurvePoint, logAxis, powerLabel, scaleTable } from './scaleView';

/** max |BN(k·z) − BN(z)| against k, both on log axes, with the slider's k marked. */
export function ScaleChart({ data, k }: { data: readonly CurvePoint[]; k: number }) {
  const y = logAxis(data.map((d) => d.gap));
  // Recharts' Tooltip measures itself as it mounts: at the reader's first pointer over the chart (or focus in it: its keyboard tooltips), not as the section goes live.
  const tip = useChartTip();
  return (
    <ChartBox
      label="How far BN(k·z) is from BN(z), for k from 0.01 to 100"
      data={() => scaleTable(data)}
      title="max |BN(k·z) − BN(z)| against k"
      caption="Both axes are logarithmic. At k = 1 the gap is exactly 0, which a log axis cannot draw: the line breaks there."
    >
      {(width) => (
        <div {...tip.handlers}>
          <ChartTurn width={width} height={220}>
            <LineChart title="How far BN(k·z) is from BN(z), for k from 0.01 to 100" width={width} height={220} data={data as CurvePoint[]} margin={{ top: 14, right: 26, bottom: 18, left: 8 }}>
              <CartesianGrid {...GRID_AT_TICKS} vertical={false} />
              <XAxis interval={0} tick={UNWRAPPED} dataKey="k" type="number" scale="log" domain={[0.01, 100]} ticks={[0.01, 0.1, 1, 10, 100]} tickFormatter={powerLabel} label={xTitle('k')} />
              <YAxis interval={0} tick={UNWRAPPED} scale="log" domain={y.domain} ticks={y.ticks} width={52} tickFormatter={powerLabel} allowDataOverflow />
              {tip.mounted && <Tooltip active={tip.active} formatter={(v) => fmt(Number(v), 3)} labelFormatter={(x) => `k = ${fmt(Number(x), 3)}`} />}
              <ChartLater>
                <ReferenceLine x={k} className="series-truth" strokeDasharray="4 3" />
                <Line dataKey="gap" name="gap" className="series-bn" dot={false} strokeWidth={2.5} isAnimationActive={false} connectNulls={false} />
              </ChartLater>
            </LineChart>
          </ChartTurn>
        </div>
      )}
    </ChartBox>
  );
}
