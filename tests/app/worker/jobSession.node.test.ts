import { describe, expect, test } from 'vitest';
import type { JobEvent, JobRequest } from '../../../app/worker/jobMessages';
import { type ResumableJob, createJobSession } from '../../../app/worker/jobSession';

/** A job that counts to `to`, one a step; every third count is an event of its own (unless `quiet`); it throws at `failAt`. */
interface Start {
  readonly to: number;
  readonly fetch: boolean;
  readonly failAt?: number;
  readonly quiet?: boolean;
}
interface Count extends Omit<Start, 'fetch'> {
  n: number;
  readonly base: number;
}
type Mark = { readonly type: 'mark'; readonly at: number };
type Ev = JobEvent<{ readonly count: number }, Mark>;

function harness(load: (s: Start) => Promise<number> = async () => 100) {
  const events: Ev[] = [];
  let t = 0;
  const job: ResumableJob<Start, number, Count, { readonly count: number }, Mark> = {
    async load(s, loading) {
      if (s.fetch) loading();
      return load(s);
    },
    create: (s, base) => ({ n: 0, to: s.to, failAt: s.failAt, quiet: s.quiet, base }),
    step(c) {
      c.n += 1;
      if (c.n === c.failAt) throw new Error(`the job broke at ${c.n}`);
      if (!c.quiet && c.n % 3 === 0) return { type: 'mark', at: c.base + c.n };
    },
    done: (c) => c.n >= c.to,
    progress: (c) => ({ count: c.n }),
    postEveryMs: 100,
  };
  // Every look at the clock moves it 2 ms: a pump (30 ms of budget) counts about 15, then yields.
  const session = createJobSession(job, { post: (e) => events.push(e), now: () => (t += 2) });
  const send = (r: JobRequest<Start>) => session.receive(r);
  const drain = () => {
    for (let i = 0; i < 1000 && session.pump().busy; i++);
  };
  return { events, session, send, drain };
}
const progress = (events: Ev[]) => events.flatMap((e) => (e.type === 'progress' ? [e.count] : []));

describe('a resumable job in its Worker session', () => {
  test('it loads, runs to the end a pump budget at a time, posts its own events at once with the progress after them, and ends done', async () => {
    const { events, session, send, drain } = harness();
    await send({ type: 'start', id: 1, to: 20, fetch: true });
    expect(events).toEqual([{ type: 'loading', id: 1 }, { type: 'progress', id: 1, done: false, count: 0 }]);
    expect(session.pump().busy).toBe(true);
    drain();
    expect(session.pump().busy).toBe(false);
    expect(events.filter((e) => e.type === 'mark')).toEqual([3, 6, 9, 12, 15, 18].map((n) => ({ type: 'mark', id: 1, at: 100 + n })));
    for (const [i, e] of events.entries()) if (e.type === 'mark') expect(events[i + 1]).toMatchObject({ type: 'progress', count: e.at - 100 });
    expect(events.at(-1)).toEqual({ type: 'progress', id: 1, done: true, count: 20 });
    expect(progress(events).filter((n) => n === 20)).toHaveLength(1);
    const counts = progress(events);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  test('paused, it does nothing and posts nothing; resumed, it goes on from where it was', async () => {
    const { events, session, send, drain } = harness();
    await send({ type: 'start', id: 1, to: 40, fetch: false });
    session.pump();
    await send({ type: 'pause', id: 1 });
    const at = events.at(-1);
    expect(at).toMatchObject({ type: 'progress', done: false });
    const before = events.length;
    expect(session.pump().busy).toBe(false);
    expect(session.pump().busy).toBe(false);
    expect(events.length).toBe(before);
    await send({ type: 'resume', id: 1 });
    expect(events.at(-1)).toEqual(at);
    drain();
    expect(events.at(-1)).toEqual({ type: 'progress', id: 1, done: true, count: 40 });
  });

  test('a cancelled job posts nothing more; requests about it, or another job, change nothing', async () => {
    const { events, session, send } = harness();
    await send({ type: 'start', id: 1, to: 1000, fetch: false });
    session.pump();
    await send({ type: 'cancel', id: 1 });
    const before = events.length;
    expect(session.pump().busy).toBe(false);
    await send({ type: 'resume', id: 1 });
    await send({ type: 'pause', id: 7 });
    expect(session.pump().busy).toBe(false);
    expect(events.length).toBe(before);
  });

  test('a new start replaces the job: the old one’s requests are ignored and the events carry the new id', async () => {
    const { events, send, drain } = harness();
    await send({ type: 'start', id: 1, to: 1000, fetch: false });
    await send({ type: 'start', id: 2, to: 6, fetch: false });
    await send({ type: 'pause', id: 1 });
    drain();
    const later = events.slice(events.findIndex((e) => e.id === 2));
    expect(later.every((e) => e.id === 2)).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'progress', id: 2, done: true, count: 6 });
  });

  test('a message that is no request (an unknown type) changes nothing: the job runs on', async () => {
    const { events, session, send, drain } = harness();
    await send({ type: 'start', id: 1, to: 12, fetch: false });
    const before = events.length;
    await send({ type: 'stop', id: 1 } as unknown as JobRequest<Start>);
    expect(events.length).toBe(before);
    expect(session.pump().busy).toBe(true);
    drain();
    expect(events.at(-1)).toMatchObject({ type: 'progress', done: true, count: 12 });
  });

  test('an error in the job is an error event in words, and the job is gone', async () => {
    const { events, session, send, drain } = harness();
    await send({ type: 'start', id: 4, to: 50, fetch: false, failAt: 8 });
    drain();
    expect(events.at(-1)).toEqual({ type: 'error', id: 4, message: 'the job broke at 8' });
    await send({ type: 'resume', id: 4 });
    expect(session.pump().busy).toBe(false);
    expect(events.at(-1)?.type).toBe('error');
  });

  test('data that cannot load is an error event in words; a load that ends after a new start posts nothing', async () => {
    const failing = harness(() => Promise.reject(new Error('the subset could not be fetched')));
    await failing.send({ type: 'start', id: 3, to: 5, fetch: true });
    expect(failing.events).toEqual([{ type: 'loading', id: 3 }, { type: 'error', id: 3, message: 'the subset could not be fetched' }]);

    let release: (n: number) => void = () => undefined;
    const slow = harness((s) => (s.to === 5 ? new Promise((r) => (release = r)) : Promise.resolve(0)));
    const first = slow.send({ type: 'start', id: 1, to: 5, fetch: true });
    await slow.send({ type: 'start', id: 2, to: 3, fetch: false });
    release(100);
    await first;
    slow.drain();
    expect(slow.events.filter((e) => e.id === 1)).toEqual([{ type: 'loading', id: 1 }]);
    expect(slow.events.at(-1)).toEqual({ type: 'progress', id: 2, done: true, count: 3 });
  });

  test('while running, progress is posted at most every postEveryMs of the clock, not after every pump', async () => {
    const { events, session, send } = harness();
    await send({ type: 'start', id: 1, to: 10_000, fetch: false, quiet: true });
    const before = events.length;
    // 20 pumps of about 32 ms on the fake clock: 640 ms, so about 6 posts at one per 100 ms.
    for (let i = 0; i < 20; i++) session.pump();
    const posted = events.slice(before);
    expect(posted.every((e) => e.type === 'progress' && !e.done)).toBe(true);
    expect(posted.length).toBeGreaterThanOrEqual(5);
    expect(posted.length).toBeLessThanOrEqual(7);
  });
});
