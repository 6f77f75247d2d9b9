import { useMemo } from 'react';
import { ChartFrame } from '../ui/ChartFrame';
import { ghostLastStep } from './model/ghostLines';
import type { ChartLine } from './model/labCharts';
import { exportedSettings } from './model/labSettings';
import { linesTable } from './model/labExport';
import { count } from './model/labText';
import { divergenceMarks, marksText } from './model/runStatus';
import { usePair } from './usePair';
import { VARIANT_ORDER } from './model/variants';
import { LineChartPanel } from './LineChartPanel';
import { useEmptyRunText } from './useEmptyRunText';
import { runStore, useRun, type RunState } from './runStore';
import { useRunView } from './useRunView';

export interface LiveLines {
  readonly lines: readonly ChartLine[];
  readonly yDomain: [number, number] | null;
  readonly xMax: number;
}

interface Props {
  /** What to draw from the run (stable: wrap it in useCallback); null draws an empty chart. */
  select: (s: RunState) => LiveLines | null;
  label: string;
  /** The axes' titles, with units (the x axis: “training step” unless said). */
  yLabel: string;
  xLabel?: string;
  yFormat?: (v: number) => string;
  /** The value column's heading in the data table and downloads (default: yLabel). */
  valueLabel?: string;
  /** A fixed y range (accuracy: [0, 1]) instead of the selected one. */
  yDomain?: [number, number];
  log?: boolean;
  height?: number;
}

/**
 * A line chart that follows the run: its own throttled view, so it redraws in its own short task.
 * Where a network it draws diverged, the chart marks the step, and its description says so.
 */
export function LiveLineChart({ select, label, yLabel, xLabel, yFormat, valueLabel = yLabel, yDomain, log, height }: Props) {
  const view = useRunView(select);
  const diverged = useRun((s) => s.diverged);
  const pair = usePair();
  const ghost = useRun((s) => s.ghost);
  const lines = view?.lines;
  const variantKey = VARIANT_ORDER.filter((v) => lines?.some((l) => l.variant === v && !l.ghost)).join(',');
  const marks = useMemo(() => divergenceMarks(diverged, variantKey ? (variantKey.split(',') as typeof VARIANT_ORDER) : []), [diverged, variantKey]);
  // The chart's name says what its faint lines are, when it draws the previous run (its settings are in the key).
  const faint = ghost && lines?.some((l) => l.ghost) ? `; faint lines: the previous run, to step ${count(ghost.step)}.` : '';
  const described = `${label}${faint}${marksText(marks, pair)}`;
  const emptyText = useEmptyRunText();
  return (
    <ChartFrame title={label} data={() => linesTable(lines ?? [], valueLabel)} config={runSettings}>
      <LineChartPanel label={described} lines={lines ?? []} yDomain={yDomain ?? view?.yDomain ?? null} yLabel={yLabel} xLabel={xLabel} yFormat={yFormat} marks={marks} log={log} height={height} xMax={view?.xMax} emptyText={emptyText} />
    </ChartFrame>
  );
}

/** The run's settings (defaults filled in) and how far it got, for the chart's JSON download. */
export function runSettings(): Record<string, unknown> {
  const { info, step } = runStore.getState();
  return { ...(info ? exportedSettings(info.settings) : {}), step, points: 'as drawn: thinned to a few hundred per line; "Download every logged step" has all' };
}

/** The last logged step of either network, or of the previous run's ghost (at least 1): the right end of the step axes. */
export function lastStep(s: RunState): number {
  const sr = s.series;
  if (!sr) return Math.max(1, ghostLastStep(s.ghost));
  return Math.max(1, sr.plain.n ? sr.plain.step[sr.plain.n - 1] : 0, sr.bn.n ? sr.bn.step[sr.bn.n - 1] : 0, ghostLastStep(s.ghost));
}
