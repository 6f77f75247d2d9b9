import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (dist/.vite/manifest.json), the fields the budget needs. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript a first visit must download before the app runs: every entry chunk and, transitively,
 * its static imports. Dynamic imports (lazily loaded code such as the lab and Recharts) are left out.
 * Returns output file names in first-visit order, each once.
 */
export function initialChunks(manifest: Manifest): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest names ${key} but has no entry for it`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  if (entries.length === 0) throw new Error('the build manifest has no entry chunk');
  for (const key of entries) visit(key);
  return files;
}

/** Every JS file of the manifest that is not in the initial set (loaded on demand). */
export function lazyChunks(manifest: Manifest): string[] {
  const initial = new Set(initialChunks(manifest));
  return [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js') && !initial.has(f));
}

/**
 * The CSS index.html links: the entry chunks' stylesheets, or with build.cssCodeSplit off (vite.config.ts) the one
 * stylesheet of the whole app, which the manifest lists on its own (key style.css, no chunk links it).
 */
export function initialCss(manifest: Manifest): string[] {
  const linked = Object.values(manifest).filter((c) => c.isEntry).flatMap((c) => c.css ?? []);
  const whole = Object.values(manifest).filter((c) => c.file.endsWith('.css')).map((c) => c.file);
  return [...new Set([...linked, ...whole])];
}

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** Raw and gzip (level 9, what a static host's precompression gives) sizes of files under `dir`. */
export function sizes(dir: string, files: readonly string[]): FileSize[] {
  return files.map((file) => {
    const body = readFileSync(join(dir, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

/** The p-th percentile (0–100) by linear interpolation between order statistics (numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const kB = (bytes: number): number => bytes / 1000;
