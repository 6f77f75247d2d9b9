/// <reference lib="webworker" />
import { serveSession } from '../../worker/serve';
import { type SeedsEvent, type SeedsRequest, createSeedsSession } from './seedsSession';
import { threadDeps } from './threadDeps';

/** The lab's seeds Worker: the seeds session (seedsSession.ts) wired to this thread's messages. */
serveSession<SeedsRequest, SeedsEvent>((post) => createSeedsSession({ post, ...threadDeps }));
