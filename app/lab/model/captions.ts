import type { SweepPoint, VariantName } from '../../../src';
import { fmt, sub } from '../../ui/format';
import { count, percent, value } from './labText';
import type { RunSeries, VariantSeries } from './series';
import { VARIANT_LABEL, VARIANT_PHRASE } from './variants';

/**
 * The “what to look for” line under each of the lab's charts, with the run's own numbers: drift of
 * the watched unit's input, overfitting, the gradient's size at the first layer against the last,
 * and which learning rates each network trained at. Pure; `npm run train` prints the same lines.
 */

/** Mean of `col` over rows [from, to). */
function mean(col: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += col[i];
  return sum / (to - from);
}

function median(col: Float64Array, from: number, to: number): number {
  const xs = Array.from(col.subarray(from, to)).filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const h = xs.length >> 1;
  return xs.length % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2;
}

/** Logged steps needed before drift is measured: a tenth of them is each window. */
export const DRIFT_MIN_LOGS = 20;

export interface Drift {
  /** Median input, averaged over the first and over the last k logged steps. */
  readonly from: number;
  readonly to: number;
  /** |to − from| in widths of the 15–85 % band (mean of both windows). */
  readonly bands: number;
  readonly word: 'drifted' | 'moved a little' | 'stayed put';
  /** The steps each window spans. */
  readonly first: readonly [number, number];
  readonly last: readonly [number, number];
}

/**
 * How far one network's watched unit (hidden layer `layer`, 1-based) moved: its median input at the
 * start (mean over the first k logged steps) against now (the last k), k = a tenth of the logged
 * steps but at most 10, in widths of its 15–85 % band (the mean of the two windows' widths, so a
 * band that collapses or spreads does not make the ratio meaningless). Null until enough is logged.
 */
export function driftOf(s: VariantSeries, layer: number): Drift | null {
  const n = s.n, l = layer - 1;
  if (n < DRIFT_MIN_LOGS || l < 0 || l >= s.q50.length) return null;
  const k = Math.min(10, Math.floor(n / 10));
  const from = mean(s.q50[l], 0, k), to = mean(s.q50[l], n - k, n);
  const band = (mean(s.q85[l], 0, k) - mean(s.q15[l], 0, k) + mean(s.q85[l], n - k, n) - mean(s.q15[l], n - k, n)) / 2;
  if (![from, to, band].every(Number.isFinite)) return null;
  const bands = Math.abs(to - from) / Math.max(band, 1e-12);
  const word = bands >= 1 ? 'drifted' : bands >= 0.3 ? 'moved a little' : 'stayed put';
  return { from, to, bands, word, first: [s.step[0], s.step[k - 1]], last: [s.step[n - k], s.step[n - 1]] };
}

const bandsText = (b: number): string => (b >= 100 ? 'over 100' : fmt(b, 2));

/** The quantile chart's caption: did each network's watched input drift, measured. */
export function driftCaption(series: RunSeries, layer: number): string | null {
  const d = { plain: driftOf(series.plain, layer), bn: driftOf(series.bn, layer) };
  if (!d.plain || !d.bn) return null;
  const part = (v: VariantName) => {
    const x = d[v]!;
    return `${VARIANT_PHRASE[v]} it went from ${fmt(x.from, 3)} to ${fmt(x.to, 3)}, ${bandsText(x.bands)} times the width of its 15–85 % band (${x.word})`;
  };
  const p = d.plain;
  return `Look for a median that wanders. Between steps ${count(p.first[0])}–${count(p.first[1])} and ${count(p.last[0])}–${count(p.last[1])}, the watched unit’s median input: ${part('plain')}; ${part('bn')}.`;
}

export interface Overfit {
  readonly lowest: number;
  readonly lowestStep: number;
  readonly now: number;
  readonly train: number;
}

