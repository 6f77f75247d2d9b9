import { type LandscapeRun, LANDSCAPE_PRESET, createLandscapeRun, stepLandscapeRun } from '../../../src/landscapeRun';
import { quantile } from '../../../src/quantiles';
import type { VariantName } from '../../../src/train';
import type { ChunkedTask } from '../shared/chunkedTask';
import type { ExportTable } from '../../ui/export/table';

/** One checkpoint for the charts: [min, max] of the loss and of ‖Δ∇L‖ along the gradient, per network. */
export interface LandscapeRow {
  readonly step: number;
  readonly plainLoss?: [number, number];
  readonly bnLoss?: [number, number];
  readonly plainGrad?: [number, number];
  readonly bnGrad?: [number, number];
}

export interface VariantSummary {
  /** Medians over the checkpoints after step 0 (null when none is finite). */
  readonly lossRange: number | null;
  readonly gradChange: number | null;
  readonly beta: number | null;
  /** Checkpoints where a loss along the gradient was not a finite number (explained, never plotted). */
  readonly nonFinite: number;
}

export interface LandscapeView {
  readonly rows: readonly LandscapeRow[];
  readonly step: number;
  readonly total: number;
  readonly etas: readonly number[];
  readonly summary: Readonly<Record<VariantName, VariantSummary>>;
}

const finiteRange = (xs: ArrayLike<number>, extra: number): [number, number] | undefined => {
  const all = [extra, ...Array.from(xs)];
  return all.every(Number.isFinite) ? [Math.min(...all), Math.max(...all)] : undefined;
};

const median = (xs: number[]): number | null => (xs.length === 0 ? null : quantile(xs, 0.5));

/** Chart rows and medians from a landscape run. */
export function landscapeView(run: LandscapeRun): LandscapeView {
  const rows = run.points.map((p) => {
    const row: Record<string, unknown> = { step: p.step };
    for (const v of ['plain', 'bn'] as const) {
      const probe = p.probes[v];
      if (!probe) continue;
      row[`${v}Loss`] = finiteRange(probe.losses, probe.loss);
      row[`${v}Grad`] = finiteRange(probe.gradChange, 0);
    }
    return row as unknown as LandscapeRow;
  });
  const summarize = (v: VariantName): VariantSummary => {
    const later = run.points.slice(1).map((p) => p.probes[v]).filter((p) => p !== null);
    const ok = later.filter((p) => Number.isFinite(p.lossRange) && Number.isFinite(p.maxGradChange));
    return {
      lossRange: median(ok.map((p) => p.lossRange)),
      gradChange: median(ok.map((p) => p.maxGradChange)),
      beta: median(ok.map((p) => p.betaSmoothness)),
      nonFinite: later.length - ok.length,
    };
  };
  return {
    rows,
    step: run.experiment.comparison.step,
    total: run.options.steps,
    etas: run.etas,
    summary: { plain: summarize('plain'), bn: summarize('bn') },
  };
}

/** Section 14's run as a chunked task: one checkpoint (25 training steps and two probes) per call. */
export function landscapeTask(): ChunkedTask<LandscapeView> {
  const run = createLandscapeRun(LANDSCAPE_PRESET);
  return { step: () => stepLandscapeRun(run), view: () => landscapeView(run) };
}

/** How many times rougher the network without BN is, by the medians (null when either is missing or 0). */
export function roughness(view: LandscapeView): { loss: number | null; grad: number | null; beta: number | null } {
  const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
  const { plain, bn } = view.summary;
  return { loss: ratio(plain.lossRange, bn.lossRange), grad: ratio(plain.gradChange, bn.gradChange), beta: ratio(plain.beta, bn.beta) };
}

/** The loss or the gradient-change chart as a table (its text alternative and downloads): each [lo, hi] band as two columns. */
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
