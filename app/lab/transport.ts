import { type Transport, type TransportFactory as Factory, inPage, inWorker } from '../worker/transport';
import type { LabEvent, LabRequest } from './worker/messages';
import { createLabSession } from './worker/session';
import { threadDeps } from './worker/threadDeps';

/** How the page talks to the lab's Worker session (app/worker/transport.ts). */
export type LabTransport = Transport<LabRequest>;

export type TransportFactory = Factory<LabRequest, LabEvent>;

/** A module Worker running app/lab/worker/lab.worker.ts (Vite bundles it as its own chunk). */
export const workerTransport: TransportFactory = inWorker(() => new Worker(new URL('./worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'training-lab' }), 'training worker');

/** The same session on this thread, driven by timers (tests; the main thread does the training). */
export const inPageTransport: TransportFactory = inPage((post) => createLabSession({ post, ...threadDeps }));