/** A network's test loss has risen at least 25 % (and 0.05) above its lowest while its training loss is under half of it. */
export function overfitOf(s: VariantSeries): Overfit | null {
  if (s.testN < 3 || s.n < 10) return null;
  let lowest = Infinity, lowestStep = 0;
  for (let i = 0; i < s.testN; i++) if (s.testLoss[i] < lowest) [lowest, lowestStep] = [s.testLoss[i], s.testStep[i]];
  const now = s.testLoss[s.testN - 1];
  const train = median(s.trainLoss, Math.max(0, s.n - Math.max(10, Math.floor(s.n / 10))), s.n);
  if (!(now >= 1.25 * lowest && now - lowest >= 0.05 && train < now / 2)) return null;
  return { lowest, lowestStep, now, train };
}

/** The loss chart's caption: the latest test losses, and overfitting where it shows. */
export function lossCaption(series: RunSeries): string | null {
  const { plain, bn } = series;
  if (plain.testN === 0 || bn.testN === 0) return null;
  const latest = (s: VariantSeries) => `${value(s.testLoss[s.testN - 1])} (step ${count(s.testStep[s.testN - 1])})`;
  const parts = [`Look for which test curve falls first and lowest. Test loss now: with BN ${latest(bn)}, without ${latest(plain)}.`];
  for (const v of ['bn', 'plain'] as const) {
    const o = overfitOf(series[v]);
    if (o) parts.push(`${VARIANT_LABEL[v]} is overfitting: its test loss rose from its lowest, ${value(o.lowest)} at step ${count(o.lowestStep)}, to ${value(o.now)}, while its training loss fell to ${value(o.train)}.`);
  }
  return parts.join(' ');
}

/** Median of ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ over the last tenth of the logged steps (at least 10). */
function gradRatio(s: VariantSeries): number {
  const L = s.gradNorm.length - 1;
  if (L < 1 || s.n === 0) return NaN;
  const from = Math.max(0, s.n - Math.max(10, Math.floor(s.n / 10)));
  const ratios = new Float64Array(s.n - from);
  for (let i = from; i < s.n; i++) ratios[i - from] = s.gradNorm[0][i] / s.gradNorm[L][i];
  return median(ratios, 0, ratios.length);
}

/** The gradient chart's caption: how the first layer's gradient compares with the output layer's, both networks. */
export function gradCaption(series: RunSeries): string | null {
  const L = series.plain.gradNorm.length;
  if (L < 2) return null;
  const r = { plain: gradRatio(series.plain), bn: gradRatio(series.bn) };
  if (!Number.isFinite(r.plain) || !Number.isFinite(r.bn)) return null;
  const ratio = `‖∂L/∂W₁‖ / ‖∂L/∂W${sub(L)}‖`;
  return `Look for a first layer starved of gradient. Lately (median of the last logged steps) ${ratio} is ${fmt(r.plain, 2)} without BN and ${fmt(r.bn, 2)} with BN.`;
}

/** The rates at which a network trained: did not diverge and reached within 10 % of the best test accuracy of the sweep. */
export function sweepCaption(points: readonly SweepPoint[]): string | null {
  const tested = points.flatMap((p) => [p.plain.testAccuracy, p.bn.testAccuracy]).filter((a): a is number => a !== null && Number.isFinite(a));
  if (tested.length === 0) return null;
  const best = Math.max(...tested), bar = 0.9 * best;
  const list = (rates: number[]) => (rates.length === 0 ? 'no rate' : rates.map((lr) => fmt(lr, 3)).join(', '));
  const part = (v: VariantName) => {
    const trained = points.filter((p) => !p[v].diverged && (p[v].testAccuracy ?? -1) >= bar).map((p) => p.lr);
    const diverged = points.filter((p) => p[v].diverged).map((p) => p.lr);
    return `${VARIANT_PHRASE[v]} at ${list(trained)}${diverged.length ? ` (diverged at ${list(diverged)})` : ''}`;
  };
  return `Look for the range of rates that work. Reached at least ${percent(bar)} test accuracy (90 % of the best, ${percent(best)}): ${part('bn')}; ${part('plain')}.`;
}
