import { toCsv } from './csv';
import { download, fileBase } from './download';
import { findChart } from './findChart';
import { toJson } from './json';
import { canvasToPng, svgToPng } from './raster';
import { backgroundOf, canvasSvg, serializeSvg, serializeSvgs, svgSize } from './svg';
import type { ExportTable } from './table';

/**
 * What ChartFrame's buttons do: find the chart inside `root` and save it as PNG or SVG, or save the
 * chart's data as CSV or JSON. Failures reject with an Error whose message can be shown as it is.
 */
export async function exportImage(root: Element | null, title: string, format: 'png' | 'svg'): Promise<string> {
  const chart = findChart(root);
  if (!chart) throw new Error('There is no drawn chart to save yet.');
  const name = `${fileBase(title)}.${format}`;
  if (chart.kind === 'svg') {
    const { text, width, height } = chart.all.length > 1 ? serializeSvgs(chart.all, { title }) : { text: serializeSvg(chart.el, { title }), ...svgSize(chart.el) };
    if (format === 'svg') download(text, name, 'image/svg+xml');
    else download(await svgToPng(text, width, height), name);
    return name;
  }
  const canvas = chart.el;
  if (format === 'png') download(await canvasToPng(canvas), name);
  else {
    const rect = canvas.getBoundingClientRect();
    const width = Math.round(rect.width) || canvas.width;
    const height = Math.round(rect.height) || canvas.height;
    download(canvasSvg(canvas.toDataURL('image/png'), width, height, title, backgroundOf(canvas)), name, 'image/svg+xml');
  }
  return name;
}

export function exportData(title: string, table: ExportTable, config: Record<string, unknown>, format: 'csv' | 'json'): string {
  const name = `${fileBase(title)}.${format}`;
  if (format === 'csv') download(toCsv(table), name, 'text/csv;charset=utf-8');
  // The page's address holds every control (URL state): saved with the data, it reproduces them.
  else download(toJson(title, table, config, typeof location === 'undefined' ? undefined : location.href), name, 'application/json');
  return name;
}
