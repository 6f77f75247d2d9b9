import { useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { ChartTurn } from '../ui/ChartTurn';
import { GRID_AT_TICKS } from '../ui/gridAtTicks';
import { ChartFrame } from '../ui/ChartFrame';
import { fmt } from '../ui/format';
import { logDomain, logTicks, yAxisWidth } from './model/labAxes';
import { gradNormLines } from './model/labCharts';
import { latestGradNorms } from './model/readouts';
import { VARIANT_ORDER } from './model/variants';
import { usePair } from './usePair';
import type { Pair } from './model/pair';
import { gradBarNotes } from './model/labText';
import { useElementWidth } from '../ui/useElementWidth';
import { useAppState } from '../state/store';
import { LiveLineChart, type LiveLines, lastStep, runSettings } from './LiveLineChart';
import { VARIANT_COLOR } from './lineStyle';
import { AxisTitles, TITLE_ROOM } from './AxisTitles';
import type { RunState } from './runStore';
import { layoutInfo, useRun } from './runStore';
import { useEmptyRunText } from './useEmptyRunText';
import { useRunView } from './useRunView';
import { UNWRAPPED } from '../ui/axisText';

const tick = { ...UNWRAPPED, fontSize: 12, fill: 'var(--muted)' };
const format = (v: number): string => fmt(v, 4);
const Y_TITLE = '‖∂L/∂W‖ (log scale)';
const ZERO_LABEL = { fontSize: 12, fill: 'var(--fg)' };

const latestOf = (pair: Pair) => (s: RunState) => {
  if (!s.series) return null;
  const norms = latestGradNorms(s.series);
  const positive = (x: number | null) => (x !== null && x > 0 ? x : null);
  const points = norms.flatMap((r) => [positive(r.plain), positive(r.bn)]).filter((x): x is number => x !== null).map((v) => ({ s: 0, v }));
  const domain = logDomain([{ id: 'all', name: '', variant: 'bn', role: 'grad', points }]) ?? ([1e-3, 1] as [number, number]);
  // A zero has no place on a log scale: its bar is a hairline on the bottom edge, with a "0" above it.
  const bar = (x: number | null) => (x === 0 ? domain[0] * 1.03 : positive(x));
  const rows = norms.map((r) => ({ layer: r.layer, plain: bar(r.plain), bn: bar(r.bn), plainZero: r.plain === 0 ? '0' : null, bnZero: r.bn === 0 ? '0' : null }));
  const step = (v: 'plain' | 'bn') => (s.series![v].n > 0 ? s.series![v].step[s.series![v].n - 1] : null);
  const steps = { plain: step('plain'), bn: step('bn') };
  return { norms, rows, domain, steps, notes: gradBarNotes(norms, s.diverged, steps, pair) };
};
type Latest = NonNullable<ReturnType<ReturnType<typeof latestOf>>>;

/** Bars are a full Recharts redraw: once a second is enough for values that jump every step anyway. */
const BARS_MS = 1000;

const TITLE = 'Latest gradient norm ‖∂L/∂W‖ per weight layer';

/** The bars' numbers as a table: each layer's latest norm per network, and the step it was logged at. */
function barsTable(view: Latest | null, pair: Pair) {
  return {
    columns: [
      { key: 'layer', label: 'weight layer' },
      ...VARIANT_ORDER.flatMap((v) => [
        { key: v, label: `‖∂L/∂W‖, ${pair.phrase[v]}` },
        { key: `${v}Step`, label: `logged at step, ${pair.phrase[v]}` },
      ]),
    ],
    rows: (view?.norms ?? []).map((r) => ({ layer: r.layer, plain: r.plain, bn: r.bn, plainStep: view?.steps.plain, bnStep: view?.steps.bn })),
  };
}

/** ‖∂L/∂W_l‖ of every weight layer at the latest logged step: bars on a log scale, both networks. */
function LatestBars() {
  const pair = usePair();
  const view = useRunView(useMemo(() => latestOf(pair), [pair]), BARS_MS);
  const cnn = useRun((s) => layoutInfo(s)?.settings.model === 'cnn');
  const [box, width] = useElementWidth<HTMLDivElement>(420);
  const emptyText = useEmptyRunText();
  const words = (x: number | null) => (x === null ? 'none' : fmt(x, 2));
  const summary = (view?.norms ?? []).map((r) => `${r.layer}: ${pair.label.plain} ${words(r.plain)}, ${pair.label.bn} ${words(r.bn)}`).join('; ');
  const notes = view?.notes ?? [];
  const domain = view?.domain ?? [1e-3, 1];
  const ticks = logTicks(domain);
  return (
    <ChartFrame title={TITLE} data={() => barsTable(view, pair)} config={() => ({ ...runSettings(), points: undefined })}>
      <div ref={box} className="lab-chart" role="img" aria-label={`Gradient norms per weight layer at the latest step. ${summary}${notes.length ? `. ${notes.join(' ')}` : ''}`}>
        <ChartTurn width={width} height={220}>
          <BarChart width={width} height={220} data={view?.rows ?? []} margin={{ top: TITLE_ROOM, right: 12, bottom: 18, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid {...GRID_AT_TICKS} stroke="var(--c-grid)" strokeDasharray="2 4" vertical={false} />
            <XAxis dataKey="layer" tick={tick} interval={0} />
            <YAxis type="number" scale="log" domain={domain} ticks={ticks} interval={0} allowDataOverflow tick={tick} width={yAxisWidth((ticks ?? []).map(format))} tickFormatter={format} />
            <Bar dataKey="plain" name={pair.label.plain} fill={VARIANT_COLOR.plain} fillOpacity={0.3} stroke={VARIANT_COLOR.plain} strokeWidth={1.5} strokeDasharray="5 3" isAnimationActive={false}>
              <LabelList dataKey="plainZero" position="top" style={ZERO_LABEL} />
            </Bar>
            <Bar dataKey="bn" name={pair.label.bn} fill={VARIANT_COLOR.bn} stroke={VARIANT_COLOR.bn} strokeWidth={1.5} isAnimationActive={false}>
              <LabelList dataKey="bnZero" position="top" style={ZERO_LABEL} />
            </Bar>
            <AxisTitles x={cnn ? 'weight layer (W₁, W₂ convolutions, W₃ linear)' : 'weight layer (W₁ is nearest the input)'} y={Y_TITLE} />
          </BarChart>
        </ChartTurn>
        {!view?.norms.some((r) => r.plain !== null || r.bn !== null) && <p className="lab-chart-empty">{emptyText}</p>}
      </div>
      {notes.map((n) => (
        <p key={n} className="lab-hint" data-testid="grad-bars-note">
          {n}
        </p>
      ))}
    </ChartFrame>
  );
}

/**
 * ‖∂L/∂W_l‖ of each weight layer at the latest logged step (bars, log scale: vanishing gradients
 * show as bars orders of magnitude apart), and over training for the weights into the hidden layer
 * chosen in the quantile panel.
 */
export function GradNormPanel() {
  const pair = usePair();
  const hidden = useRun((s) => layoutInfo(s)?.hidden.length ?? 0);
  const cnn = useRun((s) => layoutInfo(s)?.settings.model === 'cnn');
  const chosen = useAppState((s) => s.labLayer);
  const layer = Math.max(1, chosen === 0 || chosen > hidden ? hidden : chosen);
  const overTime = useCallback(
    (s: RunState): LiveLines | null => {
      if (!s.series) return null;
      const lines = gradNormLines(s.series, layer - 1, undefined, pair);
      return { lines, yDomain: logDomain(lines), xMax: lastStep(s) };
    },
    [layer, pair],
  );
  return (
    <div className="lab-grid">
      <figure className="lab-figure">
        <figcaption>Latest ‖∂L/∂W‖ per layer</figcaption>
        <LatestBars />
      </figure>
      <figure className="lab-figure">
        <figcaption>
          ‖∂L/∂W{layer}‖ over training{hidden > 0 && <span className="lab-at"> ({cnn ? `the filters of convolution block ${layer}` : `the weights into hidden layer ${layer}`}, chosen above)</span>}
        </figcaption>
        <LiveLineChart select={overTime} label={`Gradient norm of weight layer ${layer} over training, both networks`} yLabel={Y_TITLE} valueLabel="‖∂L/∂W‖" log />
      </figure>
    </div>
  );
}
