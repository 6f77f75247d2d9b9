import type { ChartLine } from './labCharts';
import type { SweepView } from './sweepView';
import { gridPoints } from '../worker/boundary';
import type { BoundaryImage, Extent } from '../worker/messages';
import type { ExportTable } from '../../ui/export/table';
import { DEFAULT_PAIR, type Pair } from './pair';

/**
 * Export helpers for the training lab (section 13): its line charts as one long table (a row per
 * drawn point) and a decision boundary as its grid of predictions.
 */

/** Every drawn point of every line: line name, step, value (the points as drawn, thinned to at most a few hundred per line). */
export function linesTable(lines: readonly ChartLine[], valueLabel = 'value'): ExportTable {
  return {
    columns: [
      { key: 'line', label: 'line' },
      { key: 'step', label: 'step' },
      { key: 'value', label: valueLabel },
    ],
    rows: lines.flatMap((l) => l.points.map((p) => ({ line: l.name, step: p.s, value: p.v }))),
  };
}

/** A decision boundary: each grid cell's centre (x₁, x₂), predicted class and confidence (max softmax probability, 0–1, to 1/255). */
export function boundaryTable(image: BoundaryImage, resolution: number, extent: Extent): ExportTable {
  const cells = resolution * resolution;
  if (image.classes.length !== cells || image.confidence.length !== cells) {
    throw new Error(`the boundary image has ${image.classes.length} cells, not ${resolution}² = ${cells}`);
  }
  const g = gridPoints(extent, resolution).data;
  return {
    columns: [
      { key: 'x1', label: 'x₁ (cell centre)' },
      { key: 'x2', label: 'x₂ (cell centre)' },
      { key: 'cls', label: 'predicted class' },
      { key: 'confidence', label: 'confidence', digits: 3 },
    ],
    rows: Array.from({ length: cells }, (_, k) => ({ x1: g[2 * k], x2: g[2 * k + 1], cls: image.classes[k], confidence: image.confidence[k] / 255 })),
  };
}

/** A learning-rate sweep: per rate, each network's final loss (empty where it diverged) and whether it diverged. */
export function sweepTable(view: SweepView, p: Pair = DEFAULT_PAIR): ExportTable {
  const rates = [...new Set([...view.rows.map((r) => r.lr)])].sort((a, b) => a - b);
  const loss = (v: 'plain' | 'bn', lr: number) => view.lines[v].find((p) => p.s === lr)?.v ?? null;
  return {
    columns: [
      { key: 'lr', label: 'learning rate' },
      { key: 'plain', label: `final loss, ${p.phrase.plain}` },
      { key: 'bn', label: `final loss, ${p.phrase.bn}` },
      { key: 'plainDiverged', label: `diverged, ${p.phrase.plain}` },
      { key: 'bnDiverged', label: `diverged, ${p.phrase.bn}` },
    ],
    rows: rates.map((lr) => ({ lr, plain: loss('plain', lr), bn: loss('bn', lr), plainDiverged: view.diverged.plain.includes(lr), bnDiverged: view.diverged.bn.includes(lr) })),
  };
}
