import type { Split } from '../../../src/datasets';
import type { SessionDeps } from '../../worker/driver';
import type { JobEvent, JobRequest } from '../../worker/jobMessages';
import { type ResumableJob, createJobSession } from '../../worker/jobSession';
import type { LabRunSettings } from './messages';
import { type SeedCurve, type SeedStudy, createSeedStudy, stepSeedStudy, studyDone, studyProgress } from './seedStudy';

/** What starts a study: the lab's run, and the seeds and steps per seed to train it with. */
export interface SeedsStart {
  readonly run: LabRunSettings;
  readonly seeds: readonly number[];
  readonly steps: number;
}

/** A study's progress: steps done and in all, and every seed's curves so far. */
export interface SeedsProgress {
  readonly completed: number;
  readonly total: number;
  readonly testRows: number;
  readonly classes: number;
  readonly curves: readonly SeedCurve[];
}

/** The page's requests to the seeds Worker; `id` names the study (the page ignores events of a replaced one). */
export type SeedsRequest = JobRequest<SeedsStart>;
export type SeedsEvent = JobEvent<SeedsProgress>;

const snapshot = (t: SeedCurve['tests']['bn']) => ({ step: t.step.slice(), accuracy: t.accuracy.slice(), loss: t.loss.slice() });

/** The five-seed study as a resumable job: the seeds take turns, an evaluation interval at a time. */
const seedsJob = (loadFashion: SessionDeps<SeedsEvent>['loadFashion']): ResumableJob<SeedsStart, Split | undefined, SeedStudy, SeedsProgress> => ({
  async load({ run }, loading) {
    if (run.data.kind !== 'fashion') return undefined;
    loading();
    const subset = await loadFashion(run.data.url);
    return { train: subset.train, test: subset.test };
  },
  create: (r, data) => createSeedStudy(r.run, r.seeds, r.steps, data),
  step: (s) => stepSeedStudy(s, Math.max(1, s.runs[0]?.config.evalEvery ?? 10)),
  done: studyDone,
  progress: (s) => ({
    ...studyProgress(s),
    testRows: s.testRows,
    classes: s.classes,
    curves: s.curves.map((c) => ({ ...c, tests: { plain: snapshot(c.tests.plain), bn: snapshot(c.tests.bn) } })),
  }),
  postEveryMs: 200,
});

/**
 * The seeds Worker as a plain object (jobSession.ts): one study at a time, run a pump budget at a
 * time, paused and resumed on request. A new setting on the page cancels it (seedsControl.ts).
 */
export const createSeedsSession = (deps: SessionDeps<SeedsEvent>) => createJobSession(seedsJob(deps.loadFashion), deps);
