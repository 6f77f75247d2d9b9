import type { StoreApi } from 'zustand/vanilla';
import type { JobEvent, JobRequest } from './jobMessages';
import type { TransportFactory } from './transport';

export type JobPhase = 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';

/** What the page's store of a job holds at least: its phase and, after a failure, why in words. */
export interface JobState {
  readonly phase: JobPhase;
  readonly error: string | null;
}

export interface JobControl<Start, S> {
  /** Stops the job running (if any), sets `state` in the store, and starts a new one. */
  start(start: Start, state: Partial<S>): void;
  /** Cancels the job on the Worker if it is busy; its later events are ignored. */
  stop(): void;
  /** Pauses a loading or running job. */
  pause(): void;
  /** Resumes a paused job. */
  resume(): void;
  /** Loading, running or paused. */
  busy(): boolean;
  /** Stops, and ends the Worker (started again on the next start). */
  close(): void;
}

/**
 * The page's side of a resumable job in its own Worker (jobSession.ts there): the Worker started
 * on first use, one job at a time, its events written into `store` (the phase; a progress event's
 * fields under the same names; a crash, in words, as an error). Events of the job's own type go to
 * `onOwn`; events of a job since replaced are ignored.
 */
export function createJobControl<Start, Progress, Own extends { readonly type: string }, S extends JobState & Progress>(
  store: StoreApi<S>,
  factory: TransportFactory<JobRequest<Start>, JobEvent<Progress, Own>>,
  onOwn: (event: Own) => void = () => undefined,
): JobControl<Start, S> {
  let id = 0;
  let transport: ReturnType<typeof factory> | null = null;
  const set = (patch: Partial<JobState>) => store.setState(patch as Partial<S>);
  const phase = () => store.getState().phase;
  const busy = () => phase() === 'loading' || phase() === 'running' || phase() === 'paused';

  function onEvent(e: JobEvent<Progress, Own>): void {
    if (e.id !== id) return;
    // The job's own events have types of their own (not loading, progress or error).
    const known = e as JobEvent<Progress>;
    if (known.type === 'loading') set({ phase: 'loading' });
    else if (known.type === 'error') set({ phase: 'error', error: known.message });
    else if (known.type === 'progress') {
      const { type: _type, id: _id, done, ...fields } = known;
      store.setState({ ...(fields as Progress), phase: done ? 'done' : phase() === 'paused' ? 'paused' : 'running' } as Partial<S>);
    } else onOwn(e as Own);
  }
  const onFailure = (message: string): void => set({ phase: 'error', error: message });
  const send = (r: JobRequest<Start>): void => {
    transport ??= factory(onEvent, onFailure);
    transport.send(r);
  };
  function stop(): void {
    if (busy()) send({ type: 'cancel', id });
    id += 1;
  }
  return {
    start(start, state) {
      stop();
      store.setState(state);
      send({ type: 'start', id, ...start });
    },
    stop,
    pause() {
      if (phase() !== 'running' && phase() !== 'loading') return;
      set({ phase: 'paused' });
      send({ type: 'pause', id });
    },
    resume() {
      if (phase() !== 'paused') return;
      set({ phase: 'running' });
      send({ type: 'resume', id });
    },
    busy,
    close() {
      stop();
      transport?.close();
      transport = null;
    },
  };
}
