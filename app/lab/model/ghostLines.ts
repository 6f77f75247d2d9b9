import { type ChartLine, metricLines, quantileLines } from './labCharts';
import { type Ghost, ghostLegend } from './ghost';
import type { VariantName } from '../../../src/train';
import { normChoiceOf } from './normChoice';
import { type Pair, pairOf } from './pair';

/** The previous run's own pair of networks, which its lines are named by (it may differ from the current run's). */
const ghostPair = (ghost: Ghost): Pair => {
  const c = normChoiceOf(ghost.settings);
  return pairOf(c.norms, c.groups);
};

/**
 * The previous run's lines on the lab's charts (see ghost.ts): only the lines that read clearly when
 * faint — the test-set curves of loss and accuracy (not the noisy mini-batch ones) and the median of a
 * unit's input. Not the gradient norms: logged every step and noisy over decades, a faint copy only
 * blurs the current run's lines. Each is named “previous run: lr 0.1, to step 1,234: …”, so a chart's
 * data table and download say which lines are not the current run's. Pure.
 */
function asGhost(ghost: Ghost, lines: readonly ChartLine[]): ChartLine[] {
  const prefix = ghostLegend(ghost);
  return lines.map((l) => ({ ...l, id: `ghost-${l.id}`, name: `${prefix[0].toUpperCase()}${prefix.slice(1)}: ${l.name}`, ghost: true }));
}

export function ghostMetricLines(ghost: Ghost | null, metric: 'loss' | 'accuracy'): ChartLine[] {
  return ghost ? asGhost(ghost, metricLines(ghost.series, metric, undefined, null, ghostPair(ghost)).filter((l) => l.role === 'test')) : [];
}

/** The median of one network's probed unit in hidden layer `layer` (0-based), if the previous run had that layer (the caller leaves out a ghost of the other kind of network: a unit is not a channel). */
export function ghostQuantileLines(ghost: Ghost | null, variant: VariantName, layer: number): ChartLine[] {
  return ghost ? asGhost(ghost, quantileLines(ghost.series, variant, layer, undefined, ghostPair(ghost)).filter((l) => l.role === 'q50')) : [];
}

/** The last step the ghost reached (0 without one): the step axes reach it, so its lines are not cut off. */
export const ghostLastStep = (ghost: Ghost | null): number => ghost?.step ?? 0;
