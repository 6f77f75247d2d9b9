import type { LabRequest } from './messages';
import type { PumpResult } from './session';

/** A session a driver can run: takes requests, and does a slice of its work per pump. */
export interface Pumped<R> {
  receive(request: R): Promise<void>;
  pump(): PumpResult;
}

export interface SessionDriver<R = LabRequest> {
  /** Hands a request to the session, then pumps it. */
  send(request: R): Promise<void>;
  /** No more pumps. */
  stop(): void;
}

/**
 * Runs a session on timers: after each request, and again after `delayMs` while it is busy. Between
 * two pumps the thread is free, so a pause or a new setting is read within one pump budget.
 * Used by the Worker entry, and by the in-page transport.
 */
export function driveSession<R = LabRequest>(session: Pumped<R>): SessionDriver<R> {
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
