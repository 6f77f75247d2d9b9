/**
 * The large files the notebook caches at first use rather than at install (no DOM: vite.config.ts reads it
 * for the service worker's runtime route). The Fashion-MNIST subset (1.6 MB) is not in the install-time
 * precache: the worker's CacheFirst route keeps it the first time anything fetches it, and `offlineData.ts`
 * fetches it ahead once the page is idle, on a connection that allows it.
 *
 * The file's name carries no hash, so the cache's name carries its revision: `DATA_REVISION` is the file's
 * SHA-256 (checked by tests/app/pwa/dataCache.node.test.ts), and a new subset is a new cache, the old one
 * deleted by the next page that fetches ahead.
 */
export const DATA_FILES = ['data/fashion-mnist-subset.bin.gz'] as const;
export const DATA_REVISION = 'f3df633a1d09433a';
export const DATA_CACHE_PREFIX = 'bn-live-data-';
export const DATA_CACHE = `${DATA_CACHE_PREFIX}${DATA_REVISION}`;
/** The worker's route: any of DATA_FILES under the worker's scope, whatever the sub-path. */
export const DATA_ROUTE = new RegExp(`/(?:${DATA_FILES.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$`);
