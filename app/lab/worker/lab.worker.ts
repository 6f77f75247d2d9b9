/// <reference lib="webworker" />
import { loadFashionCached } from '../loadFashion';
import { driveSession } from './driver';
import type { LabEvent, LabRequest } from './messages';
import { createLabSession } from './session';

/** The training lab's Worker: the protocol session (session.ts) wired to this thread's messages. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const driver = driveSession(
  createLabSession({
    post: (event: LabEvent) => scope.postMessage(event),
    loadFashion: (url) => loadFashionCached({ url }),
    now: () => performance.now(),
  }),
);

scope.onmessage = (e: MessageEvent<LabRequest>) => {
  void driver.send(e.data);
};
