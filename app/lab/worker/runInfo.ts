import type { Experiment } from '../../../src';
import { dataExtent, toPoints } from './boundary';
import type { LabRunSettings, RunInfo } from './messages';

/** What the page learns of a run once it is ready: its data, its network, its cadence, and (2-D) its points. */
export function runInfo(settings: LabRunSettings, e: Experiment): RunInfo {
  const c = e.comparison, is2d = settings.data.kind === '2d';
  return {
    trainRows: c.train.x.rows,
    testRows: c.test?.x.rows ?? 0,
    inputs: c.train.x.cols,
    classes: c.train.classes,
    hidden: c.config.hidden,
    stepsPerEpoch: c.stepsPerEpoch,
    logEvery: c.config.logEvery,
    evalEvery: c.config.evalEvery,
    probeUnit: c.config.probeUnit,
    maxSteps: settings.maxSteps,
    settings: e.settings,
    points: is2d ? { train: toPoints(e.data.train), test: toPoints(e.data.test) } : null,
    extent: is2d ? dataExtent([e.data.train, e.data.test]) : null,
  };
}
