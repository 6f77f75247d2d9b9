import { loadFashionCached } from './loadFashion';
import { driveSession } from './worker/driver';
import type { LabEvent, LabRequest } from './worker/messages';
import { createLabSession } from './worker/session';

/** How the page talks to a Worker session (the lab's, the seeds'): a Worker in the app, the same session in-page in jsdom tests. */
export interface Transport<Req> {
  send(request: Req): void;
  close(): void;
}
export type LabTransport = Transport<LabRequest>;

export type TransportFactory = (onEvent: (event: LabEvent) => void, onFailure: (message: string) => void) => LabTransport;

/**
 * A started Worker as a transport: its events to `onEvent`, a crash to `onFailure` in words naming
 * `what`. (The Worker itself is made at the call site: Vite bundles `new Worker(new URL(…))` only there.)
 */
export function workerAsTransport<Req, Ev>(worker: Worker, what: string, onEvent: (e: Ev) => void, onFailure: (message: string) => void): Transport<Req> {
  worker.onmessage = (e: MessageEvent<Ev>) => onEvent(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    onFailure(`The ${what} stopped${e.message ? `: ${e.message}` : ''}.`);
  };
  return { send: (r) => worker.postMessage(r), close: () => worker.terminate() };
}

/** A module Worker running app/lab/worker/lab.worker.ts (Vite bundles it as its own chunk). */
export const workerTransport: TransportFactory = (onEvent, onFailure) =>
  workerAsTransport(new Worker(new URL('./worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'training-lab' }), 'training worker', onEvent, onFailure);

/** The same session on this thread, driven by timers (tests; the main thread does the training). */
export const inPageTransport: TransportFactory = (onEvent) => {
  let open = true;
  const driver = driveSession(
    createLabSession({
      post: (e) => {
        if (open) onEvent(e);
      },
      loadFashion: (url) => loadFashionCached({ url }),
      now: () => performance.now(),
    }),
  );
  return {
    send: (r) => void driver.send(r),
    close: () => {
      open = false;
      driver.stop();
    },
  };
};
