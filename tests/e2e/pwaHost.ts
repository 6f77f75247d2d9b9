import { createServer, type Server } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * What the offline tests (offline.e2e.ts, pwa.e2e.ts, pwa-update.e2e.ts) share: a plain static host serving the
 * build under a sub-path, whose deployment can be replaced, and the page's view of its service worker.
 */
export const DIST = resolve(process.env.E2E_DIST ?? 'dist');
export const SUB = '/deployed/under/a/path/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
};

export interface Host {
  server: Server;
  base: string;
  /** Paths asked for outside SUB (none expected). */
  outside: string[];
  /** Every path served, in order (query included), to see what the worker fetched. */
  served: string[];
  /** Replaces the served sw.js (a "new deployment" of the worker); null serves dist's own. */
  swBody: string | null;
  /** Replaces the whole deployment (path → bytes; anything else is 404, as a host that keeps no old files); null serves dist. */
  deployment: Map<string, Buffer> | null;
}

/** A plain static host (no SPA fallback, no rewriting) that serves dist/ (or `deployment`) only under `sub`, with a replaceable sw.js. */
export function staticHost(sub: string = SUB): Promise<Host> {
  const host: Host = { server: undefined as unknown as Server, base: '', outside: [], served: [], swBody: null, deployment: null };
  host.server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(sub)) {
      host.outside.push(path);
      res.writeHead(404).end('not here');
      return;
    }
    host.served.push(path.slice(sub.length) + url.search);
    const rel = path.slice(sub.length) || 'index.html';
    const type = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (rel === 'sw.js' && host.swBody !== null) {
      res.writeHead(200, type).end(host.swBody);
      return;
    }
    if (host.deployment) {
      const body = host.deployment.get(rel);
      if (body) res.writeHead(200, type).end(body);
      else res.writeHead(404).end('missing');
      return;
    }
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, type).end(body),
      () => res.writeHead(404).end('missing'),
    );
  });
  return new Promise((done) =>
    host.server.listen(0, '127.0.0.1', () => {
      const address = host.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      host.base = `http://127.0.0.1:${address.port}${sub}`;
      done(host);
    }),
  );
}

/** The URLs dist/sw.js precaches (Workbox's manifest in the generated worker), relative to the worker. */
export async function precacheList(): Promise<string[]> {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1]);
}

/**
 * The next version of the build, as a deployment would make it: every file under assets/ under a new hashed
 * name, every reference to it rewritten (HTML, JS, CSS, the worker's precache list), index.html's revision new;
 * the old version's assets are not in it.
 */
export async function nextVersion(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(join(DIST, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else files.set(rel, await readFile(join(DIST, rel)));
    }
  };
  await walk('');
  const renamed = new Map([...files.keys()].filter((f) => f.startsWith('assets/')).map((f) => [f.slice(7), f.slice(7).replace(/(\.[^.]+)$/, 'v2$1')]));
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const refs = new RegExp(`(?<=[/"'\`(])(?:${names.join('|')})`, 'g');
  const next = new Map<string, Buffer>();
  for (const [rel, body] of files) {
    const text = /\.(js|css|html|webmanifest)$/.test(rel);
    let out = text ? body.toString('utf8').replace(refs, (n) => renamed.get(n) ?? n) : body;
    if (rel === 'sw.js') out = (out as string).replace(/\{url:"index\.html",revision:"[^"]*"\}/, '{url:"index.html",revision:"next-version"}');
    next.set(rel.startsWith('assets/') ? `assets/${renamed.get(rel.slice(7))}` : rel, typeof out === 'string' ? Buffer.from(out) : out);
  }
  return next;
}

/** Waits until the page's worker is activated (its install, the precache, is complete) and controls the page; returns what it cached. */
export async function activated(page: Page): Promise<{ scope: string; script: string; cached: string[] }> {
  // (waitForFunction would take the async predicate's promise as truthy.)
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 45_000, interval: 250 })
    .toBe('activated');
  // The worker claims the page it was installed from (clientsClaim): what that page loads from now on is the precache's.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 10_000, interval: 100 }).toBe('activated');
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      for (const r of await (await caches.open(name)).keys()) cached.push(new URL(r.url).pathname);
    }
    return { scope: reg?.scope ?? '', script: reg?.active?.scriptURL ?? '', cached };
  });
}

/** Waits until the page's data cache holds `file` (fetched ahead once the page was idle); returns the cache's name. */
export async function dataCached(page: Page, file: string): Promise<string> {
  const find = () =>
    page.evaluate(async (f) => {
      const url = new URL(f, document.baseURI).href;
      for (const name of await caches.keys()) if (name.startsWith('bn-live-data-') && (await (await caches.open(name)).match(url))) return name;
      return null;
    }, file);
  await expect.poll(find, { timeout: 45_000, interval: 250 }).not.toBeNull();
  return (await find()) as string;
}
