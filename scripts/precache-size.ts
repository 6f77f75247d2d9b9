/**
 * What a first visit downloads in the background for offline use, from a build (`npx tsx scripts/precache-size.ts
 * [dist]`): the service worker's install-time precache (files, bytes, and gzipped bytes as a compressing static
 * host sends them), and the files the worker caches at first use instead (public/data/, fetched ahead by an idle
 * page on a connection that allows it; app/pwa/dataCache.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATA_FILES } from '../app/pwa/dataCache.ts';

const dist = process.argv[2] ?? 'dist';
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const listed = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1]);
if (listed.length === 0) throw new Error(`${dist}/sw.js lists no precache: is it a build?`);

const sizes = (files: readonly string[]) => {
  let bytes = 0, gzipped = 0;
  for (const file of files) {
    const body = readFileSync(join(dist, file));
    bytes += body.length;
    gzipped += file.endsWith('.gz') ? body.length : gzipSync(body, { level: 9 }).length;
  }
  return { files: files.length, bytes, gzipped };
};
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const line = (what: string, s: ReturnType<typeof sizes>) => console.log(`${what}: ${s.files} file${s.files === 1 ? '' : 's'}, ${mb(s.bytes)} (${mb(s.gzipped)} gzipped)`);

const install = sizes(listed);
const firstUse = sizes(DATA_FILES.filter((f) => statSync(join(dist, f), { throwIfNoEntry: false })));
line('install-time precache', install);
line('cached at first use (or fetched ahead when idle)', firstUse);
line('both, as everything was precached at install before', { files: install.files + firstUse.files, bytes: install.bytes + firstUse.bytes, gzipped: install.gzipped + firstUse.gzipped });
const largest = listed.map((f) => [f, statSync(join(dist, f)).size] as const).sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log(`largest precached: ${largest.map(([f, n]) => `${f} ${(n / 1e3).toFixed(0)} kB`).join(', ')}`);
