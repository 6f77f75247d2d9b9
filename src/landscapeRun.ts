import type { Dataset } from './datasets';
import { selectRows } from './datasets';
import { checkInteger } from './errors';
import { type Experiment, type ExperimentSettings, createExperiment } from './experiment';
import { type LandscapeProbe, probeAlongGradient } from './landscape';
import { type VariantName, stepComparison } from './train';

/**
 * Santurkar et al. (2018), Fig. 4, in miniature: train the with/without-BN pair of the lab and, every
 * few steps, probe each network's loss landscape along its gradient on a fixed batch. Resumable in
 * chunks (the UI runs it a checkpoint at a time between frames) and deterministic.
 */
export interface LandscapeRunOptions {
  readonly settings: Partial<ExperimentSettings>;
  /** Training steps in all, and the steps between two probes. */
  readonly steps: number;
  readonly every: number;
  /** Rows of the fixed probe batch (the first rows of the training set). */
  readonly probeRows: number;
  /** Step sizes as multiples of the learning rate. */
  readonly etaFactors: readonly number[];
}

/** ReLU, 4 hidden layers of 16, plain SGD at a learning rate the network without BN finds rough. */
export const LANDSCAPE_PRESET: LandscapeRunOptions = {
  settings: { dataset: 'spiral', depth: 4, width: 16, activation: 'relu', optimizer: 'sgd', lr: 0.3, batch: 32, seed: 1, logEvery: 25, evalEvery: 25 },
  steps: 400,
  every: 25,
  probeRows: 128,
  etaFactors: [0.25, 0.5, 1, 2, 4],
};

export interface LandscapePoint {
  readonly step: number;
  /** Null once that network has diverged. */
  readonly probes: Readonly<Record<VariantName, LandscapeProbe | null>>;
}

export interface LandscapeRun {
  readonly options: LandscapeRunOptions;
  readonly experiment: Experiment;
  readonly batch: Dataset;
  readonly etas: readonly number[];
  readonly points: LandscapePoint[];
}

function probe(run: LandscapeRun): LandscapePoint {
  const c = run.experiment.comparison;
  const at = (v: VariantName) => (c.variants[v].diverged ? null : probeAlongGradient(c.variants[v].model, run.batch.x, run.batch.y, run.etas));
  return { step: c.step, probes: { plain: at('plain'), bn: at('bn') } };
}

/** Both networks at step 0, already probed once. */
export function createLandscapeRun(options: LandscapeRunOptions = LANDSCAPE_PRESET): LandscapeRun {
  checkInteger('steps', options.steps, 1);
  checkInteger('steps between probes', options.every, 1);
  const experiment = createExperiment(options.settings);
  const rows = Math.min(options.probeRows, experiment.data.train.x.rows);
  const batch = selectRows(experiment.data.train, Array.from({ length: rows }, (_, i) => i));
  const run: LandscapeRun = { options, experiment, batch, etas: options.etaFactors.map((f) => f * experiment.settings.lr), points: [] };
  run.points.push(probe(run));
  return run;
}

/** Trains to the next checkpoint and probes there (mutates `run`). Returns true when the run is complete. */
export function stepLandscapeRun(run: LandscapeRun): boolean {
  const c = run.experiment.comparison;
  if (c.step >= run.options.steps) return true;
  stepComparison(c, Math.min(run.options.every, run.options.steps - c.step));
  run.points.push(probe(run));
  return c.step >= run.options.steps;
}
