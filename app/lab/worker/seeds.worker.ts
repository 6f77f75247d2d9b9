/// <reference lib="webworker" />
import { loadFashionCached } from '../loadFashion';
import { driveSession } from './driver';
import { type SeedsEvent, type SeedsRequest, createSeedsSession } from './seedsSession';

/** The lab's seeds Worker: the seeds session (seedsSession.ts) wired to this thread's messages. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const driver = driveSession<SeedsRequest>(
  createSeedsSession({
    post: (event: SeedsEvent) => scope.postMessage(event),
    loadFashion: (url) => loadFashionCached({ url }),
    now: () => performance.now(),
  }),
);

scope.onmessage = (e: MessageEvent<SeedsRequest>) => {
  void driver.send(e.data);
};
