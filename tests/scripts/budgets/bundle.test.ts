import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { initialChunks, initialCss, lazyChunks, percentile, sizes, type Manifest } from '../../../scripts/budgets/bundle';

// Shaped like Vite's dist/.vite/manifest.json: an entry with a shared static import, a lazily loaded
// lab that imports Recharts (also lazy) and the shared chunk, and a Worker.
const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_shared-b.js', '_katex-c.js'], dynamicImports: ['app/lab/Lab.tsx'], css: ['assets/index-a.css'] },
  '_shared-b.js': { file: 'assets/shared-b.js', imports: ['_katex-c.js'] },
  '_katex-c.js': { file: 'assets/katex-c.js' },
  'app/lab/Lab.tsx': { file: 'assets/Lab-d.js', isDynamicEntry: true, imports: ['_recharts-e.js', '_shared-b.js'] },
  '_recharts-e.js': { file: 'assets/recharts-e.js' },
  'app/lab/worker/lab.worker.ts': { file: 'assets/lab.worker-f.js' },
};

describe('initial JavaScript from the build manifest', () => {
  test('entry + transitive static imports, each once, in visit order; dynamic imports left out', () => {
    expect(initialChunks(MANIFEST)).toEqual(['assets/index-a.js', 'assets/shared-b.js', 'assets/katex-c.js']);
  });
  test('lazy chunks are every other JS file (lab, Recharts, Worker)', () => {
    expect(lazyChunks(MANIFEST).sort()).toEqual(['assets/Lab-d.js', 'assets/lab.worker-f.js', 'assets/recharts-e.js']);
  });
  test("the entry's CSS; with build.cssCodeSplit off, the app's one stylesheet (key style.css, linked by no chunk)", () => {
    expect(initialCss(MANIFEST)).toEqual(['assets/index-a.css']);
    const whole: Manifest = { 'index.html': { file: 'assets/index-a.js', isEntry: true }, 'style.css': { file: 'assets/style-g.css' } };
    expect(initialCss(whole)).toEqual(['assets/style-g.css']);
  });
  test('a manifest without an entry, or naming a missing chunk, is an error in words', () => {
    expect(() => initialChunks({ a: { file: 'a.js' } })).toThrow(/no entry chunk/);
    expect(() => initialChunks({ 'index.html': { file: 'i.js', isEntry: true, imports: ['_gone.js'] } })).toThrow(/_gone\.js/);
  });
});

describe('sizes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budgets-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test('raw bytes and gzip size match node:zlib for a 12 kB file', () => {
    const body = Buffer.from('const x = 1;\n'.repeat(1000) + 'export { x };\n');
    writeFileSync(join(dir, 'a.js'), body);
    const [s] = sizes(dir, ['a.js']);
    expect(s.bytes).toBe(body.length);
    expect(s.gzip).toBe(gzipSync(body, { level: 9 }).length);
    expect(gunzipSync(gzipSync(body, { level: 9 })).equals(body)).toBe(true);
    expect(s.gzip).toBeLessThan(s.bytes / 10); // a repetitive file compresses well
  });
});

describe('percentile (linear interpolation, numpy default)', () => {
  test('of 1…100: p50 = 50.5, p95 = 95.05, p0 = 1, p100 = 100 (tolerance 1e-12)', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBeCloseTo(50.5, 12);
    expect(percentile(xs, 95)).toBeCloseTo(1 + 0.95 * 99, 12);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(100);
  });
  test('of one value is that value; of none is NaN', () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
