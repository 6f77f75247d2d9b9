import { type BatchSweep, type BatchSweepPoint, createBatchSweep, stepBatchSweep } from '../../../../src/batchSweep';
import type { Split } from '../../../../src/datasets';
import type { SessionDeps } from '../../../worker/driver';
import type { JobEvent, JobRequest } from '../../../worker/jobMessages';
import { type ResumableJob, createJobSession } from '../../../worker/jobSession';
import { type BsJob, type BsSettings, bsSweepOptions } from '../bsView';

/** What starts a sweep: where the subset is, the section's settings, and the (norm, m) points to train. */
export interface BsStart {
  readonly dataUrl: string;
  readonly settings: BsSettings;
  readonly jobs: readonly BsJob[];
}

export interface BsProgress {
  /** Training steps done and in all, over the jobs of this request. */
  readonly completed: number;
  readonly total: number;
  /** The point being trained, null when done. */
  readonly current: BsJob | null;
}

/** A finished point, posted at once so the page's chart fills in. */
export interface BsPointEvent {
  readonly type: 'point';
  readonly key: string;
  readonly point: BatchSweepPoint;
}

/** The page's requests to the batch-size Worker; `id` names the sweep (the page ignores events of a replaced one). */
export type BsRequest = JobRequest<BsStart>;
export type BsEvent = JobEvent<BsProgress, BsPointEvent>;

/** Steps per call of the engine between two looks at the clock. */
const CHUNK = 16;

interface Sweep {
  readonly settings: BsSettings;
  readonly jobs: readonly BsJob[];
  readonly data: Split;
  readonly total: number;
  /** The job being trained (index), its engine sweep, and the steps of the finished jobs. */
  next: number;
  engine: BatchSweep | null;
  before: number;
}

const stepsOf = (settings: BsSettings, data: Split, job: BsJob) => settings.epochs * Math.floor(data.train.x.rows / job.m);
const sweepDone = (s: Sweep) => s.next >= s.jobs.length;

/**
 * A list of (norm, m) points trained one after another, CHUNK steps at a time. Every point comes
 * from the engine's batch sweep (src/batchSweep.ts) with the options of bsView.bsSweepOptions, so
 * it equals the `npm run train` line the page shows.
 */
const bsJob = (loadFashion: SessionDeps<BsEvent>['loadFashion']): ResumableJob<BsStart, Split, Sweep, BsProgress, BsPointEvent> => ({
  async load({ dataUrl }, loading) {
    loading();
    const subset = await loadFashion(dataUrl);
    return { train: subset.train, test: subset.test };
  },
  create: ({ settings, jobs }, data) => ({ settings, jobs, data, total: jobs.reduce((t, j) => t + stepsOf(settings, data, j), 0), next: 0, engine: null, before: 0 }),
  step(s) {
    const job = s.jobs[s.next];
    s.engine ??= createBatchSweep(bsSweepOptions(s.settings, job.norm, [job.m]), s.data);
    const [point] = stepBatchSweep(s.engine, CHUNK);
    if (!point) return;
    s.before += stepsOf(s.settings, s.data, job);
    s.engine = null;
    s.next += 1;
    return { type: 'point', key: job.key, point };
  },
  done: sweepDone,
  progress: (s) => ({ completed: s.before + (s.engine?.run?.step ?? 0), total: s.total, current: sweepDone(s) ? null : s.jobs[s.next] }),
  // Each post re-renders the run bar on the main thread.
  postEveryMs: 500,
});

/**
 * The batch-size Worker as a plain object (jobSession.ts, like the lab's seeds session): one sweep
 * at a time, each finished point posted at once; paused and resumed on request; a new start
 * replaces the sweep.
 */
export const createBsSession = (deps: SessionDeps<BsEvent>) => createJobSession(bsJob(deps.loadFashion), deps);
