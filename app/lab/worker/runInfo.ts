import { dataExtent, toPoints } from './boundary';
import type { LabRunSettings, RunInfo } from './messages';
import type { LabTrainer } from './trainer';

/** What the page learns of a run once it is ready: its data, its network, its cadence, and (2-D) its points. */
export function runInfo(settings: LabRunSettings, t: LabTrainer): RunInfo {
  const is2d = settings.data.kind === '2d';
  return {
    trainRows: t.train.x.rows,
    testRows: t.test?.x.rows ?? 0,
    inputs: t.train.x.cols,
    classes: t.train.classes,
    hidden: t.hidden,
    stepsPerEpoch: t.stepsPerEpoch,
    logEvery: t.logEvery,
    evalEvery: t.evalEvery,
    probeUnit: t.probeUnit,
    maxSteps: settings.maxSteps,
    settings: t.settings,
    points: is2d ? { train: toPoints(t.data.train), test: toPoints(t.data.test) } : null,
    extent: is2d ? dataExtent([t.data.train, t.data.test]) : null,
  };
}
