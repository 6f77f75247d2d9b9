/// <reference lib="webworker" />
import { loadFashionCached } from '../../../lab/loadFashion';
import { driveSession } from '../../../lab/worker/driver';
import { type BsEvent, type BsRequest, createBsSession } from './bsSession';

/** The batch-size section's Worker: its session (bsSession.ts) wired to this thread's messages. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const driver = driveSession<BsRequest>(
  createBsSession({
    post: (event: BsEvent) => scope.postMessage(event),
    loadFashion: (url) => loadFashionCached({ url }),
    now: () => performance.now(),
  }),
);

scope.onmessage = (e: MessageEvent<BsRequest>) => {
  void driver.send(e.data);
};
