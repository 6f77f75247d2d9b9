import type { SweepPoint } from '../../../src/sweep';
import type { Divergence, VariantName } from '../../../src/train';
import { fmt, sig, sub } from '../../ui/format';
import { count, percent, value } from './labText';
import type { RunSeries, VariantSeries } from './series';
import { DEFAULT_PAIR, type Pair } from './pair';

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
  /** The 15–85 % band's width (mean of both windows). */
  readonly band: number;
  readonly word: 'drifted' | 'moved a little against its band' | 'small against its band';
  /** The steps each window spans. */
  readonly first: readonly [number, number];
  readonly last: readonly [number, number];
}

/** A median that moved at least this many band widths has drifted (section 1 uses the same thresholds). */
export const DRIFTED = 1;
/** Under this many band widths, a move is small against the band; between it and DRIFTED, it moved a little. */
export const MOVED = 0.3;

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
  const word = bands >= DRIFTED ? 'drifted' : bands >= MOVED ? 'moved a little against its band' : 'small against its band';
  return { from, to, bands, band, word, first: [s.step[0], s.step[k - 1]], last: [s.step[n - k], s.step[n - 1]] };
}

/**
 * A band this narrow next to how far the median moved means the unit feeds almost the same value
 * for every example: a signal that has all but vanished, not a distribution that drifts.
 */
const COLLAPSED = 0.05;

/** Whether a 15–85 % band of width `band` has collapsed next to a median that went from `from` to `to` (section 1 uses the same test). */
export const bandCollapsed = (band: number, from: number, to: number): boolean => band < COLLAPSED * Math.max(Math.abs(from), Math.abs(to), Math.abs(to - from));

/** What the quantiles watch: one hidden unit of the MLP, or one output channel of a CNN block (all its positions). */
export type ProbeKind = 'unit' | 'channel';

/** `steps`: the windows in words, for a network whose windows differ from the other's (one diverged). */
function driftPart(v: VariantName, x: Drift, steps: string, probe: ProbeKind, p: Pair): string {
  const moved = `${p.phrase[v]}${steps} it went from ${fmt(x.from, 2)} to ${fmt(x.to, 2)}`;
  if (bandCollapsed(x.band, x.from, x.to))
    return x.band === 0
      ? `${moved}, while its 15–85 % band has width 0: the ${probe} gets the same input ${probe === 'channel' ? 'at every position of every image' : 'for every example'} (its signal has vanished)`
      : `${moved}, while its 15–85 % band is only ${fmt(x.band, 2)} wide: the ${probe} gets almost the same input ${probe === 'channel' ? 'at every position of every image' : 'for every example'} (its signal has all but vanished)`;
  return `${moved}, ${sig(x.bands)} times the width of its 15–85 % band (${x.word})`;
}

const windows = (x: Drift): string => `steps ${count(x.first[0])}–${count(x.first[1])} and ${count(x.last[0])}–${count(x.last[1])}`;
const sameWindows = (a: Drift, b: Drift): boolean => [0, 1].every((i) => a.first[i] === b.first[i] && a.last[i] === b.last[i]);

/**
 * The quantile chart's caption: did each network's watched input drift, measured, with what BN does
 * and does not do. Each network's windows are its own: once one has diverged, its windows end earlier.
 */
export function driftCaption(series: RunSeries, layer: number, bnBefore = true, probe: ProbeKind = 'unit', p: Pair = DEFAULT_PAIR): string | null {
  const d = { plain: driftOf(series.plain, layer), bn: driftOf(series.bn, layer) };
  if (!d.plain || !d.bn) return null;
  const where = probe === 'channel' ? 'With BatchNorm2d between the convolution and ReLU, this input is re-standardised on every batch, over all its images and positions' : 'With BN before the activation, this input is re-standardised on every batch';
  // What BN does to this input; said only when one of the networks has BN.
  const why = bnBefore && p.norms.includes('bn')
    ? ` ${where}: its batch mean is β, and β is learned, so its median moves only as far as β, γ and the distribution’s shape let it. Whether drift is what slows a network down is doubted (Santurkar et al. 2018, section 14).`
    : '';
  const look = 'Look for a median that wanders.';
  const watched = `the watched ${probe}’s median input`;
  if (sameWindows(d.plain, d.bn)) return `${look} Between ${windows(d.plain)}, ${watched}: ${driftPart('plain', d.plain, '', probe, p)}; ${driftPart('bn', d.bn, '', probe, p)}.${why}`;
  return `${look} ${watched[0].toUpperCase()}${watched.slice(1)}: ${driftPart('plain', d.plain, `, between ${windows(d.plain)},`, probe, p)}; ${driftPart('bn', d.bn, `, between ${windows(d.bn)},`, probe, p)}.${why}`;
}

