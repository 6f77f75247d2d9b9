import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FASHION_TIMEOUT_MS, FashionLoadError, fashionUrl, loadFashion, loadFashionCached } from '../../../app/lab/loadFashion';
import { encodeFashionSubset } from '../../../src';

const URL_ = 'https://example.org/notebook/data/fashion-mnist-subset.bin.gz';

/** A valid subset file: 10 train + 10 test images of 2 × 2, one of each class. */
function subsetBytes(): Uint8Array {
  const split = () => ({ labels: Uint8Array.from({ length: 10 }, (_, i) => i), pixels: Uint8Array.from({ length: 40 }, (_, k) => k * 6) });
  return encodeFashionSubset({ imageRows: 2, imageCols: 2, seed: 7, train: split(), test: split() });
}

const gz = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(gzipSync(b));
const respond = (body: BodyInit | null, init?: ResponseInit) => vi.fn(async () => new Response(body, init));

/** A fetch that never answers until its signal aborts (as a stalled server). */
const hangingFetch = vi.fn((_url: string | URL | Request, init?: RequestInit) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
);

async function failure(p: Promise<unknown>): Promise<FashionLoadError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FashionLoadError);
  return err as FashionLoadError;
}

describe('fashionUrl', () => {
  test.each([
    ['./', 'https://example.org/notebook/index.html?section=13', URL_],
    ['./', 'https://example.org/notebook/', URL_],
    ['/', 'http://127.0.0.1:5173/?x=1', 'http://127.0.0.1:5173/data/fashion-mnist-subset.bin.gz'],
    ['/repo/', 'https://user.example.io/repo/', 'https://user.example.io/repo/data/fashion-mnist-subset.bin.gz'],
  ])('base %s on page %s → %s', (base, page, want) => {
    expect(fashionUrl(base, page)).toBe(want);
  });
});

describe('loadFashion', () => {
  test('a gzipped file: 10 train images of 2 × 2 with their labels, pixels scaled to [0, 1]', async () => {
    const fetch = respond(gz(subsetBytes()));
    const s = await loadFashion({ url: URL_, fetch });
    expect(fetch).toHaveBeenCalledWith(URL_, expect.objectContaining({ signal: expect.any(AbortSignal) }));
    expect([s.train.x.rows, s.train.x.cols, s.test.x.rows]).toEqual([10, 4, 10]);
    expect(Array.from(s.train.y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.train.x.data[1]).toBe(6 / 255);
  });

  test('a server that already removed the gzip encoding: the raw file parses too', async () => {
    const s = await loadFashion({ url: URL_, fetch: respond(subsetBytes() as Uint8Array<ArrayBuffer>) });
    expect(s.test.x.rows).toBe(10);
  });

  test('HTTP 404 → kind "http", the status and the URL in words', async () => {
    const err = await failure(loadFashion({ url: URL_, fetch: respond('missing', { status: 404, statusText: 'Not Found' }) }));
    expect(err.kind).toBe('http');
    expect(err.message).toBe(`The server answered HTTP 404 Not Found for ${URL_}, so the Fashion-MNIST subset could not be loaded.`);
  });

  test('a network failure → kind "network"', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await failure(loadFashion({ url: URL_, fetch }));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/Could not reach .* \(Failed to fetch\)/);
  });

  describe('timeouts (fake timers)', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    /** Settles `p` into 'pending' or its FashionLoadError, after `ms` of fake time. */
    async function after(ms: number, p: Promise<unknown>, state: { settled: FashionLoadError | null }): Promise<void> {
      p.then(() => {}, (e: FashionLoadError) => (state.settled = e));
      await vi.advanceTimersByTimeAsync(ms);
    }

    test.each([
      ['timeoutMs 40', 40, '40 ms'],
      ['the default, FASHION_TIMEOUT_MS', undefined, '30 s'],
    ])('a stalled server (%s) → kind "timeout" exactly then, not a hang and not before', async (_name, timeoutMs, words) => {
      const wait = timeoutMs ?? FASHION_TIMEOUT_MS;
      const state = { settled: null as FashionLoadError | null };
      await after(wait - 1, loadFashion({ url: URL_, fetch: hangingFetch, timeoutMs }), state);
      expect(state.settled).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect(state.settled).toBeInstanceOf(FashionLoadError);
      expect(state.settled?.kind).toBe('timeout');
      expect(state.settled?.message).toBe(`Loading the Fashion-MNIST subset took longer than ${words} and was stopped. Check the connection and try again.`);
    });

    test('a body that never ends → "timeout" even if the body ignores the signal', async () => {
      const endless = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array([0x1f, 0x8b])) });
      const state = { settled: null as FashionLoadError | null };
      await after(40, loadFashion({ url: URL_, fetch: respond(endless), timeoutMs: 40 }), state);
      expect(state.settled?.kind).toBe('timeout');
    });
  });

  test('the caller’s AbortSignal → kind "aborted"; an already-aborted signal never fetches', async () => {
    const ctrl = new AbortController();
    const p = loadFashion({ url: URL_, fetch: hangingFetch, signal: ctrl.signal });
    ctrl.abort();
    expect((await failure(p)).kind).toBe('aborted');
    const fetch = respond(gz(subsetBytes()));
    expect((await failure(loadFashion({ url: URL_, fetch, signal: AbortSignal.abort() }))).kind).toBe('aborted');
    expect(fetch).not.toHaveBeenCalled();
  });

  test.each([
    ['truncated gzip', () => gz(subsetBytes()).subarray(0, 30), /could not be decompressed/],
    ['gzip garbage', () => Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 9, 9, 9, 9]), /corrupt or truncated/],
    ['a truncated raw file', () => subsetBytes().subarray(0, 50), /is truncated/],
    ['an HTML page with status 200', () => new TextEncoder().encode('<!doctype html><title>Notebook</title>'), /looks like an HTML page/],
  ])('%s → kind "corrupt" with the engine’s reason', async (_name, body, reason) => {
    const bytes = body().slice();
    const err = await failure(loadFashion({ url: URL_, fetch: respond(bytes) }));
    expect(err.kind).toBe('corrupt');
    expect(err.message).toMatch(reason);
    expect(err.message).toContain(URL_);
  });
});

describe('loadFashionCached', () => {
  test('two callers share one download; a failure is forgotten so the next call retries', async () => {
    const url = `${URL_}?cache-test`;
    const bad = respond('no', { status: 500 });
    expect((await failure(loadFashionCached({ url, fetch: bad }))).kind).toBe('http');
    const good = respond(gz(subsetBytes()));
    const [a, b] = await Promise.all([loadFashionCached({ url, fetch: good }), loadFashionCached({ url, fetch: good })]);
    expect(a).toBe(b);
    expect(good).toHaveBeenCalledTimes(1);
  });

  test('one caller’s abort rejects only its own wait', async () => {
    const url = `${URL_}?abort-test`;
    const fetch = respond(gz(subsetBytes()));
    const ctrl = new AbortController();
    const mine = loadFashionCached({ url, fetch, signal: ctrl.signal });
    ctrl.abort();
    expect((await failure(mine)).kind).toBe('aborted');
    expect((await loadFashionCached({ url, fetch })).train.x.rows).toBe(10);
  });
});
