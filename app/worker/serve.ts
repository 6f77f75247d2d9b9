/// <reference lib="webworker" />
import { driveSession } from './driver';
import type { SessionOn } from './transport';

/** A Worker entry's one job: the session, driven on timers, takes this thread's messages and posts its events back. */
export function serveSession<Req, Ev>(session: SessionOn<Req, Ev>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const driver = driveSession(session((event) => scope.postMessage(event)));
  scope.onmessage = (e: MessageEvent<Req>) => {
    void driver.send(e.data);
  };
}