export interface Overfit {
  readonly lowest: number;
  readonly lowestStep: number;
  readonly now: number;
  readonly train: number;
}

/** Running median of 5 evaluations of the test loss, at each evaluation from the 5th on. */
function runningMedian(s: VariantSeries): Float64Array {
  const out = new Float64Array(Math.max(0, s.testN - 4));
  for (let j = 4; j < s.testN; j++) out[j - 4] = median(s.testLoss, j - 4, j + 1);
  return out;
}

/**
 * Overfitting, robust to a noisy evaluation: the test loss's running median (5 evaluations) is at
 * least 25 % (and 0.05) above its lowest, which is at least 10 evaluations back, for the last 3
 * evaluations in a row, while the training loss is under half of it.
 */
export function overfitOf(s: VariantSeries): Overfit | null {
  const m = runningMedian(s);
  if (m.length < 13 || s.n < 10) return null;
  let lowest = Infinity, at = 0;
  for (let i = 0; i < m.length; i++) if (m[i] < lowest) [lowest, at] = [m[i], i];
  const now = m[m.length - 1];
  const risen = (x: number) => x >= 1.25 * lowest && x - lowest >= 0.05;
  const train = median(s.trainLoss, Math.max(0, s.n - Math.max(10, Math.floor(s.n / 10))), s.n);
  if (m.length - 1 - at < 10 || ![m[m.length - 3], m[m.length - 2], now].every(risen) || !(train < now / 2)) return null;
  return { lowest, lowestStep: s.testStep[at + 4], now, train };
}

