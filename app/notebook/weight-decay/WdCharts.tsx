import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { EffectiveLrRun } from '../../../src';
import { ChartBox } from '../../ui/ChartBox';
import { fmt } from '../../ui/format';
import { type NormRow, normRows, normTable } from './wdView';

interface ChartProps {
  rows: readonly NormRow[];
  run: EffectiveLrRun;
  what: 'norm' | 'eff';
  /** Draw the λ > 0 line too (a presentation step hides it until the class has guessed). */
  showDecay: boolean;
  height: number;
}

const TITLES = { norm: '‖W₁‖ over training', eff: 'The effective step η/‖W₁‖² over training' } as const;

/** One of the two charts: ‖W₁‖ or η/‖W₁‖² against the step, λ = 0 solid, λ dashed. */
function NormChart({ rows, run, what, showDecay, height }: ChartProps) {
  const lam = run.traces[1].weightDecay;
  const label = `${TITLES[what]}, plain SGD at weight decay 0${showDecay ? ` and ${fmt(lam, 2)}` : ''}, step 0 to ${run.step}`;
  return (
    <ChartBox
      label={label}
      title={TITLES[what]}
      data={() => normTable(run, 0)}
      config={{ ...run.options, layer: 'W1' }}
      caption={
        <span className="wd-key">
          <span className="wd-swatch wd-swatch-0" aria-hidden="true" /> λ = 0
          {showDecay && (
            <>
              {' '}
              <span className="wd-swatch wd-swatch-decay" aria-hidden="true" /> λ = {fmt(lam, 2)}
            </>
          )}
        </span>
      }
    >
      {(width) => (
        <LineChart width={width} height={height} data={rows as NormRow[]} margin={{ top: 8, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="step" type="number" domain={[0, run.options.steps]} tickCount={5} label={{ value: 'training step', position: 'insideBottom', offset: -10 }} />
          <YAxis width={72} domain={what === 'norm' ? ['auto', 'auto'] : [0, 'auto']} tickFormatter={(v: number) => fmt(v, 3)} />
          <Line dataKey={what === 'norm' ? 'norm0' : 'eff0'} className="series-wd0" dot={false} strokeWidth={2.5} isAnimationActive={false} />
          {showDecay && <Line dataKey={what === 'norm' ? 'normDecay' : 'effDecay'} className="series-wd" dot={false} strokeWidth={2.5} strokeDasharray="7 4" isAnimationActive={false} />}
        </LineChart>
      )}
    </ChartBox>
  );
}

/** ‖W₁‖ and η/‖W₁‖² side by side (their data table and downloads have every step). */
export function WdCharts({ run, version, showDecay = true, height = 210 }: { run: EffectiveLrRun; version: number; showDecay?: boolean; height?: number }) {
  // `version` changes as the run trains (the run itself is mutated in place).
  const rows = normRows(run, 0);
  return (
    <div className="chart-pair" data-version={version}>
      <NormChart rows={rows} run={run} what="norm" showDecay={showDecay} height={height} />
      <NormChart rows={rows} run={run} what="eff" showDecay={showDecay} height={height} />
    </div>
  );
}
