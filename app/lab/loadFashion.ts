import { EngineError } from '../../src/errors';
import { type FashionSubset, decodeFashionSubset } from '../../src/fashion';

/**
 * Lazy loading of the Fashion-MNIST subset (public/data/, built by scripts/build-fashion.ts). The
 * file is fetched only when something asks for it; every failure becomes a FashionLoadError whose
 * message can be shown as it is, and nothing waits forever: a timeout aborts the request.
 */
export const FASHION_FILE = 'data/fashion-mnist-subset.bin.gz';
export const FASHION_TIMEOUT_MS = 30_000;

export type FashionLoadErrorKind = 'network' | 'http' | 'timeout' | 'aborted' | 'corrupt';

export class FashionLoadError extends Error {
  readonly kind: FashionLoadErrorKind;
  readonly url: string;
  constructor(kind: FashionLoadErrorKind, url: string, message: string) {
    super(message);
    this.name = 'FashionLoadError';
    this.kind = kind;
    this.url = url;
  }
}

export interface LoadFashionOptions {
  /** Where the file is; default `fashionUrl()`. */
  readonly url?: string;
  /** Cancels the load (the promise rejects with kind 'aborted'). */
  readonly signal?: AbortSignal;
  /** Give up after this long (kind 'timeout'). Default 30 s. */
  readonly timeoutMs?: number;
  /** For tests; default the global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * The file's absolute URL: FASHION_FILE under the app's base URL (Vite's BASE_URL, './' in a build
 * so the site works under any sub-path), resolved against the page. A Worker's own location is its
 * script's URL, not the page's: code in a Worker should pass the page URL as `pageUrl`.
 */
export function fashionUrl(base: string = import.meta.env.BASE_URL, pageUrl: string = defaultPageUrl()): string {
  return new URL(FASHION_FILE, new URL(base, pageUrl)).href;
}

function defaultPageUrl(): string {
  if (typeof document !== 'undefined') return document.baseURI;
  if (typeof location !== 'undefined') return location.href;
  throw new Error('fashionUrl needs the page URL outside a browser');
}

const NAME = 'the Fashion-MNIST subset';

/** Fetches, decompresses, parses and validates the subset. Rejects with a FashionLoadError. */
export async function loadFashion(options: LoadFashionOptions = {}): Promise<FashionSubset> {
  const url = options.url ?? fashionUrl();
  const timeoutMs = options.timeoutMs ?? FASHION_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  if (options.signal?.aborted) controller.abort();
  // Rejects as soon as the load is aborted, whether or not fetch or the body honour the signal.
  const aborted = new Promise<never>((_, reject) => {
    const stop = (): void => reject(new FashionLoadError(timedOut ? 'timeout' : 'aborted', url, timedOut
      ? `Loading ${NAME} took longer than ${formatSeconds(timeoutMs)} and was stopped. Check the connection and try again.`
      : `Loading ${NAME} was cancelled.`));
    if (controller.signal.aborted) stop();
    else controller.signal.addEventListener('abort', stop);
  });
  aborted.catch(() => {});
  try {
    if (controller.signal.aborted) await aborted;
    const response = await Promise.race([doFetch(url, { signal: controller.signal }), aborted]).catch((err: unknown) => {
      if (err instanceof FashionLoadError || controller.signal.aborted) return aborted;
      throw new FashionLoadError('network', url, `Could not reach ${url} to load ${NAME} (${errorText(err)}).`);
    });
    if (!response.ok) {
      throw new FashionLoadError('http', url, `The server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}, so ${NAME} could not be loaded.`);
    }
    const body = await Promise.race([response.arrayBuffer(), aborted]).catch((err: unknown) => {
      if (err instanceof FashionLoadError || controller.signal.aborted) return aborted;
      throw new FashionLoadError('network', url, `The download of ${NAME} broke off (${errorText(err)}).`);
    });
    return await Promise.race([decodeFashionSubset(new Uint8Array(body)), aborted]).catch((err: unknown) => {
      if (err instanceof EngineError) throw new FashionLoadError('corrupt', url, `The file at ${url} is not usable: ${err.message}.`);
      throw err;
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

const cache = new Map<string, Promise<FashionSubset>>();

/**
 * `loadFashion` once per URL: later calls share the first download. A failed load is forgotten,
 * so calling again retries. `signal` cancels only this caller's wait, not the shared download.
 */
export function loadFashionCached(options: LoadFashionOptions = {}): Promise<FashionSubset> {
  const url = options.url ?? fashionUrl();
  let shared = cache.get(url);
  if (!shared) {
    shared = loadFashion({ ...options, url, signal: undefined });
    cache.set(url, shared);
    shared.catch(() => cache.delete(url));
  }
  const signal = options.signal;
  if (!signal) return shared;
  return new Promise<FashionSubset>((resolve, reject) => {
    const cancel = (): void => reject(new FashionLoadError('aborted', url, `Loading ${NAME} was cancelled.`));
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancel));
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
