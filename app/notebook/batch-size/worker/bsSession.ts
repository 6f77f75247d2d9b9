import { type BatchSweep, type BatchSweepPoint, type FashionSubset, type Split, createBatchSweep, stepBatchSweep } from '../../../../src';
import { errorMessage } from '../../../lab/worker/errorMessage';
import { PUMP_BUDGET_MS } from '../../../lab/worker/pacing';
import type { PumpResult } from '../../../lab/worker/session';
import { type BsJob, type BsSettings, bsSweepOptions } from '../bsView';

/** The page's requests to the batch-size Worker; `id` names the sweep (the page ignores events of a replaced one). */
export type BsRequest =
  | { readonly type: 'start'; readonly id: number; readonly dataUrl: string; readonly settings: BsSettings; readonly jobs: readonly BsJob[] }
  | { readonly type: 'pause'; readonly id: number }
  | { readonly type: 'resume'; readonly id: number }
  | { readonly type: 'cancel'; readonly id: number };

export type BsEvent =
  | { readonly type: 'loading'; readonly id: number }
  | { readonly type: 'point'; readonly id: number; readonly key: string; readonly point: BatchSweepPoint }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly done: boolean;
      /** Training steps done and in all, over the jobs of this request. */
      readonly completed: number;
      readonly total: number;
      /** The point being trained, null when done. */
      readonly current: BsJob | null;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export interface BsSessionDeps {
  post(event: BsEvent): void;
  loadFashion(url: string): Promise<FashionSubset>;
  now(): number;
}

/** Progress is posted at most this often while running (and always when a point ends, at the end, or on a pause): each post re-renders the run bar on the main thread. */
const POST_EVERY_MS = 500;
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

const stepsOf = (s: Sweep, job: BsJob) => s.settings.epochs * Math.floor(s.data.train.x.rows / job.m);

/**
 * The batch-size Worker as a plain object (like the lab's seeds session): one sweep at a time, a
 * list of (norm, m) points trained one after another, a pump budget at a time; each finished point
 * is posted at once, so the page's chart fills in. Paused and resumed on request; a new start
 * replaces the sweep. Every point comes from the engine's batch sweep (src/batchSweep.ts) with the
 * options of bsView.bsSweepOptions, so it equals the `npm run train` line the page shows.
 */
export function createBsSession({ post, loadFashion, now }: BsSessionDeps) {
  let id = -1;
  let sweep: Sweep | null = null;
  let running = false;
  let lastPost = -Infinity;

  const completed = (s: Sweep) => s.before + (s.engine?.run?.step ?? 0);
  const progress = (s: Sweep): void => {
    lastPost = now();
    const done = s.next >= s.jobs.length;
    post({ type: 'progress', id, done, completed: completed(s), total: s.total, current: done ? null : s.jobs[s.next] });
  };

  async function start(r: Extract<BsRequest, { type: 'start' }>): Promise<void> {
    id = r.id;
    sweep = null;
    running = false;
    try {
      post({ type: 'loading', id: r.id });
      const subset = await loadFashion(r.dataUrl);
      if (id !== r.id) return;
      const data = { train: subset.train, test: subset.test };
      const s: Sweep = { settings: r.settings, jobs: r.jobs, data, total: 0, next: 0, engine: null, before: 0 };
      sweep = { ...s, total: r.jobs.reduce((t, j) => t + stepsOf(s, j), 0) };
      running = true;
      progress(sweep);
    } catch (err) {
      if (id === r.id) post({ type: 'error', id: r.id, message: errorMessage(err) });
    }
  }

  async function receive(r: BsRequest): Promise<void> {
    if (r.type === 'start') return start(r);
    if (r.id !== id) return;
    if (r.type === 'cancel') [sweep, running] = [null, false];
    else if (sweep) {
      running = r.type === 'resume' && sweep.next < sweep.jobs.length;
      progress(sweep);
    }
  }

  /** Trains the current job for CHUNK steps; posts its point when it ends. */
  function advance(s: Sweep): void {
    const job = s.jobs[s.next];
    s.engine ??= createBatchSweep(bsSweepOptions(s.settings, job.norm, [job.m]), s.data);
    const [point] = stepBatchSweep(s.engine, CHUNK);
    if (!point) return;
    s.before += stepsOf(s, job);
    s.engine = null;
    s.next += 1;
    post({ type: 'point', id, key: job.key, point });
    progress(s);
  }

  function pump(): PumpResult {
    if (!sweep || !running) return { busy: false, delayMs: 0 };
    const start = now(), s = sweep;
    try {
      while (s.next < s.jobs.length && now() - start < PUMP_BUDGET_MS) advance(s);
    } catch (err) {
      [sweep, running] = [null, false];
      post({ type: 'error', id, message: errorMessage(err) });
      return { busy: false, delayMs: 0 };
    }
    const done = s.next >= s.jobs.length;
    if (!done && now() - lastPost >= POST_EVERY_MS) progress(s);
    if (done) running = false;
    return { busy: !done, delayMs: 0 };
  }

  return { receive, pump };
}
