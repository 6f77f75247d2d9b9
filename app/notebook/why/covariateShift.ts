import type { ExperimentSettings } from '../../../src/experiment';
import type { VariantName } from '../../../src/train';
import type { ExportTable } from '../../ui/export/table';
import { fmt, sig } from '../../ui/format';
import { DRIFTED, MOVED, bandCollapsed } from '../../lab/model/captions';

/**
 * Section 1's experiment, after Ioffe & Szegedy (2015), Fig. 1(b, c): the same sigmoid network trained
 * with and without BN, and the 15th, 50th and 85th percentiles of one unit's input to its sigmoid
 * (last hidden layer) measured every 10 steps on a fixed batch.
 */
export const COVARIATE_PRESET: Partial<ExperimentSettings> = {
  dataset: 'spiral',
  depth: 3,
  width: 16,
  activation: 'sigmoid',
  optimizer: 'sgd',
  lr: 0.5,
  batch: 32,
  seed: 1,
  logEvery: 10,
  evalEvery: 50,
};
export const COVARIATE_STEPS = 600;

/** The seeds of the accuracy comparison: one seed is not evidence (the charts show the first). */
export const COVARIATE_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

/** What a band shows: the unit's input to its sigmoid without BN, with BN, and the BN network's input to BN. */
export type BandSeries = VariantName | 'bnPre';

/** One logged step: [q15, q85] as a band and q50, per series (absent once its network diverged). */
export interface QuantileRow {
  readonly step: number;
  readonly plainBand?: [number, number];
  readonly plainMid?: number;
  readonly bnBand?: [number, number];
  readonly bnMid?: number;
  readonly bnPreBand?: [number, number];
  readonly bnPreMid?: number;
}

export interface CovariateView {
  readonly rows: readonly QuantileRow[];
  readonly step: number;
  readonly total: number;
  /** Last test accuracy of each network (null before the first evaluation), seed 1. */
  readonly accuracy: Readonly<Record<VariantName, number | null>>;
  /** Final test accuracy of each network for each seed that has finished (in COVARIATE_SEEDS order). */
  readonly seedAccuracy: Readonly<Record<VariantName, readonly number[]>>;
  /** Depth of the networks (hidden layers). */
  readonly depth: number;
  /** Hidden layer probed (the last one). */
  readonly layer: number;
}

/** The view before the run's first logged step: no rows yet (the charts draw their frames, so nothing moves when the rows arrive). */
export const emptyCovariateView = (depth: number): CovariateView => ({
  rows: [],
  step: 0,
  total: COVARIATE_STEPS,
  accuracy: { plain: null, bn: null },
  seedAccuracy: { plain: [], bn: [] },
  depth,
  layer: depth,
});

/** The band fields of a row for one series. */
export const bandKeys = (v: BandSeries) => ({ band: `${v}Band`, mid: `${v}Mid` }) as const;

/** The spread of the seeds' accuracies: smallest, median and largest (NaN = diverged, counted apart). */
export function accuracySpread(values: readonly number[]): { min: number; median: number; max: number; diverged: number } | null {
  const ok = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (ok.length === 0) return null;
  const mid = ok.length >> 1;
  const median = ok.length % 2 ? ok[mid] : (ok[mid - 1] + ok[mid]) / 2;
  return { min: ok[0], median, max: ok[ok.length - 1], diverged: values.length - ok.length };
}

/** A median's move, first to last logged step: `band` is the 15–85 % band's mean width, `bands` the move in those widths. */
export interface MedianDrift {
  readonly from: number;
  readonly to: number;
  readonly band: number;
  readonly bands: number;
}

/**
 * How far one network's median moved (first to last logged step), and that distance in units of the
 * band's mean width (q85 − q15): the drift measured against the spread, for the sentence under the charts.
 */
export function medianDrift(rows: readonly QuantileRow[], v: BandSeries): MedianDrift | null {
  const mids: number[] = [], widths: number[] = [];
  for (const r of rows) {
    const mid = r[bandKeys(v).mid];
    const band = r[bandKeys(v).band];
    if (mid === undefined || !band) continue;
    mids.push(mid);
    widths.push(band[1] - band[0]);
  }
  if (mids.length < 2) return null;
  const meanWidth = widths.reduce((s, w) => s + w, 0) / widths.length;
  const from = mids[0], to = mids[mids.length - 1];
  return { from, to, band: meanWidth, bands: meanWidth > 0 ? Math.abs(to - from) / meanWidth : Infinity };
}

