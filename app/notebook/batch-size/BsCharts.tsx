import { createContext, memo, useContext } from 'react';
import { CartesianGrid, LineChart, XAxis, YAxis, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { ChartLater, ChartTurn } from '../../ui/ChartTurn';
import { GRID_AT_TICKS } from '../../ui/gridAtTicks';
import { UNWRAPPED, xTitle } from '../../ui/axisText';
import type { Point } from '../../ui/point';
import { linePath } from '../../ui/svgPath';
import { ChartBox } from '../../ui/ChartBox';
import { type BsNorm, type BsPoints, type BsRow, type BsSettings, BS_NORM_NAMES, bsLine, bsRows, bsTable } from './bsView';

const MARGIN = { top: 14, right: 26, bottom: 18, left: 4 };
const DASH: Readonly<Record<BsNorm, string | undefined>> = { bn: undefined, group: '8 4', layer: '2 3' };

interface Props {
  settings: BsSettings;
  points: BsPoints;
  height?: number;
}

function Key({ lines }: { lines: readonly { cls: string; label: string }[] }) {
  return (
    <span className="bs-key">
      {lines.map((l) => (
        <span key={l.cls}>
          <span className={`bs-swatch ${l.cls}`} aria-hidden="true" /> {l.label}
        </span>
      ))}
    </span>
  );
}

interface Series {
  readonly cls: string;
  readonly dash?: string;
  /** The line's runs of consecutive points: a diverged (or missing) point between them leaves a gap. */
  readonly runs: readonly (readonly Point[])[];
  /** The x (log₂ m) of each diverged point: a cross at the top of the chart. */
  readonly diverged: readonly number[];
}

/** The lines, handed past the memoized Recharts frame: a new point re-renders only these paths, not the axes (as in the weight-decay charts). */
const Lines = createContext<readonly Series[]>([]);

function Paths() {
  const series = useContext(Lines);
  const sx = useXAxisScale();
  const sy = useYAxisScale();
  const plot = usePlotArea();
  if (!sx || !sy || !plot) return null;
  const x = (s: number) => Number(sx(s)), y = (v: number) => Number(sy(v));
  const top = plot.y + 8;
  return (
    <g>
      {series.map((l) => (
        <g key={l.cls} className={l.cls}>
          {l.runs.map((run) => (
            <path key={run[0].s} d={linePath(run, x, y)} fill="none" strokeWidth={2.5} strokeDasharray={l.dash} strokeLinejoin="round" />
          ))}
          {l.runs.flat().map((p) => (
            <circle key={p.s} cx={x(p.s)} cy={y(p.v)} r={4} className="bs-dot" />
          ))}
          {l.diverged.map((s) => (
            <path key={s} d={`M${x(s) - 5},${top - 5}l10,10m0,-10l-10,10`} strokeWidth={2.5} className="bs-diverged" data-testid="bs-diverged">
              <title>{`diverged at m = ${2 ** s}: no accuracy`}</title>
            </path>
          ))}
        </g>
      ))}
    </g>
  );
}

/** Axes and grid: re-rendered only when the width, the batch sizes or the rounded top change. */
const Frame = memo(function Frame({ width, height, ticks, top }: { width: number; height: number; ticks: string; top: number }) {
  const xs = ticks.split(',').map(Number);
  return (
    <ChartTurn width={width} height={height}>
      <LineChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
        <XAxis interval={0} tick={UNWRAPPED} dataKey="x" type="number" domain={[xs[0] - 0.25, xs[xs.length - 1] + 0.25]} ticks={xs} tickFormatter={(x: number) => String(2 ** x)} allowDataOverflow label={xTitle('batch size m (log₂ axis)')} />
        <YAxis interval={0} tick={UNWRAPPED} type="number" width={48} domain={[0, top]} ticks={[0, top / 4, top / 2, (3 * top) / 4, top]} tickFormatter={String} allowDataOverflow />
        <ChartLater>
          <CartesianGrid {...GRID_AT_TICKS} vertical={false} />
          <Paths />
        </ChartLater>
      </LineChart>
    </ChartTurn>
  );
});

/** The chart: the memoized frame, the lines past it. */
function Plot({ rows, series, width, height }: { rows: readonly BsRow[]; series: readonly Series[]; width: number; height: number }) {
  const values = series.flatMap((l) => l.runs.flat().map((p) => p.v));
  const top = Math.min(100, Math.max(40, Math.ceil(Math.max(0, ...values) / 20) * 20));
  return (
    <Lines.Provider value={series}>
      <Frame width={width} height={height} ticks={rows.map((r) => r.x).join(',')} top={top} />
    </Lines.Provider>
  );
}

/** Eval-mode test error against m, one line per norm trained (Wu & He 2018, Fig. 1, on this page's data). */
export const ErrorChart = memo(function ErrorChart({ settings, points, height = 240 }: Props) {
  const rows = bsRows(settings, points);
  const label = `Test error in eval mode against the batch size m (${settings.sizes.join(', ')}), ${settings.norms.map((n) => BS_NORM_NAMES[n]).join(', ')}; ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'} at every m`;
  return (
    <ChartBox
      label={label}
      title="Test error in % (eval mode) against the batch size m"
      data={() => bsTable(settings, points)}
      config={{ ...settings }}
      caption={<Key lines={settings.norms.map((n) => ({ cls: `bs-swatch-${n}`, label: n === 'group' ? `GroupNorm (G = ${settings.groups})` : BS_NORM_NAMES[n] }))} />}
    >
      {(width) => (
        <div role="img" aria-label={label}>
          <Plot rows={rows} width={width} height={height} series={settings.norms.map((n) => ({ cls: `bs-line-${n}`, dash: DASH[n], ...bsLine(rows, n) }))} />
        </div>
      )}
    </ChartBox>
  );
});

/** BatchNorm's test error in eval mode (running statistics) and in train mode (test batches of m) against m. */
export const GapChart = memo(function GapChart({ settings, points, height = 220 }: Props) {
  const rows = bsRows(settings, points);
  const label = `BatchNorm's test error in eval mode and in train mode against the batch size m (${settings.sizes.join(', ')})`;
  return (
    <ChartBox
      label={label}
      title="BatchNorm’s test error in %: eval mode vs train mode"
      data={() => bsTable({ ...settings, norms: ['bn'] }, points)}
      config={{ ...settings, norms: ['bn'] }}
      caption={<Key lines={[{ cls: 'bs-swatch-bn', label: 'eval mode (running statistics)' }, { cls: 'bs-swatch-train', label: 'train mode (test batches of m, their own statistics)' }]} />}
    >
      {(width) => (
        <div role="img" aria-label={label}>
          <Plot rows={rows} width={width} height={height} series={[{ cls: 'bs-line-bn', ...bsLine(rows, 'bn') }, { cls: 'bs-line-train', dash: '6 4', ...bsLine(rows, 'bnTrain') }]} />
        </div>
      )}
    </ChartBox>
  );
});
