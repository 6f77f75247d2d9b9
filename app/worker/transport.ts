import { type Pumped, driveSession } from './driver';

/** How the page talks to a Worker session: a Worker in the app, the same session in-page in jsdom tests. */
export interface Transport<Req> {
  send(request: Req): void;
  close(): void;
}

/** Makes a transport whose events go to `onEvent`, and a crash, in words, to `onFailure`. */
export type TransportFactory<Req, Ev> = (onEvent: (event: Ev) => void, onFailure: (message: string) => void) => Transport<Req>;

/** A session made for a thread: given where to post its events. */
export type SessionOn<Req, Ev> = (post: (event: Ev) => void) => Pumped<Req>;

/**
 * A Worker as a transport, started by `start` when the factory is called: its events to `onEvent`, a
 * crash to `onFailure` in words naming `what`. (`start` is written at the call site: Vite bundles
 * `new Worker(new URL(…))` only there.)
 */
export function inWorker<Req, Ev>(start: () => Worker, what: string): TransportFactory<Req, Ev> {
  return (onEvent, onFailure) => {
    const worker = start();
    worker.onmessage = (e: MessageEvent<Ev>) => onEvent(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      onFailure(`The ${what} stopped${e.message ? `: ${e.message}` : ''}.`);
    };
    return { send: (r) => worker.postMessage(r), close: () => worker.terminate() };
  };
}

/** The same session on this thread, driven by timers (jsdom tests): nothing is posted once closed. */
export function inPage<Req, Ev>(session: SessionOn<Req, Ev>): TransportFactory<Req, Ev> {
  return (onEvent) => {
    let open = true;
    const driver = driveSession(
      session((e) => {
        if (open) onEvent(e);
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
}
