import { loadFashionCached } from './loadFashion';
import { driveSession } from './worker/driver';
import type { LabEvent, LabRequest } from './worker/messages';
import { createLabSession } from './worker/session';

/** How the page talks to a lab session: a Worker in the app, the same session in-page in jsdom tests. */
export interface LabTransport {
  send(request: LabRequest): void;
  close(): void;
}

export type TransportFactory = (onEvent: (event: LabEvent) => void, onFailure: (message: string) => void) => LabTransport;

/** A module Worker running app/lab/worker/lab.worker.ts (Vite bundles it as its own chunk). */
export const workerTransport: TransportFactory = (onEvent, onFailure) => {
  const worker = new Worker(new URL('./worker/lab.worker.ts', import.meta.url), { type: 'module', name: 'training-lab' });
  worker.onmessage = (e: MessageEvent<LabEvent>) => onEvent(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    onFailure(`The training worker stopped${e.message ? `: ${e.message}` : ''}.`);
  };
  return { send: (r) => worker.postMessage(r), close: () => worker.terminate() };
};

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