/**
 * A band that has collapsed next to the median's move (the lab's test, bandCollapsed) is said to
 * have collapsed: the unit's signal has all but vanished, which is not drift, and a ratio to so
 * narrow a band says nothing. Ratios in 2 significant digits, as the lab prints them.
 */
const drift = (d: MedianDrift) =>
  bandCollapsed(d.band, d.from, d.to)
    ? `from ${fmt(d.from, 3)} to ${fmt(d.to, 3)}, while its 15–85 % band averages only ${sig(d.band)} wide: the unit gets almost the same input for every example`
    : `from ${fmt(d.from, 3)} to ${fmt(d.to, 3)}, ${sig(d.bands)} times the width of its 15–85 % band`;

/**
 * The charts in words, from the rows: how far each median moved. With BN the sigmoid's input has batch
 * mean β by construction, but β is learned, and BN does not stop its own input from moving: it
 * re-standardises whatever comes (Santurkar et al. 2018). How far the input to BN moved is said in
 * the lab's words and thresholds: under MOVED band widths little, under DRIFTED a little, else it kept moving.
 */
export function driftSentences(rows: readonly QuantileRow[]): string | null {
  const plain = medianDrift(rows, 'plain'), bn = medianDrift(rows, 'bn'), pre = medianDrift(rows, 'bnPre');
  if (!plain || !bn) return null;
  const parts = [
    `Without BN the median moved ${drift(plain)}.`,
    `With BN the sigmoid's input is re-standardised on every batch to batch mean β, which is learned; its median moved ${drift(bn)}.`,
  ];
  if (pre) {
    parts.push(
      pre.bands < MOVED
        ? `The input to BN itself moved little against its band here: its median went ${drift(pre)}.`
        : `The input to BN itself ${pre.bands < DRIFTED ? 'moved a little' : 'kept moving'}: its median went ${drift(pre)}; BN re-standardises it without stopping it.`,
    );
  }
  return parts.join(' ');
}

/** The accuracy comparison over every seed, in words: ranges, not one lucky run. */
export function seedsSentence(view: CovariateView): string {
  const range = (v: VariantName) => {
    const s = accuracySpread(view.seedAccuracy[v]);
    if (!s) return 'diverged for every seed';
    const r = `${percent(s.min)} to ${percent(s.max)} (median ${percent(s.median)})`;
    return s.diverged > 0 ? `${r}, diverged for ${s.diverged}` : r;
  };
  const p = accuracySpread(view.seedAccuracy.plain), b = accuracySpread(view.seedAccuracy.bn);
  const n = view.seedAccuracy.bn.length;
  const verdict =
    p && b && b.min > p.max
      ? `With BN every seed ends above every seed without it.`
      : p && b && p.min > b.max
        ? `Here every seed ends higher without BN.`
        : `The ranges overlap: at this depth, ${view.step} steps do not separate the two.`;
  return `Test accuracy after ${view.step} steps over ${n} seeds: ${range('plain')} without BN, ${range('bn')} with. ${verdict}`;
}

/** An accuracy in [0, 1] as a percentage with one decimal, or words when there is none yet. */
export function percent(x: number | null): string {
  return x === null ? 'not measured yet' : `${(100 * x).toFixed(1)} %`;
}

/** One network's percentile chart as a table (its text alternative and downloads). */
export const quantileTable = (rows: readonly QuantileRow[], variant: BandSeries): ExportTable => ({
  columns: [
    { key: 'step', label: 'training step' },
    { key: 'q15', label: '15th percentile' },
    { key: 'q50', label: 'median' },
    { key: 'q85', label: '85th percentile' },
  ],
  rows: rows.map((r) => {
    const band = r[bandKeys(variant).band];
    return { step: r.step, q15: band?.[0], q50: r[bandKeys(variant).mid], q85: band?.[1] };
  }),
});
