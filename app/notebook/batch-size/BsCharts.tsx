import { memo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../ui/ChartBox';
import { fmt } from '../../ui/format';
import { type BsNorm, type BsPoints, type BsRow, type BsSettings, BS_NORM_NAMES, bsRows, bsTable } from './bsView';

const MARGIN = { top: 8, right: 16, bottom: 18, left: 4 };
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

function Axes({ settings, rows }: { settings: BsSettings; rows: readonly BsRow[] }) {
  const values = rows.flatMap((r) => [r.bn, r.group, r.layer, r.bnTrain]).filter((v): v is number => v !== null);
  const top = Math.min(100, Math.max(40, Math.ceil(Math.max(0, ...values) / 20) * 20));
  const lo = Math.log2(settings.sizes[0]), hi = Math.log2(settings.sizes[settings.sizes.length - 1]);
  return (
    <>
      <CartesianGrid vertical={false} />
      <XAxis dataKey="x" type="number" domain={[lo - 0.25, hi + 0.25]} ticks={rows.map((r) => r.x)} tickFormatter={(x: number) => String(2 ** x)} label={{ value: 'batch size m (log₂ axis)', position: 'insideBottom', offset: -10 }} />
      <YAxis type="number" width={48} domain={[0, top]} ticks={[0, top / 4, top / 2, (3 * top) / 4, top]} tickFormatter={String} />
      <Tooltip formatter={(v) => `${fmt(Number(v), 3)} %`} labelFormatter={(x) => `m = ${2 ** Number(x)}`} />
    </>
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
          <LineChart width={width} height={height} data={rows as BsRow[]} margin={MARGIN} accessibilityLayer={false}>
            <Axes settings={settings} rows={rows} />
            {settings.norms.map((n) => (
              <Line key={n} dataKey={n} name={BS_NORM_NAMES[n]} className={`bs-line-${n}`} strokeWidth={2.5} strokeDasharray={DASH[n]} dot={{ r: 4 }} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
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
          <LineChart width={width} height={height} data={rows as BsRow[]} margin={MARGIN} accessibilityLayer={false}>
            <Axes settings={settings} rows={rows} />
            <Line dataKey="bn" name="eval mode" className="bs-line-bn" strokeWidth={2.5} dot={{ r: 4 }} isAnimationActive={false} connectNulls />
            <Line dataKey="bnTrain" name="train mode" className="bs-line-train" strokeWidth={2.5} strokeDasharray="6 4" dot={{ r: 4 }} isAnimationActive={false} connectNulls />
          </LineChart>
        </div>
      )}
    </ChartBox>
  );
});
