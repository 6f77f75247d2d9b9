import { beforeEach, describe, expect, test } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { type JobState, createJobControl } from '../../../app/worker/jobControl';
import type { JobEvent, JobRequest } from '../../../app/worker/jobMessages';
import type { TransportFactory } from '../../../app/worker/transport';

/** A job started with a size, whose progress is a count, and whose own events are marks. */
type Start = { readonly size: number };
type Progress = { readonly count: number };
type Mark = { readonly type: 'mark'; readonly at: number };
type Ev = JobEvent<Progress, Mark>;
interface CountState extends JobState, Progress {
  readonly size: number;
}
const IDLE: CountState = { phase: 'idle', error: null, count: 0, size: 0 };

/** A transport that records what the page sends; the test plays the Worker. */
function fakeWorker() {
  const sent: JobRequest<Start>[] = [];
  let made = 0, closed = 0;
  let emit: (e: Ev) => void = () => undefined;
  let fail: (message: string) => void = () => undefined;
  const factory: TransportFactory<JobRequest<Start>, Ev> = (onEvent, onFailure) => {
    made += 1;
    [emit, fail] = [onEvent, onFailure];
    return { send: (r) => sent.push(r), close: () => (closed += 1) };
  };
  return { factory, sent, emit: (e: Ev) => emit(e), fail: (m: string) => fail(m), made: () => made, closed: () => closed };
}

let store = createStore<CountState>()(() => IDLE);
let worker = fakeWorker();
let marks: Mark[] = [];
const control = () => createJobControl<Start, Progress, Mark, CountState>(store, worker.factory, (m) => marks.push(m));
beforeEach(() => {
  store = createStore<CountState>()(() => IDLE);
  worker = fakeWorker();
  marks = [];
});

describe('the page’s control of a job in its Worker', () => {
  test('the Worker starts on first use; start sets the store and sends the start; loading and progress set the phase and the fields', () => {
    const job = control();
    expect(worker.made()).toBe(0);
    job.start({ size: 3 }, { phase: 'loading', size: 3 });
    expect(worker.made()).toBe(1);
    expect(worker.sent).toEqual([{ type: 'start', id: 1, size: 3 }]);
    expect(store.getState()).toMatchObject({ phase: 'loading', size: 3 });
    worker.emit({ type: 'progress', id: 1, done: false, count: 1 });
    expect(store.getState()).toEqual({ phase: 'running', error: null, count: 1, size: 3 });
    worker.emit({ type: 'progress', id: 1, done: true, count: 3 });
    expect(store.getState()).toMatchObject({ phase: 'done', count: 3 });
    expect(job.busy()).toBe(false);
  });

  test('pause and resume: sent only when they apply; progress that arrives while paused keeps it paused', () => {
    const job = control();
    job.pause();
    job.resume();
    expect(worker.sent).toEqual([]);
    job.start({ size: 9 }, { phase: 'running' });
    job.resume();
    job.pause();
    expect(store.getState().phase).toBe('paused');
    worker.emit({ type: 'progress', id: 1, done: false, count: 4 });
    expect(store.getState()).toMatchObject({ phase: 'paused', count: 4 });
    job.pause();
    job.resume();
    expect(store.getState().phase).toBe('running');
    expect(worker.sent.map((r) => r.type)).toEqual(['start', 'pause', 'resume']);
  });

  test('stop cancels a busy job on the Worker and ignores its later events; the next start has a new id', () => {
    const job = control();
    job.start({ size: 9 }, { phase: 'running' });
    job.stop();
    expect(worker.sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
    worker.emit({ type: 'progress', id: 1, done: false, count: 5 });
    worker.emit({ type: 'error', id: 1, message: 'late' });
    expect(store.getState()).toMatchObject({ phase: 'running', count: 0, error: null });
    store.setState({ phase: 'idle' }); // as a feature does when it stops
    job.start({ size: 2 }, { phase: 'running', size: 2 });
    expect(worker.sent.at(-1)).toEqual({ type: 'start', id: 3, size: 2 });
    // Not busy: stopping sends nothing.
    store.setState({ phase: 'done' });
    const before = worker.sent.length;
    job.stop();
    expect(worker.sent.length).toBe(before);
  });

  test('a start while busy cancels the running job first', () => {
    const job = control();
    job.start({ size: 9 }, { phase: 'running' });
    job.start({ size: 4 }, { phase: 'loading', size: 4 });
    expect(worker.sent).toEqual([{ type: 'start', id: 1, size: 9 }, { type: 'cancel', id: 1 }, { type: 'start', id: 2, size: 4 }]);
  });

  test('the job’s own events go to its handler; an error event and a crashed Worker are errors in words', () => {
    const job = control();
    job.start({ size: 9 }, { phase: 'running' });
    worker.emit({ type: 'mark', id: 1, at: 3 });
    expect(marks).toEqual([{ type: 'mark', id: 1, at: 3 }]);
    worker.emit({ type: 'error', id: 1, message: 'the subset could not be fetched' });
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'the subset could not be fetched' });
    job.start({ size: 9 }, { phase: 'running', error: null });
    worker.fail('The job worker stopped: out of memory.');
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'The job worker stopped: out of memory.' });
  });

  test('a bad message (an event of another job) changes nothing', () => {
    const job = control();
    job.start({ size: 9 }, { phase: 'running' });
    worker.emit({ type: 'progress', id: 7, done: true, count: 9 });
    worker.emit({ type: 'mark', id: -1, at: 1 });
    worker.emit({ type: 'loading', id: 0 });
    expect(store.getState()).toMatchObject({ phase: 'running', count: 0 });
    expect(marks).toEqual([]);
  });

  test('close cancels a busy job and ends the Worker; the next start makes a new one', () => {
    const job = control();
    job.start({ size: 9 }, { phase: 'running' });
    job.close();
    expect(worker.sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
    expect(worker.closed()).toBe(1);
    job.start({ size: 1 }, { phase: 'running' });
    expect(worker.made()).toBe(2);
  });
});
