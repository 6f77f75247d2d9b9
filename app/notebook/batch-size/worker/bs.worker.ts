/// <reference lib="webworker" />
import { threadDeps } from '../../../lab/worker/threadDeps';
import { serveSession } from '../../../worker/serve';
import { type BsEvent, type BsRequest, createBsSession } from './bsSession';

/** The batch-size section's Worker: its session (bsSession.ts) wired to this thread's messages. */
serveSession<BsRequest, BsEvent>((post) => createBsSession({ post, ...threadDeps }));
