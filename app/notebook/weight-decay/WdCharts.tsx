import { createContext, memo, useContext } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import { ChartLater, ChartTurn } from '../../ui/ChartTurn';
import { GRID_AT_TICKS } from '../../ui/gridAtTicks';
import { UNWRAPPED, xTitle } from '../../ui/axisText';
import type { EffectiveLrRun } from '../../../src/effectiveLrRun';
import { ChartBox } from '../../ui/ChartBox';
import type { Point } from '../../ui/point';
import { linePath } from '../../ui/svgPath';
import { fmt } from '../../ui/format';
import { type NormRow, normRows, normTable, roundAxis } from './wdView';

interface ChartProps {
  rows: readonly NormRow[];
  run: EffectiveLrRun;
  what: 'norm' | 'eff';
  /** Draw the λ > 0 line too (a presentation step hides it until the class has guessed). */
  showDecay: boolean;
  height: number;
}

const TITLES = { norm: '‖W₁‖ over training', eff: 'The effective step η/‖W₁‖² over training' } as const;
const MARGIN = { top: 14, right: 26, bottom: 18, left: 4 };

/** The lines, handed to the paths past the memoized Recharts frame: a redraw while training re-renders only them. */
const Lines = createContext<{ plain: readonly Point[]; decay: readonly Point[] | null }>({ plain: [], decay: null });

function Paths() {
  const { plain, decay } = useContext(Lines);
  const sx = useXAxisScale();
  const sy = useYAxisScale();
  if (!sx || !sy) return null;
  const x = (s: number) => Number(sx(s)), y = (v: number) => Number(sy(v));
  return (
    <g>
      <path className="wd-line-0" d={linePath(plain, x, y)} fill="none" strokeWidth={2.5} strokeLinejoin="round" />
      {decay && <path className="wd-line-decay" d={linePath(decay, x, y)} fill="none" strokeWidth={2.5} strokeDasharray="7 4" strokeLinejoin="round" />}
    </g>
  );
}

/** Axes and grid: re-rendered only when the width, the step axis or the rounded y range change. */
const Frame = memo(function Frame({ width, height, steps, y0, y1 }: { width: number; height: number; steps: number; y0: number; y1: number }) {
  return (
    <ChartTurn width={width} height={height}>
      <LineChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
        <XAxis interval={0} tick={UNWRAPPED} dataKey="s" type="number" domain={[0, steps]} tickCount={5} allowDataOverflow label={xTitle('training step')} />
        <YAxis interval={0} tick={UNWRAPPED} type="number" width={72} domain={[y0, y1]} allowDataOverflow tickCount={5} tickFormatter={(v: number) => fmt(v, 3)} />
        <ChartLater>
          <CartesianGrid {...GRID_AT_TICKS} vertical={false} />
          <Paths />
        </ChartLater>
      </LineChart>
    </ChartTurn>
  );
});

/** One of the two charts: ‖W₁‖ or η/‖W₁‖² against the step, λ = 0 solid, λ dashed. */
function NormChart({ rows, run, what, showDecay, height }: ChartProps) {
  const lam = run.traces[1].weightDecay;
  const label = `${TITLES[what]}, plain SGD at weight decay 0${showDecay ? ` and ${fmt(lam, 2)}` : ''}, step 0 to ${run.step}`;
  const [k0, kd] = what === 'norm' ? (['norm0', 'normDecay'] as const) : (['eff0', 'effDecay'] as const);
  const plain = rows.map((r) => ({ s: r.step, v: r[k0] }));
  const decay = showDecay ? rows.map((r) => ({ s: r.step, v: r[kd] })) : null;
  const [y0, y1] = roundAxis([...plain, ...(decay ?? [])].map((p) => p.v), what === 'eff');
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
        <div role="img" aria-label={label}>
          <Lines.Provider value={{ plain, decay }}>
            <Frame width={width} height={height} steps={run.options.steps} y0={y0} y1={y1} />
          </Lines.Provider>
        </div>
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
