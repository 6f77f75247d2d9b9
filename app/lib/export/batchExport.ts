import { appStore } from '../../state/store';
import { fromColumns, type ExportColumn, type ExportTable } from './table';

/**
 * Export helpers for the plots of sections 2–10 (the shared mini-batch): a plotted batch as a table
 * with one row per sample, and the settings that drew it.
 */

/** Sample i = 1…m, then one column per plotted quantity (all of length m). */
export function sampleTable(columns: readonly (ExportColumn & { values: ArrayLike<number> })[]): ExportTable {
  const m = Math.max(0, ...columns.map((c) => c.values.length));
  return fromColumns([{ key: 'i', label: 'sample i', values: Array.from({ length: m }, (_, i) => i + 1) }, ...columns]);
}

/** The controls that produce the batch and its normalization, as they are now (read at download time). */
export function batchSettings(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { seed, m, shift, scale, overrides, eps, gamma, beta } = appStore.getState();
  return { seed, m, shift, scale, draggedPoints: overrides, eps, gamma, beta, ...extra };
}
