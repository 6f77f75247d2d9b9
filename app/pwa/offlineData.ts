import { DATA_CACHE, DATA_CACHE_PREFIX, DATA_FILES } from './dataCache';
import { whenIdle } from '../ui/whenIdle';

/** The part of the Network Information API read here (Chromium; absent elsewhere, which counts as a good connection). */
export interface ConnectionInfo {
  readonly saveData?: boolean;
  readonly effectiveType?: string;
}

/** Fetch large files ahead only when the reader has not asked to save data and the connection is better than 2G. */
export function mayFetchAhead(connection: ConnectionInfo | undefined): boolean {
  if (!connection) return true;
  if (connection.saveData) return false;
  return connection.effectiveType !== '2g' && connection.effectiveType !== 'slow-2g';
}

export interface FetchAheadDeps {
  readonly caches: CacheStorage;
  /** The app's base URL, absolute (the page's `./` in a build). */
  readonly base: string;
}

/**
 * Puts every file of DATA_FILES that is not cached yet into DATA_CACHE (through the worker when it controls
 * the page; its CacheFirst route keeps the same response) and deletes earlier revisions' caches. Returns the
 * files fetched. A failure (offline, a full disk) leaves the file to be cached at first use.
 */
export async function fetchDataAhead({ caches, base }: FetchAheadDeps): Promise<string[]> {
  for (const name of await caches.keys()) {
    if (name.startsWith(DATA_CACHE_PREFIX) && name !== DATA_CACHE) await caches.delete(name);
  }
  const cache = await caches.open(DATA_CACHE);
  const fetched: string[] = [];
  for (const file of DATA_FILES) {
    const url = new URL(file, base).href;
    if (await cache.match(url)) continue;
    await cache.add(url);
    fetched.push(file);
  }
  return fetched;
}

/**
 * Once the worker is active (its install-time precache done, so the two never compete) and the page is idle,
 * fetches the large files ahead, unless the connection says not to: then they are cached when first used.
 */
export function scheduleDataAhead(win: Window = window): void {
  const nav = win.navigator as Navigator & { connection?: ConnectionInfo };
  if (!('caches' in win) || !mayFetchAhead(nav.connection)) return;
  void nav.serviceWorker.ready.then(() => {
    // Checked again when it runs: the connection may have changed, and an offline page would only log failed requests.
    const run = () => mayFetchAhead(nav.connection) && nav.onLine && void fetchDataAhead({ caches: win.caches, base: new URL(import.meta.env.BASE_URL, win.document.baseURI).href }).catch(() => {});
    whenIdle(run, 10_000, 2_000, win);
  });
}