/** The loss chart's caption: the latest test losses, and overfitting where it shows. */
export function lossCaption(series: RunSeries, p: Pair = DEFAULT_PAIR): string | null {
  const { plain, bn } = series;
  if (plain.testN === 0 || bn.testN === 0) return null;
  const latest = (s: VariantSeries) => `${value(s.testLoss[s.testN - 1])} (step ${count(s.testStep[s.testN - 1])})`;
  const parts = [`Look for which test curve falls first and lowest. Test loss now: ${p.phrase.bn} ${latest(bn)}, ${p.norms[0] === 'none' ? 'without' : p.phrase.plain} ${latest(plain)}.`];
  for (const v of ['bn', 'plain'] as const) {
    const o = overfitOf(series[v]);
    if (o) parts.push(`${p.network[v]} is overfitting: its test loss (running median of 5 evaluations) rose from its lowest, ${value(o.lowest)} at step ${count(o.lowestStep)}, to ${value(o.now)}, while its training loss is ${value(o.train)}.`);
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

/** The gradient chart's caption: how the first layer's gradient compares with the output layer's, both networks (none once either diverged). */
export function gradCaption(series: RunSeries, diverged: Readonly<Record<VariantName, Divergence | null>>, probe: ProbeKind = 'unit', p: Pair = DEFAULT_PAIR): string | null {
  const L = series.plain.gradNorm.length;
  if (L < 2 || diverged.plain || diverged.bn) return null;
  const dead = (['plain', 'bn'] as const).filter((v) => {
    const s = series[v];
    return s.n > 0 && s.gradNorm.every((col) => col[s.n - 1] === 0);
  });
  const units = probe === 'channel' ? 'channels' : 'units';
  if (dead.length === 2) return `Both networks get no gradient at all: every ‖∂L/∂W‖ is exactly 0, so their ${units} output the same value (for ReLU, 0: they died) for every input and they cannot learn.`;
  if (dead.length) return `${p.network[dead[0]]} gets no gradient at all: every ‖∂L/∂W‖ is exactly 0, so its ${units} output the same value (for ReLU, 0: they died) for every input and it cannot learn.`;
  const r = { plain: gradRatio(series.plain), bn: gradRatio(series.bn) };
  if (!Number.isFinite(r.plain) || !Number.isFinite(r.bn)) return null;
  const ratio = `‖∂L/∂W₁‖ / ‖∂L/∂W${sub(L)}‖`;
  const median = `Median over the last logged steps of ${ratio}: ${sig(r.plain)} ${p.phrase.plain}, ${sig(r.bn)} ${p.phrase.bn}.${probe === 'channel' ? CNN_GRAD_NOTE : ''}`;
  if (p.isDefault) return `Look for a first layer whose gradient is tiny next to the last layer’s: without BN, that layer then barely learns. With BN, a weight that feeds BN gets a smaller gradient as it grows, so with BN a small ratio need not mean that the layer learns slowly. ${median}`;
  // A centring normalization undoes the scale of the weights it follows (BN per unit, LayerNorm per layer, GroupNorm per group), so their gradient shrinks as they grow; RMSNorm does not centre, so a bias before it breaks that.
  return `Look for a first layer whose gradient is tiny next to the last layer’s: without a normalization, that layer then barely learns. Weights whose scale a normalization undoes (BN’s per unit, LayerNorm’s per layer, GroupNorm’s per group) get a smaller gradient as they grow, so there a small ratio need not mean that the layer learns slowly. ${median}`;
}

/** For the CNN: its first and last weight layers differ in size by far more than an MLP's, and a norm grows with the weights it counts. */
const CNN_GRAD_NOTE =
  ' In this CNN, W₁ and W₂ are the convolutions’ filters and W₃ the linear layer. A norm grows with the square root of the number of weights it sums over, so this ratio also compares the layers’ sizes: at the default 8 and 16 channels with 3 × 3 kernels W₁ has 72 weights and W₃ 4,000, and a ratio well under 1 is expected even when every weight gets as large a gradient (other shapes can reverse that).';

/** A sweep's best run must be this far above chance before any rate is said to have trained (as verdicts.ts's LEARNED). */
const ABOVE_CHANCE = 0.1;

/**
 * The rates at which a network trained: did not diverge and reached within 10 % of the best test
 * accuracy of the sweep. If even the best run is within 10 points of chance (1/classes), none did.
 */
export function sweepCaption(points: readonly SweepPoint[], classes: number, steps?: number, p: Pair = DEFAULT_PAIR): string | null {
  const tested = points.flatMap((p) => [p.plain.testAccuracy, p.bn.testAccuracy]).filter((a): a is number => a !== null && Number.isFinite(a));
  if (tested.length === 0) return null;
  const best = Math.max(...tested), bar = 0.9 * best, chance = classes > 0 ? 1 / classes : 0;
  const after = steps ? ` after ${count(steps)} steps` : '';
  if (best < chance + ABOVE_CHANCE) return `No rate got 10 points above chance${after} (chance is ${percent(chance)}; the best run reached ${percent(best)}), so none is counted as trained.`;
  const list = (rates: number[]) => (rates.length === 0 ? 'none of these rates' : rates.map((lr) => fmt(lr, 3)).join(', '));
  const part = (v: VariantName) => {
    const trained = points.filter((p) => !p[v].diverged && (p[v].testAccuracy ?? -1) >= bar).map((p) => p.lr);
    const diverged = points.filter((p) => p[v].diverged).map((p) => p.lr);
    return `${p.phrase[v]} at ${list(trained)}${diverged.length ? ` (diverged at ${list(diverged)})` : ''}`;
  };
  return `Look for the rates that trained. Reached at least ${percent(bar)} test accuracy${after} (90 % of the best, ${percent(best)}): ${part('bn')}; ${part('plain')}.`;
}
