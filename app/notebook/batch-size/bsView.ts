import type { BatchSweepOptions, BatchSweepPoint } from '../../../src/batchSweep';
import { experimentComparisonOptions, resolveExperimentSettings } from '../../../src/experiment';
import type { BatchSizeData } from '../../state/slices/batchSize';
import { type ExportTable, tableOf } from '../../ui/export/table';
import type { Point } from '../../ui/point';

/**
 * The batch-size section's model: its settings, the engine's options for each line (exactly those of
 * the `npm run train` command the page shows), the jobs a sweep runs, and what the page writes about
 * the finished points. No React here.
 */
export type BsNorm = 'bn' | 'group' | 'layer';
export const BS_NORMS: readonly BsNorm[] = ['bn', 'group', 'layer'];
export const BS_NORM_NAMES: Readonly<Record<BsNorm, string>> = { bn: 'BatchNorm', group: 'GroupNorm', layer: 'LayerNorm' };

export interface BsSettings {
  readonly norms: readonly BsNorm[];
  /** Ascending powers of 2. */
  readonly sizes: readonly number[];
  readonly epochs: number;
  readonly seed: number;
  readonly groups: number;
}

/** Every power of 2 from a to b (either order), ascending. */
export function sizesBetween(a: number, b: number): number[] {
  const sizes: number[] = [];
  for (let m = Math.min(a, b); m <= Math.max(a, b); m *= 2) sizes.push(m);
  return sizes;
}

export function bsSettingsOf(s: BatchSizeData): BsSettings {
  const norms = BS_NORMS.filter((n) => (n === 'bn' ? s.bsBn : n === 'group' ? s.bsGn : s.bsLn));
  return { norms, sizes: sizesBetween(Number(s.bsMin), Number(s.bsMax)), epochs: s.bsEpochs, seed: s.bsSeed, groups: Number(s.bsGroups) };
}

/**
 * The hidden width: 784 → 32 → 32 → 10. With the CLI's default 16 and 2 epochs, GroupNorm and LayerNorm
 * stayed 6–25 points behind BN at m = 32–64; at 32 units and 3 epochs (the section's default budget) the
 * three lie within about 1–4 points at m = 32 for seeds 1 and 3 (README, “The batch-size experiment”),
 * as in Wu & He's figure, for about twice the old sweep's time (64 units: about as close, twice the time again).
 */
export const BS_WIDTH = 32;

/**
 * The engine's options for one line: the CLI's defaults for Fashion-MNIST (two hidden layers, ReLU,
 * the norm before each ReLU, He init, SGD at lr 0.1 for m₀ = 32) at width BS_WIDTH, as scripts/train-norms.ts builds them.
 */
export function bsSweepOptions(s: BsSettings, norm: BsNorm, batchSizes: readonly number[]): BatchSweepOptions {
  const e = resolveExperimentSettings({ seed: s.seed, width: BS_WIDTH, ...(norm === 'group' ? { groups: s.groups } : {}) });
  const { norms: _n, logEvery: _l, evalEvery: _e, probeEvery: _p, ...options } = experimentComparisonOptions(e);
  return { ...options, model: e.model, norm, batchSizes, epochs: s.epochs };
}

/** The command that prints one line of the chart, one JSON line per batch size. */
export function bsCommand(s: BsSettings, norm: BsNorm): string {
  const groups = norm === 'group' ? ` --groups ${s.groups}` : '';
  return `npm run train -- --dataset fashion --sweep-batch ${s.sizes.join(',')} --norm ${norm}${groups} --width ${BS_WIDTH} --epochs ${s.epochs} --seed ${s.seed}`;
}

/** What a stored point belongs to: the data and network (fixed), the seed, the budget, the norm (and G), and m. */
export function pointKey(s: BsSettings, norm: BsNorm, m: number): string {
  return `fashion-mlp${BS_WIDTH}x2|seed=${s.seed}|epochs=${s.epochs}|${norm === 'group' ? `group:${s.groups}` : norm}|m=${m}`;
}

export interface BsJob {
  readonly norm: BsNorm;
  readonly m: number;
  readonly key: string;
}

/** Every point of the settings, in the order a sweep trains them: by batch size, then by norm (so each m fills in across the lines). */
export function bsJobs(s: BsSettings): BsJob[] {
  return s.sizes.flatMap((m) => s.norms.map((norm) => ({ norm, m, key: pointKey(s, norm, m) })));
}

export type BsPoints = Readonly<Record<string, BatchSweepPoint>>;

/** Error in percent (1 − accuracy), or null for a missing or diverged point. */
export const errorPct = (acc: number | null | undefined): number | null => (acc === null || acc === undefined ? null : 100 * (1 - acc));

