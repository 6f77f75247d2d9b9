import type { VariantName } from '../../../src/train';
import { downsample } from '../../ui/downsample';
import type { Point } from '../../ui/point';
import type { RunSeries, VariantSeries } from './series';
import { type Smoothing, movingMean } from './smallBatch';
import { VARIANT_ORDER } from './variants';
import { DEFAULT_PAIR, type Pair } from './pair';

/**
 * Shapes a lab run's columns (series.ts) into the lines its charts draw: downsampled, finite-only.
 * Pure; no React, no Recharts. Their axes: labAxes.ts.
 */
export type LineRole = 'train' | 'test' | 'q15' | 'q50' | 'q85' | 'grad';

export interface ChartLine {
  readonly id: string;
  readonly name: string;
  readonly variant: VariantName;
  readonly role: LineRole;
  readonly points: readonly Point[];
  /** A line of the previous run (see ghost.ts): drawn faint, under the current run's. */
  readonly ghost?: true;
}

/** Points per line: about one per three pixels of a chart on a laptop screen. */
export const MAX_POINTS = 200;

/** A network's mini-batch column for `metric`, as logged or as a moving mean (small batches, see smallBatch.ts). */
function trainColumn(s: VariantSeries, metric: 'loss' | 'accuracy', smoothing: Smoothing | null): ArrayLike<number> {
  const col = metric === 'loss' ? s.trainLoss : s.trainAccuracy;
  return smoothing ? movingMean(col, s.n, smoothing.window) : col;
}

/**
 * Train (every logged mini-batch, or their moving mean when `smoothing` says so) and test (every
 * evaluation) lines of both networks, train first.
 */
export function metricLines(series: RunSeries, metric: 'loss' | 'accuracy', maxPoints = MAX_POINTS, smoothing: Smoothing | null = null, p: Pair = DEFAULT_PAIR): ChartLine[] {
  const lines: ChartLine[] = [];
  const train = smoothing ? `mini-batch, ${smoothing.text}` : 'mini-batch';
  for (const role of ['train', 'test'] as const) {
    for (const v of VARIANT_ORDER) {
      const s = series[v];
      const points =
        role === 'train'
          ? downsample(s.step, trainColumn(s, metric, smoothing), s.n, maxPoints)
          : downsample(s.testStep, metric === 'loss' ? s.testLoss : s.testAccuracy, s.testN, maxPoints);
      lines.push({ id: `${v}-${role}`, name: `${p.label[v]}, ${role === 'train' ? train : 'test set'}`, variant: v, role, points });
    }
  }
  return lines;
}

/** The 15 %, 50 % and 85 % quantiles of one network's probed unit in hidden layer `layer` (0-based). */
export function quantileLines(series: RunSeries, variant: VariantName, layer: number, maxPoints = MAX_POINTS, p: Pair = DEFAULT_PAIR): ChartLine[] {
  const s = series[variant];
  if (layer < 0 || layer >= s.q50.length) return [];
  return (['q15', 'q50', 'q85'] as const).map((role) => ({
    id: `${variant}-${role}`,
    name: `${p.label[variant]}, ${role.slice(1)} % quantile`,
    variant,
    role,
    points: downsample(s.step, s[role][layer], s.n, maxPoints),
  }));
}

const positive = (v: number): boolean => v > 0;

/** ‖∂L/∂W‖ of weight layer `layer` (0-based) over training, both networks, for a log axis (zeros dropped). */
export function gradNormLines(series: RunSeries, layer: number, maxPoints = MAX_POINTS, p: Pair = DEFAULT_PAIR): ChartLine[] {
  return VARIANT_ORDER.filter((v) => layer >= 0 && layer < series[v].gradNorm.length).map((v) => ({
    id: `${v}-grad`,
    name: `${p.label[v]}, ‖∂L/∂W${layer + 1}‖`,
    variant: v,
    role: 'grad' as const,
    points: downsample(series[v].step, series[v].gradNorm[layer], series[v].n, maxPoints, { keep: positive, scale: Math.log10 }),
  }));
}
