import { histogram, summarize, type Histogram, type Summary } from '../../../src/distribution';
import { getColumn } from '../../../src/matrix';
import { placementRun, type PlacementSide } from '../../../src/placement';
import { niceDomain, type Domain } from '../../ui/scale';

/** Section 10's layer: 512 samples, 3 inputs, 4 neurons, ReLU. */
export const PLACEMENT_SETUP = { m: 512, inputs: 3, features: 4, activation: 'relu' as const, bins: 36 };

export interface StageView {
  key: 'z' | 'middle' | 'out';
  /** Plain-text name, e.g. "BN(z)". */
  label: string;
  /** The same as TeX. */
  tex: string;
  hist: Histogram;
  summary: Summary;
}

export interface PlacementView {
  /** One x-range for every histogram of both orders (toggling does not move the axes), trimmed of the extreme 0.2 % tails. */
  domain: Domain;
  before: StageView[];
  after: StageView[];
  /** Per neuron, the share of its ReLU outputs that are exactly 0, for each order. */
  zeroShare: { before: number[]; after: number[] };
}

const NAMES: Record<PlacementSide, [StageView['key'], string, string][]> = {
  before: [
    ['z', 'z = x·W + b', 'z = xW + b'],
    ['middle', 'BN(z)', '\\mathrm{BN}(z)'],
    ['out', 'ReLU(BN(z))', '\\mathrm{ReLU}(\\mathrm{BN}(z))'],
  ],
  after: [
    ['z', 'z = x·W + b', 'z = xW + b'],
    ['middle', 'ReLU(z)', '\\mathrm{ReLU}(z)'],
    ['out', 'BN(ReLU(z))', '\\mathrm{BN}(\\mathrm{ReLU}(z))'],
  ],
};

/**
 * Runs the engine's layer with BN before and after ReLU (same seed, so the same z) and bins every
 * stage (all neurons pooled) over one shared range.
 */
export function placementView(seed: number, eps: number): PlacementView {
  const { m, inputs, features, activation, bins } = PLACEMENT_SETUP;
  const runs = {
    before: placementRun({ seed, m, inputs, features, activation, placement: 'before', eps }),
    after: placementRun({ seed, m, inputs, features, activation, placement: 'after', eps }),
  };
  const all = [runs.before.z, runs.before.middle, runs.before.out, runs.after.middle, runs.after.out];
  const values = new Float64Array(all.reduce((n, a) => n + a.data.length, 0));
  let k = 0;
  for (const a of all) {
    values.set(a.data, k);
    k += a.data.length;
  }
  // The range holds all but the outermost 0.2 % on each side, so a few extreme samples do not
  // squash the histograms; HistogramPlot reports how many fell outside.
  values.sort();
  const q = (p: number) => values[Math.round(p * (values.length - 1))];
  const domain = niceDomain([q(0.002), q(0.998)], [0], 2, 0.02);
  const stages = (side: PlacementSide): StageView[] =>
    NAMES[side].map(([key, label, tex]) => {
      const data = runs[side][key].data;
      return { key, label, tex, hist: histogram(data, bins, domain[0], domain[1]), summary: summarize(data) };
    });
  const zeros = (relu: typeof runs.before.out) => Array.from({ length: features }, (_, j) => summarize(getColumn(relu, j)).zeroFraction);
  return {
    domain,
    before: stages('before'),
    after: stages('after'),
    zeroShare: { before: zeros(runs.before.out), after: zeros(runs.after.middle) },
  };
}
