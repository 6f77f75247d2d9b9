import { describe, expect, test } from 'vitest';
import { DATA_CACHE, DATA_FILES } from '../../../app/pwa/dataCache';
import { fetchDataAhead, mayFetchAhead } from '../../../app/pwa/offlineData';

/** A CacheStorage in memory: each cache a set of URLs; `add` "fetches" by recording the URL, or fails. */
function fakeCaches(initial: Record<string, string[]> = {}, failing = false) {
  const store = new Map(Object.entries(initial).map(([name, urls]) => [name, new Set(urls)]));
  const added: string[] = [];
  const open = async (name: string) => {
    if (!store.has(name)) store.set(name, new Set());
    const urls = store.get(name)!;
    return {
      match: async (url: string) => (urls.has(url) ? new Response('cached') : undefined),
      add: async (url: string) => {
        if (failing) throw new TypeError('Failed to fetch');
        added.push(url);
        urls.add(url);
      },
    } as unknown as Cache;
  };
  const caches = {
    keys: async () => [...store.keys()],
    delete: async (name: string) => store.delete(name),
    open,
  } as unknown as CacheStorage;
  return { caches, store, added };
}

const BASE = 'https://host.example/course/bn/';

describe('fetching the large files ahead', () => {
  test('only with no Save-Data and better than 2G (no Network Information API counts as good)', () => {
    expect(mayFetchAhead(undefined)).toBe(true);
    expect(mayFetchAhead({ effectiveType: '4g' })).toBe(true);
    expect(mayFetchAhead({ effectiveType: '3g', saveData: false })).toBe(true);
    expect(mayFetchAhead({ effectiveType: '4g', saveData: true })).toBe(false);
    expect(mayFetchAhead({ effectiveType: '2g' })).toBe(false);
    expect(mayFetchAhead({ effectiveType: 'slow-2g' })).toBe(false);
  });

  test('puts each missing file into the revision’s cache, under the app’s base URL', async () => {
    const { caches, store, added } = fakeCaches();
    await expect(fetchDataAhead({ caches, base: BASE })).resolves.toEqual([...DATA_FILES]);
    expect(added).toEqual(DATA_FILES.map((f) => `${BASE}${f}`));
    expect([...store.get(DATA_CACHE)!]).toEqual(added);
  });

  test('fetches nothing already cached (the lab loaded it, or an earlier visit did)', async () => {
    const { caches, added } = fakeCaches({ [DATA_CACHE]: DATA_FILES.map((f) => `${BASE}${f}`) });
    await expect(fetchDataAhead({ caches, base: BASE })).resolves.toEqual([]);
    expect(added).toEqual([]);
  });

  test('deletes an earlier revision’s cache, and leaves the precache and other caches alone', async () => {
    const { caches, store } = fakeCaches({ 'bn-live-data-0000000000000000': ['old'], 'workbox-precache-v2-x': ['a'], other: ['b'] });
    await fetchDataAhead({ caches, base: BASE });
    expect([...store.keys()].sort()).toEqual([DATA_CACHE, 'other', 'workbox-precache-v2-x'].sort());
  });

  test('a failed fetch rejects (the caller lets the file be cached at first use)', async () => {
    const { caches } = fakeCaches({}, true);
    await expect(fetchDataAhead({ caches, base: BASE })).rejects.toThrow('Failed to fetch');
  });
});
