import type { VariantName } from '../../../src/train';
import type { Point } from '../../ui/point';
import type { SeedCurve } from '../worker/seedStudy';
import type { ChartLine } from './labCharts';
import { count, percent } from './labText';
import { createRunSeries, type RunSeries } from './series';
import { VARIANT_ORDER } from './variants';
import { DEFAULT_PAIR, type Pair } from './pair';
import { type Advantage, verdictOf } from './verdicts';

/**
 * The seed study (worker/seedStudy.ts) for its charts and its sentence: per network, the lowest,
 * median and highest test accuracy (or loss) over the seeds at each evaluation, and how many seeds
 * each verdict holds on. Pure.
 */

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b), h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Lowest, median and highest of `metric` over the seeds at each evaluation step that every seed
 * still training has reached (a diverged network's seed drops out from its divergence on).
 */
export function seedBands(curves: readonly SeedCurve[], metric: 'accuracy' | 'loss', p: Pair = DEFAULT_PAIR): ChartLine[] {
  const lines: ChartLine[] = [];
  const names = { q15: 'lowest', q50: 'median', q85: 'highest' } as const;
  for (const v of VARIANT_ORDER) {
    const length = (c: SeedCurve) => c.tests[v].step.length;
    const live = curves.filter((c) => c.diverged[v] === null);
    // Up to where every seed still training has been evaluated (all of a diverged seed's evaluations count).
    const limit = live.length ? Math.min(...live.map(length)) : Math.max(0, ...curves.map(length));
    const longest = curves.find((c) => length(c) >= limit);
    const band: Record<'q15' | 'q50' | 'q85', Point[]> = { q15: [], q50: [], q85: [] };
    for (let j = 0; longest && j < limit; j++) {
      const values = curves.filter((c) => j < length(c)).map((c) => c.tests[v][metric][j]).filter(Number.isFinite);
      if (values.length === 0) continue;
      const s = longest.tests[v].step[j];
      band.q15.push({ s, v: Math.min(...values) });
      band.q50.push({ s, v: median(values) });
      band.q85.push({ s, v: Math.max(...values) });
    }
    for (const role of ['q15', 'q50', 'q85'] as const) lines.push({ id: `${v}-${role}`, name: `${p.label[v]}, ${names[role]} over the seeds`, variant: v, role, points: band[role] });
  }
  return lines;
}

/** One seed's test evaluations as a lab run series (test columns only), for the page's verdicts. */
function seriesOf(curve: SeedCurve): RunSeries {
  const series = createRunSeries(0, 1);
  for (const v of VARIANT_ORDER) {
    const t = curve.tests[v], s = series[v];
    s.testN = t.step.length;
    s.testStep = Float64Array.from(t.step);
    s.testAccuracy = Float64Array.from(t.accuracy);
    s.testLoss = Float64Array.from(t.loss);
  }
  return series;
}

/** Each verdict per seed, in words naming the pair's networks (“BN got there first” for the default pair, as before). */
const ADVANTAGE_TEMPLATES: Readonly<Record<Advantage, (p: Pair) => string>> = {
  bn: (p) => `the network ${p.phrase.bn} is ahead`,
  'bn-first': (p) => `${p.isDefault ? 'BN' : `the network ${p.phrase.bn}`} got there first and the two are now level`,
  mixed: (p) => `${p.isDefault ? 'BN' : `the network ${p.phrase.bn}`} got there first, but the network ${p.phrase.plain} is now ahead`,
  level: () => 'the two are level',
  'plain-first': (p) => `the network ${p.phrase.plain} got there first and the two are now level`,
  plain: (p) => `the network ${p.phrase.plain} is ahead`,
  neither: () => 'neither network has learned',
  unknown: () => 'there is no verdict',
};

export interface SeedSummary {
  /** The last evaluation step every seed has reached. */
  readonly step: number;
  /** How many seeds each verdict holds on (verdicts.ts, per seed). */
  readonly tally: Readonly<Partial<Record<Advantage, number>>>;
  readonly text: string;
}

/** The study in one sentence: verdicts per seed, and the spread of test accuracy, at the last step all seeds reached. */
export function seedSummary(curves: readonly SeedCurve[], testRows: number, classes: number, p: Pair = DEFAULT_PAIR): SeedSummary | null {
  if (curves.length === 0) return null;
  const step = Math.min(...curves.map((c) => c.step));
  if (step === 0) return null;
  const tally: Partial<Record<Advantage, number>> = {};
  const last: Record<VariantName, number[]> = { plain: [], bn: [] };
  for (const c of curves) {
    const cut: SeedCurve = { ...c, tests: { plain: upTo(c, 'plain', step), bn: upTo(c, 'bn', step) } };
    const diverged = { plain: divergence(c, 'plain', step), bn: divergence(c, 'bn', step) };
    const a = verdictOf(seriesOf(cut), diverged, testRows, classes, p).advantage;
    tally[a] = (tally[a] ?? 0) + 1;
    for (const v of VARIANT_ORDER) if (!diverged[v] && cut.tests[v].accuracy.length) last[v].push(cut.tests[v].accuracy.at(-1)!);
  }
  const verdicts = (Object.keys(ADVANTAGE_TEMPLATES) as Advantage[]).filter((a) => tally[a]).map((a) => `on ${tally[a]} of ${curves.length} seeds ${ADVANTAGE_TEMPLATES[a](p)}`);
  const spread = (v: VariantName) => {
    const xs = last[v];
    if (xs.length === 0) return `${p.phrase[v]} every seed diverged`;
    const dropped = curves.length - xs.length;
    return `${p.phrase[v]} ${percent(Math.min(...xs))} to ${percent(Math.max(...xs))} (median ${percent(median(xs))}${dropped ? `; ${dropped} diverged` : ''})`;
  };
  const text = `At step ${count(step)}, seed by seed: ${verdicts.join('; ')}. Test accuracy at the last evaluation: ${spread('bn')}; ${spread('plain')}.`;
  return { step, tally, text };
}

function upTo(c: SeedCurve, v: VariantName, step: number) {
  const t = c.tests[v];
  let n = 0;
  while (n < t.step.length && t.step[n] <= step) n++;
  return { step: t.step.slice(0, n), accuracy: t.accuracy.slice(0, n), loss: t.loss.slice(0, n) };
}

const divergence = (c: SeedCurve, v: VariantName, step: number) => {
  const d = c.diverged[v];
  return d !== null && d <= step ? { step: d, reason: 'diverged' } : null;
};
