import type { Split } from '../../../src/datasets';
import { createExperiment, experimentComparisonOptions, resolveExperimentSettings } from '../../../src/experiment';
import { type Sweep, createSweep, stepSweep } from '../../../src/sweep';
import { PUMP_BUDGET_MS } from '../../worker/driver';
import { errorMessage } from '../../worker/errorMessage';
import type { LabEvent, LabRequest, LabRunSettings } from './messages';

export interface SweepJobDeps {
  post(event: LabEvent): void;
  now(): number;
  /** The run's data (Fashion-MNIST: loaded, posting 'loading'); undefined for the engine's 2-D data. */
  loadData(settings: LabRunSettings, runId: number): Promise<Split | undefined>;
}

/** The Worker's learning-rate sweep: at most one at a time, run a pump budget at a time. */
export interface SweepJob {
  /** Replaces any sweep with this one (once its data is there); a bad request is an 'error' event. */
  start(request: Extract<LabRequest, { type: 'sweep' }>): Promise<void>;
  cancel(runId: number): void;
  /** Runs the sweep for about PUMP_BUDGET_MS since `start`, posting its progress; true while unfinished. */
  pump(start: number): boolean;
}

export function createSweepJob({ post, now, loadData }: SweepJobDeps): SweepJob {
  let sweepId = -1;
  let sweep: Sweep | null = null;
  const fail = (runId: number, err: unknown): void => post({ type: 'error', runId, job: 'sweep', message: errorMessage(err) });

  async function start(request: Extract<LabRequest, { type: 'sweep' }>): Promise<void> {
    sweepId = request.runId;
    sweep = null;
    try {
      const data = await loadData(request.run, request.runId);
      if (sweepId !== request.runId) return;
      const settings = resolveExperimentSettings(request.run.experiment);
      const split = data ?? createExperiment(settings).data;
      const options = experimentComparisonOptions(settings);
      sweep = createSweep({ ...options, optimizer: { name: settings.optimizer }, learningRates: request.learningRates, steps: request.steps }, split);
    } catch (err) {
      if (sweepId === request.runId) fail(request.runId, err);
    }
  }

  function pumpSweep(s: Sweep, start: number): boolean {
    let progress = stepSweep(s, 1);
    while (!progress.done && now() - start < PUMP_BUDGET_MS) progress = stepSweep(s, 1);
    const { done, completedSteps, totalSteps, points } = progress;
    post({ type: 'sweep', runId: sweepId, done, completedSteps, totalSteps, points });
    if (done) sweep = null;
    return !done;
  }

  return {
    start,
    cancel(runId) {
      if (runId === sweepId) sweep = null;
    },
    pump(start) {
      if (!sweep) return false;
      try {
        return pumpSweep(sweep, start);
      } catch (err) {
        sweep = null;
        fail(sweepId, err);
        return false;
      }
    },
  };
}
