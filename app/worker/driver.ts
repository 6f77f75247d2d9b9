import type { FashionSubset } from '../../src/fashion';

/**
 * Work per pump: long enough to be efficient, short enough that a pause is obeyed promptly. Steps
 * trained before the pause reached the Worker still arrive after it, so the counter moves on after
 * Pause by about this much training (at 60 ms, and shown a quarter second late, that was hundreds of steps).
 */
export const PUMP_BUDGET_MS = 30;

/** What a session is given by the thread it runs on. */
export interface SessionDeps<E> {
  post(event: E): void;
  /** Fetches, decompresses, parses and validates the Fashion-MNIST subset; rejects with a readable Error. */
  loadFashion(url: string): Promise<FashionSubset>;
  /** Milliseconds, monotonic. */
  now(): number;
}

export interface PumpResult {
  /** More work is waiting: call pump again after delayMs. */
  readonly busy: boolean;
  readonly delayMs: number;
}

/** A session a driver can run: takes requests, and does a slice of its work per pump. */
export interface Pumped<R> {
  receive(request: R): Promise<void>;
  pump(): PumpResult;
}

export interface SessionDriver<R> {
  /** Hands a request to the session, then pumps it. */
  send(request: R): Promise<void>;
  /** No more pumps. */
  stop(): void;
}

/**
 * Runs a session on timers: after each request, and again after `delayMs` while it is busy. Between
 * two pumps the thread is free, so a pause or a new setting is read within one pump budget.
 * Used by the Worker entries (serve.ts), and by the in-page transport.
 */
export function driveSession<R>(session: Pumped<R>): SessionDriver<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (delayMs: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = stopped ? undefined : setTimeout(tick, delayMs);
  };
  function tick(): void {
    timer = undefined;
    const { busy, delayMs } = session.pump();
    if (busy) schedule(delayMs);
  }
  return {
    async send(request) {
      await session.receive(request);
      schedule(0);
    },
    stop() {
      stopped = true;
      schedule(0);
    },
  };
}
