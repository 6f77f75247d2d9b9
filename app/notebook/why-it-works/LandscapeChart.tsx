import { Area, CartesianGrid, ComposedChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLater, ChartTurn } from '../../ui/ChartTurn';
import { GRID_AT_TICKS } from '../../ui/gridAtTicks';
import { UNWRAPPED, xTitle } from '../../ui/axisText';
import { useChartTip } from '../../ui/useChartTip';
import { LANDSCAPE_PRESET } from '../../../src/landscapeRun';
import { ChartBox } from '../../ui/ChartBox';
import { fmt } from '../../ui/format';
import { type LandscapeRow, landscapeTable } from './landscapeView';

interface Props {
  rows: readonly LandscapeRow[];
  total: number;
  /** Which band: the loss along the gradient, or the change of the gradient. */
  what: 'Loss' | 'Grad';
  title: string;
  label: string;
  caption: string;
}

const range = (v: unknown) => (Array.isArray(v) ? `${fmt(Number(v[0]), 3)} to ${fmt(Number(v[1]), 3)}` : fmt(Number(v), 3));

/** Per checkpoint, the [min, max] band of one landscape measure, with BN (blue) and without (orange). */
export function LandscapeChart({ rows, total, what, title, label, caption }: Props) {
  // Recharts' Tooltip measures itself as it mounts: at the reader's first pointer over the chart (or focus in it: its keyboard tooltips), not as the section goes live.
  const tip = useChartTip();
  return (
    <ChartBox
      label={label}
      data={() => landscapeTable(rows, what)}
      config={{ ...LANDSCAPE_PRESET }}
      title={
        <>
          {title}
          <span className="legend" aria-hidden="true">
            <span className="swatch swatch-plain" /> without BN <span className="swatch swatch-bn" /> with BN
          </span>
        </>
      }
      caption={caption}
    >
      {(width) => (
        <div {...tip.handlers}>
          <ChartTurn width={width} height={230}>
            <ComposedChart title={label} width={width} height={230} data={rows as LandscapeRow[]} margin={{ top: 14, right: 26, bottom: 18, left: 0 }}>
              <CartesianGrid {...GRID_AT_TICKS} vertical={false} />
              <XAxis interval={0} tick={UNWRAPPED} dataKey="step" type="number" domain={[0, total]} tickCount={5} label={xTitle('training step')} />
              <YAxis interval={0} tick={UNWRAPPED} width={52} tickFormatter={(v: number) => fmt(v, 2)} domain={[0, 'auto']} />
              {tip.mounted && <Tooltip active={tip.active} formatter={range} labelFormatter={(s) => `step ${s}`} />}
              <ChartLater>
                <Area dataKey={`plain${what}`} name="without BN" className="series-band-plain" fillOpacity={0.45} isAnimationActive={false} />
                <Area dataKey={`bn${what}`} name="with BN" className="series-band-bn" fillOpacity={0.55} isAnimationActive={false} />
              </ChartLater>
            </ComposedChart>
          </ChartTurn>
        </div>
      )}
    </ChartBox>
  );
}
