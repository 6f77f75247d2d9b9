import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ChartFrame } from '../../../app/ui/ChartFrame';
import { TABLE_MAX_ROWS } from '../../../app/ui/ChartDataTable';
import type { ExportTable } from '../../../app/ui/export/table';

const TITLE = 'Test loss with and without BN';
const DATA: ExportTable = {
  columns: [
    { key: 'step', label: 'training step' },
    { key: 'bn', label: 'with BN', digits: 3 },
    { key: 'plain', label: 'without BN', digits: 3 },
  ],
  rows: [
    { step: 0, bn: 2.302585, plain: 2.302585 },
    { step: 50, bn: 0.412345, plain: Number.NaN },
  ],
};

function Chart() {
  return (
    <svg width="200" height="100" aria-label="the chart" role="img">
      <path className="series-bn" d="M0 50 L200 20" />
    </svg>
  );
}

/** Every download: its file name and the text of its blob. */
let saved: { name: string; blob: Blob }[];
beforeEach(() => {
  saved = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
});
afterEach(() => vi.restoreAllMocks());

/** A saved blob's text (jsdom's Blob is read with its FileReader). */
const text = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

describe('ChartFrame', () => {
  test('"Show data as a table" reveals a real table of the 2 rows × 3 columns (numbers formatted, NaN in words) and hides it again', async () => {
    const user = userEvent.setup();
    render(<ChartFrame title={TITLE} data={DATA}><Chart /></ChartFrame>);
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: `Show data as a table: ${TITLE}` });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const table = screen.getByRole('table', { name: TITLE });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName(`Hide data table: ${TITLE}`);
    expect(toggle).toHaveTextContent('Hide data table');
    expect(screen.getByRole('region', { name: `Data of ${TITLE}` })).toContainElement(table);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['training step', 'with BN', 'without BN']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['0', '2.303', '2.303'],
      ['50', '0.412', 'undefined'],
    ]);
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('0');
    await user.click(toggle);
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('"Download" discloses PNG, SVG, CSV and JSON; CSV and JSON save the data (every digit) and the configuration, named after the title', async () => {
    const user = userEvent.setup();
    render(<ChartFrame title={TITLE} data={DATA} config={{ seed: 7, lr: 0.5 }}><Chart /></ChartFrame>);
    expect(screen.queryByRole('button', { name: `Download CSV of ${TITLE}` })).toBeNull();
    const menu = screen.getByRole('button', { name: `Download: ${TITLE}` });
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('button', { name: /^Download \w+ of / }).map((b) => b.textContent)).toEqual(['PNG', 'SVG', 'CSV', 'JSON']);
    await user.click(screen.getByRole('button', { name: `Download CSV of ${TITLE}` }));
    await user.click(screen.getByRole('button', { name: `Download JSON of ${TITLE}` }));
    expect(saved.map((s) => s.name)).toEqual(['test-loss-with-and-without-bn.csv', 'test-loss-with-and-without-bn.json']);
    expect(await text(saved[0].blob)).toBe('training step,with BN,without BN\r\n0,2.302585,2.302585\r\n50,0.412345,\r\n');
    const json = JSON.parse(await text(saved[1].blob));
    expect(json.config).toEqual({ lr: 0.5, seed: 7 });
    expect(json.link).toBe(window.location.href);
    expect(json.data[1]).toEqual({ step: 50, bn: 0.412345, plain: null });
  });

  test('Download SVG saves the drawn chart as a standalone SVG file with its title', async () => {
    const user = userEvent.setup();
    render(<ChartFrame title={TITLE} data={DATA}><Chart /></ChartFrame>);
    await user.click(screen.getByRole('button', { name: `Download: ${TITLE}` }));
    await user.click(screen.getByRole('button', { name: `Download SVG of ${TITLE}` }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('test-loss-with-and-without-bn.svg');
    const doc = new DOMParser().parseFromString(await text(saved[0].blob), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')?.textContent).toBe(TITLE);
    expect(doc.querySelector('path')?.getAttribute('d')).toBe('M0 50 L200 20');
  });

  test('with nothing drawn, a download says so in words instead of failing silently', async () => {
    const user = userEvent.setup();
    render(<ChartFrame title={TITLE} data={DATA}><p>Training has not started.</p></ChartFrame>);
    await user.click(screen.getByRole('button', { name: `Download: ${TITLE}` }));
    await user.click(screen.getByRole('button', { name: `Download PNG of ${TITLE}` }));
    expect(await screen.findByRole('status')).toHaveTextContent('Could not save: There is no drawn chart to save yet.');
    expect(saved).toEqual([]);
  });

  test(`data given as a function is computed only when needed; a long series shows ${TABLE_MAX_ROWS} rows and says the CSV has all`, async () => {
    const user = userEvent.setup();
    const rows = Array.from({ length: TABLE_MAX_ROWS + 20 }, (_, i) => ({ step: i, loss: 1 / (i + 1) }));
    const data = vi.fn(() => ({ columns: [{ key: 'step', label: 'step' }, { key: 'loss', label: 'loss' }], rows }));
    render(<ChartFrame title="Loss" data={data} caption="Loss over training."><Chart /></ChartFrame>);
    expect(screen.getByText('Loss over training.')).toBeInTheDocument();
    expect(data).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Show data as a table: Loss' }));
    const table = screen.getByRole('table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(TABLE_MAX_ROWS);
    expect(table.querySelector('caption')).toHaveTextContent(`the first ${TABLE_MAX_ROWS} of ${TABLE_MAX_ROWS + 20} rows (the CSV has all)`);
  });

  test('keyboard: two tab stops (table, Download); Enter opens each; Tab then reaches every format and Space saves', async () => {
    const user = userEvent.setup();
    render(<ChartFrame title={TITLE} data={DATA}><Chart /></ChartFrame>);
    await user.tab();
    expect(screen.getByRole('button', { name: `Show data as a table: ${TITLE}` })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('table')).toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('button', { name: `Download: ${TITLE}` })).toHaveFocus();
    await user.keyboard('{Enter}');
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      names.push(document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(names).toEqual(['PNG', 'SVG', 'CSV', 'JSON'].map((f) => `Download ${f} of ${TITLE}`));
    await user.keyboard(' ');
    expect(saved.map((s) => s.name)).toEqual(['test-loss-with-and-without-bn.json']);
  });
});
