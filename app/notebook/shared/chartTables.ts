import type { QuantileRow } from '../why/covariateShift';
import type { ExportTable } from '../../ui/export/table';
import type { LandscapeRow } from '../why-it-works/landscapeView';
import type { CurvePoint } from '../why-it-works/scaleView';
import type { RunningPoint } from '../inference/trainEvalView';

/** The data behind each chart of sections 1, 14 and 15, as tables (text alternative and downloads). */

export const runningTable = (rows: readonly RunningPoint[], what: string): ExportTable => ({
  columns: [
    { key: 'batch', label: 'training batch' },
    { key: 'batchValue', label: `batch ${what}` },
    { key: 'running', label: `running ${what}` },
  ],
  rows: rows.map((r) => ({ ...r })),
});

export const quantileTable = (rows: readonly QuantileRow[], variant: 'plain' | 'bn'): ExportTable => ({
  columns: [
    { key: 'step', label: 'training step' },
    { key: 'q15', label: '15th percentile' },
    { key: 'q50', label: 'median' },
    { key: 'q85', label: '85th percentile' },
  ],
  rows: rows.map((r) => {
    const band = variant === 'plain' ? r.plainBand : r.bnBand;
    return { step: r.step, q15: band?.[0], q50: variant === 'plain' ? r.plainMid : r.bnMid, q85: band?.[1] };
  }),
});

export const scaleTable = (points: readonly CurvePoint[]): ExportTable => ({
  columns: [
    { key: 'k', label: 'k' },
    { key: 'gap', label: 'max |BN(k·z) − BN(z)|' },
  ],
  rows: points.map((p) => ({ k: p.k, gap: p.gap ?? 0 })),
});

export const landscapeTable = (rows: readonly LandscapeRow[], what: 'Loss' | 'Grad'): ExportTable => {
  const name = what === 'Loss' ? 'loss' : 'gradient change';
  return {
    columns: [
      { key: 'step', label: 'training step' },
      { key: 'plainLo', label: `lowest ${name}, without BN` },
      { key: 'plainHi', label: `highest ${name}, without BN` },
      { key: 'bnLo', label: `lowest ${name}, with BN` },
      { key: 'bnHi', label: `highest ${name}, with BN` },
    ],
    rows: rows.map((r) => {
      const plain = what === 'Loss' ? r.plainLoss : r.plainGrad;
      const bn = what === 'Loss' ? r.bnLoss : r.bnGrad;
      return { step: r.step, plainLo: plain?.[0], plainHi: plain?.[1], bnLo: bn?.[0], bnHi: bn?.[1] };
    }),
  };
};
