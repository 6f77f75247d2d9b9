import type { LabRequest } from './messages';
import type { LabSession } from './protocol';

/**
 * Runs a session on timers: after each request, and again after `delayMs` while it is busy. Between
 * two pumps the thread is free, so a pause or a new setting is read within one pump budget.
 * Used by the Worker entry, and by the in-page transport of the component tests.
 */
export function driveSession(session: LabSession): (request: LabRequest) => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
  };
  function tick(): void {
    timer = undefined;
    const { busy, delayMs } = session.pump();
    if (busy) schedule(delayMs);
  }
  return async (request) => {
    await session.receive(request);
    schedule(0);
  };
}
