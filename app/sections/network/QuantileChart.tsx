import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../components/ChartBox';
import { quantileTable } from '../../lib/chartTables';
import { COVARIATE_PRESET, COVARIATE_STEPS, type QuantileRow } from '../../lib/covariateShift';
import { fmt } from '../../lib/format';

interface Props {
  variant: 'plain' | 'bn';
  title: string;
  rows: readonly QuantileRow[];
  total: number;
}

/** The 15–85 % band and the median of one unit's input over training, for one of the two networks. */
export function QuantileChart({ variant, title, rows, total }: Props) {
  const band = variant === 'plain' ? 'plainBand' : 'bnBand';
  const mid = variant === 'plain' ? 'plainMid' : 'bnMid';
  return (
    <ChartBox label={`${title}: 15th, 50th and 85th percentiles of the unit's input over training`} title={title} data={() => quantileTable(rows, variant)} config={{ ...COVARIATE_PRESET, steps: COVARIATE_STEPS, variant }}>
      {(width) => (
        <ComposedChart width={width} height={220} data={rows as QuantileRow[]} margin={{ top: 8, right: 12, bottom: 18, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="step" type="number" domain={[0, total]} tickCount={7} label={{ value: 'training step', position: 'insideBottom', offset: -10 }} />
          <YAxis width={48} tickFormatter={(v: number) => fmt(v, 2)} domain={['auto', 'auto']} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => fmt(Number(x), 3)).join(' to ') : fmt(Number(v), 3))} labelFormatter={(s) => `step ${s}`} />
          <Area dataKey={band} name="15–85 %" className={`series-band-${variant}`} fillOpacity={0.25} isAnimationActive={false} />
          <Line dataKey={mid} name="median" className={`series-${variant}`} dot={false} strokeWidth={2.5} isAnimationActive={false} />
        </ComposedChart>
      )}
    </ChartBox>
  );
}
