/// <reference lib="webworker" />
import { serveSession } from '../../worker/serve';
import type { LabEvent, LabRequest } from './messages';
import { createLabSession } from './session';
import { threadDeps } from './threadDeps';

/** The training lab's Worker: the protocol session (session.ts) wired to this thread's messages. */
serveSession<LabRequest, LabEvent>((post) => createLabSession({ post, ...threadDeps }));
