import type { LabRequest } from './messages';
import type { LabSession } from './session';

export interface SessionDriver {
  /** Hands a request to the session, then pumps it. */
  send(request: LabRequest): Promise<void>;
  /** No more pumps. */
  stop(): void;
}

/**
 * Runs a session on timers: after each request, and again after `delayMs` while it is busy. Between
 * two pumps the thread is free, so a pause or a new setting is read within one pump budget.
 * Used by the Worker entry, and by the in-page transport.
 */
export function driveSession(session: LabSession): SessionDriver {
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