export interface BsRow {
  readonly m: number;
  /** log₂ m: the chart's x. */
  readonly x: number;
  readonly bn: number | null;
  readonly group: number | null;
  readonly layer: number | null;
  /** BN's error in train mode (test batches of m, their own statistics). */
  readonly bnTrain: number | null;
  /** The norms whose point at this m diverged (no accuracy: a gap in their line). */
  readonly diverged: readonly BsNorm[];
}

/** One row per batch size: each norm's eval-mode test error (%) and BN's train-mode error, null where not (yet) trained. */
export function bsRows(s: BsSettings, points: BsPoints): BsRow[] {
  const at = (norm: BsNorm, m: number) => (s.norms.includes(norm) ? points[pointKey(s, norm, m)] : undefined);
  return s.sizes.map((m) => ({
    m,
    x: Math.log2(m),
    bn: errorPct(at('bn', m)?.testAccuracy),
    group: errorPct(at('group', m)?.testAccuracy),
    layer: errorPct(at('layer', m)?.testAccuracy),
    bnTrain: errorPct(at('bn', m)?.testAccuracyTrainMode),
    diverged: s.norms.filter((n) => at(n, m)?.diverged),
  }));
}

/** One line of a chart: its runs of consecutive finished points (a diverged or missing point breaks the line), and the x (log₂ m) of its diverged points. */
export function bsLine(rows: readonly BsRow[], key: BsNorm | 'bnTrain'): { runs: Point[][]; diverged: number[] } {
  const runs: Point[][] = [[]];
  for (const r of rows) {
    const v = r[key];
    if (v === null) runs.push([]);
    else runs[runs.length - 1].push({ s: r.x, v });
  }
  return { runs: runs.filter((run) => run.length > 0), diverged: key === 'bnTrain' ? [] : rows.filter((r) => r.diverged.includes(key)).map((r) => r.x) };
}

/** Every finished point, one row each: what the charts' tables and downloads hold. */
export function bsTable(s: BsSettings, points: BsPoints): ExportTable {
  const rows = bsJobs(s).flatMap(({ norm, m, key }) => {
    const p = points[key];
    if (!p) return [];
    return [{ norm: BS_NORM_NAMES[norm], m, steps: p.steps, lr: p.lr, evalError: errorPct(p.testAccuracy), trainModeError: errorPct(p.testAccuracyTrainMode), trainLoss: p.trainLoss, diverged: p.diverged?.reason ?? '' }];
  });
  return tableOf(rows, {
    norm: 'normalization', m: 'batch size m', steps: 'steps', lr: 'learning rate', evalError: 'test error, eval mode (%)',
    trainModeError: 'test error, train mode (%)', trainLoss: 'training loss, last epoch', diverged: 'diverged',
  });
}

const pct = (v: number) => `${v.toFixed(1)} %`;
const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)} points`;

/** BN's train-mode minus eval-mode test error at the smallest and largest finished m, and the largest gap, in words; null without BN points. */
export function bsGapText(s: BsSettings, points: BsPoints): string | null {
  if (!s.norms.includes('bn')) return null;
  const done = s.sizes.flatMap((m) => {
    const p = points[pointKey(s, 'bn', m)];
    if (!p || p.testAccuracy === null || p.testAccuracyTrainMode === null) return [];
    const ev = errorPct(p.testAccuracy) as number, tr = errorPct(p.testAccuracyTrainMode) as number;
    return [{ m, ev, tr, gap: tr - ev }];
  });
  if (done.length === 0) return null;
  const at = (d: (typeof done)[number]) => `${pts(d.gap)} at m = ${d.m} (${pct(d.tr)} vs ${pct(d.ev)})`;
  const ends = done.length === 1 ? [done[0]] : [done[0], done[done.length - 1]];
  const widest = done.reduce((a, b) => (Math.abs(b.gap) > Math.abs(a.gap) ? b : a));
  const most = ends.includes(widest) ? '' : `; the widest, ${pts(widest.gap)}, at m = ${widest.m}`;
  return `BatchNorm’s test error in train mode minus eval mode: ${ends.map(at).join(', ')}${most} (train mode leaves out the last incomplete batch of the 600 test images).`;
}

/** The largest train-mode vs eval-mode difference of the per-sample norms (points): 0 up to the rows a last incomplete batch leaves out. */
export function perSampleGap(s: BsSettings, points: BsPoints): number | null {
  const gaps = s.norms.filter((n) => n !== 'bn').flatMap((n) => s.sizes.map((m) => points[pointKey(s, n, m)]))
    .filter((p): p is BatchSweepPoint => !!p && p.testAccuracy !== null && p.testAccuracyTrainMode !== null)
    .map((p) => 100 * Math.abs(p.testAccuracy! - p.testAccuracyTrainMode!));
  return gaps.length ? Math.max(...gaps) : null;
}
