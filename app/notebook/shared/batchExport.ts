import { appStore } from '../../state/store';
import type { Histogram } from '../../../src/distribution';
import { fromColumns, type ExportColumn, type ExportTable } from '../../ui/export/table';

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

/**
 * Histograms over the same bins (small multiples) as one table: each bin's edges, then one count
 * column per histogram. Throws if the histograms do not share their bins.
 */
export function histogramTable(hists: readonly { key: string; label: string; hist: Histogram }[]): ExportTable {
  const edges = hists[0]?.hist.edges ?? new Float64Array(0);
  for (const h of hists) {
    if (h.hist.edges.length !== edges.length || h.hist.edges.some((e, k) => e !== edges[k])) throw new Error(`histogram "${h.label}" has other bins than "${hists[0].label}"`);
  }
  const bins = Math.max(0, edges.length - 1);
  return fromColumns([
    { key: 'from', label: 'bin from', values: edges.subarray(0, bins) },
    { key: 'to', label: 'bin to', values: edges.subarray(1) },
    ...hists.map((h) => ({ key: h.key, label: `${h.label} (count)`, values: h.hist.counts })),
  ]);
}
