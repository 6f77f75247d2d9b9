import { PUMP_BUDGET_MS, type Pumped } from './driver';
import { errorMessage } from './errorMessage';
import type { JobEvent, JobRequest } from './jobMessages';

/** What a resumable job is, to the session that runs it. */
export interface ResumableJob<Start, Data, Job, Progress, Own extends { readonly type: string } = never> {
  /** Reads what the job needs (e.g. the Fashion-MNIST subset), calling `loading` first if it fetches. */
  load(start: Start, loading: () => void): Promise<Data>;
  create(start: Start, data: Data): Job;
  /** A short slice of the work; an event it returns (e.g. a finished point) is posted at once, then the progress. */
  step(job: Job): Own | void;
  done(job: Job): boolean;
  /** The fields of a progress event: copies, since the job goes on growing its arrays (an in-page transport does not copy them). */
  progress(job: Job): Progress;
  /** Progress is posted at most this often while running (and always on a pause, after an event of the job's own, and at the end). */
  readonly postEveryMs: number;
}

export interface JobSessionDeps<Progress, Own extends { readonly type: string }> {
  post(event: JobEvent<Progress, Own>): void;
  now(): number;
}

/**
 * A Worker running one resumable job at a time, as a plain object (no timers: driver.ts pumps it):
 * a start replaces the job, a pump budget of work at a time, paused and resumed on request; a
 * cancel forgets it. Requests about another job, and any other request, change nothing.
 */
export function createJobSession<Start, Data, Job, Progress, Own extends { readonly type: string } = never>(
  job: ResumableJob<Start, Data, Job, Progress, Own>,
  { post, now }: JobSessionDeps<Progress, Own>,
): Pumped<JobRequest<Start>> {
  let id = -1;
  let current: Job | null = null;
  let running = false;
  let lastPost = -Infinity;
  /** Work done since the last progress posted. */
  let unposted = false;

  const progress = (j: Job): void => {
    lastPost = now();
    unposted = false;
    post({ type: 'progress', id, done: job.done(j), ...job.progress(j) });
  };

  async function start(r: Extract<JobRequest<Start>, { type: 'start' }>): Promise<void> {
    id = r.id;
    current = null;
    running = false;
    try {
      const data = await job.load(r, () => post({ type: 'loading', id: r.id }));
      if (id !== r.id) return;
      current = job.create(r, data);
      running = true;
      progress(current);
    } catch (err) {
      if (id === r.id) post({ type: 'error', id: r.id, message: errorMessage(err) });
    }
  }

  async function receive(r: JobRequest<Start>): Promise<void> {
    if (r.type === 'start') return start(r);
    if (r.id !== id) return;
    if (r.type === 'cancel') [current, running] = [null, false];
    else if (current && (r.type === 'pause' || r.type === 'resume')) {
      running = r.type === 'resume' && !job.done(current);
      progress(current);
    }
  }

  function pump() {
    if (!current || !running) return { busy: false, delayMs: 0 };
    const start = now(), j = current;
    try {
      while (!job.done(j) && now() - start < PUMP_BUDGET_MS) {
        unposted = true;
        const own = job.step(j);
        if (own) {
          post({ ...own, id });
          progress(j);
        }
      }
    } catch (err) {
      [current, running] = [null, false];
      post({ type: 'error', id, message: errorMessage(err) });
      return { busy: false, delayMs: 0 };
    }
    const done = job.done(j);
    if (unposted && (done || now() - lastPost >= job.postEveryMs)) progress(j);
    if (done) running = false;
    return { busy: !done, delayMs: 0 };
  }

  return { receive, pump };
}
