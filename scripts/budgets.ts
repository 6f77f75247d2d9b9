/**
 * Performance budgets of the built notebook, printed (not asserted): `npm run bench:budgets`.
 *
 *   initial JavaScript (entry chunk + its static imports), gzipped     budget ≤ 150 kB
 *   largest contentful paint, Chromium, local build, cold cache        (printed)
 *   time until the first equation is on screen and interactive         (printed)
 *   γ slider → updated panel, p50 / p95 over many key presses          budget p95 ≤ 16 ms
 *   Lighthouse performance and accessibility scores (mobile, desktop)  (printed)
 *
 * Options: --dist <dir> measures an existing build (made with build.manifest) instead of building one
 * into a temporary folder; --runs <n> page loads (default 5, medians printed); --moves <n> slider
 * presses (default 200); --no-lighthouse; --json prints the figures as one JSON line at the end.
 * Chromium is /usr/bin/chromium or $CHROMIUM_PATH. Never writes dist/. The build is served by `vite preview`,
 * which gzips every response of 1 kB or more for a browser that accepts it, as a static host would.
 */
import './node20-polyfills';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, launchChromium } from './chromium';
import { build, preview } from 'vite';
import { initialChunks, initialCss, kB, lazyChunks, percentile, sizes, type Manifest } from './budgets/bundle';
import { runLighthouse, type LighthouseScores } from './budgets/lighthouse';
import { measureGammaLatency, measureLoad, type LoadTimes } from './budgets/page';

const BUDGET_JS_KB = 150;
const BUDGET_GAMMA_P95_MS = 16;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const median = (xs: number[]) => percentile(xs, 50);
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const mark = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');

async function main(): Promise<void> {
  const given = process.argv.includes('--dist') ? resolve(option('dist', 'dist')) : null;
  const outDir = given ?? mkdtempSync(join(tmpdir(), 'budgets-dist-'));
  if (!given) {
    console.log(`building into ${outDir} …`);
    await build({ build: { outDir, emptyOutDir: true, manifest: true }, logLevel: 'error' });
  }
  try {
    await report(outDir);
  } finally {
    if (!given) rmSync(outDir, { recursive: true, force: true });
  }
}

async function report(outDir: string): Promise<void> {
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  let jsGzip = Number.NaN;
  if (!existsSync(manifestPath)) console.log(`\n${manifestPath} is missing (build with build.manifest, or omit --dist): bundle sizes skipped.`);
  else {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const js = sizes(outDir, initialChunks(manifest));
    const css = sizes(outDir, initialCss(manifest));
    const lazy = sizes(outDir, lazyChunks(manifest));
    // Worker scripts are not in the manifest: every other .js file of assets/.
    const listed = new Set([...js, ...lazy].map((f) => f.file));
    const other = sizes(outDir, readdirSync(join(outDir, 'assets')).map((f) => `assets/${f}`).filter((f) => f.endsWith('.js') && !listed.has(f)));
    jsGzip = js.reduce((s, f) => s + f.gzip, 0);
    console.log('\nInitial JavaScript (entry + static imports), gzip -9:');
    for (const f of js) console.log(`  ${f.file.padEnd(44)} ${f1(kB(f.bytes)).padStart(8)} kB  ${f1(kB(f.gzip)).padStart(7)} kB gz`);
    console.log(`  total ${f1(kB(jsGzip))} kB gzipped — budget ${BUDGET_JS_KB} kB: ${mark(kB(jsGzip) <= BUDGET_JS_KB)}`);
    console.log(`  initial CSS ${f1(kB(css.reduce((s, f) => s + f.gzip, 0)))} kB gz; lazily loaded JS: ${lazy.length} chunks, ${f1(kB(lazy.reduce((s, f) => s + f.gzip, 0)))} kB gz`);
    for (const f of lazy) console.log(`    lazy ${f.file.padEnd(40)} ${f1(kB(f.gzip)).padStart(7)} kB gz`);
    for (const f of other) console.log(`    worker/other ${f.file.padEnd(32)} ${f1(kB(f.gzip)).padStart(7)} kB gz`);
  }

  // 2. Page metrics in Chromium against a local static server.
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const runs = Number(option('runs', '5'));
  const moves = Number(option('moves', '200'));
  const figures: Record<string, unknown> = { initialJsGzipKB: kB(jsGzip) };
  try {
    const browser = await launchChromium();
    try {
      const loads: LoadTimes[] = [];
      for (let i = 0; i < runs; i++) loads.push(await measureLoad(browser, url));
      const pick = (k: keyof LoadTimes) => median(loads.map((l) => l[k]));
      console.log(`\nPage load, Chromium ${browser.version()}, 1440×900, no throttling, cold cache (median of ${runs}):`);
      console.log(`  largest contentful paint           ${f0(pick('lcp'))} ms`);
      console.log(`  first equation in the DOM          ${f0(pick('firstEquation'))} ms`);
      console.log(`  first equation on screen           ${f0(pick('firstEquationPainted'))} ms`);
      console.log(`  first equation interactive         ${f0(pick('firstEquationInteractive'))} ms  (no long task after it; ${f0(pick('longTasks'))} long tasks during load)`);
      Object.assign(figures, { lcpMs: pick('lcp'), firstEquationMs: pick('firstEquationPainted'), firstEquationInteractiveMs: pick('firstEquationInteractive') });

      const lat = await measureGammaLatency(browser, url, moves);
      const p = (xs: number[], q: number) => percentile(xs, q);
      console.log(`\nγ slider (section 7) → updated panel, ${lat.toUpdate.length} key presses:`);
      console.log(`  to DOM updated   p50 ${f1(p(lat.toUpdate, 50))} ms  p95 ${f1(p(lat.toUpdate, 95))} ms  max ${f1(Math.max(...lat.toUpdate))} ms — budget p95 ≤ ${BUDGET_GAMMA_P95_MS} ms: ${mark(p(lat.toUpdate, 95) <= BUDGET_GAMMA_P95_MS)}`);
      console.log(`  to next frame    p50 ${f1(p(lat.toFrame, 50))} ms  p95 ${f1(p(lat.toFrame, 95))} ms  (includes waiting for the frame)`);
      Object.assign(figures, { gammaP50Ms: p(lat.toUpdate, 50), gammaP95Ms: p(lat.toUpdate, 95), gammaFrameP95Ms: p(lat.toFrame, 95) });
    } finally {
      await browser.close();
    }

    // 3. Lighthouse.
    if (!flag('no-lighthouse')) {
      console.log('\nLighthouse (npm lighthouse, system Chromium, local build served gzipped by vite preview):');
      for (const preset of ['mobile', 'desktop'] as const) {
        try {
          const s: LighthouseScores = await runLighthouse(url, CHROMIUM_PATH, preset);
          console.log(`  ${preset.padEnd(8)} performance ${s.performance}  accessibility ${s.accessibility}  (FCP ${f0(s.fcp)} ms, LCP ${f0(s.lcp)} ms, TBT ${f0(s.tbt)} ms)`);
          if (s.failedA11y.length > 0) console.log(`           failed accessibility audits: ${s.failedA11y.join(', ')}`);
          figures[`lighthouse_${preset}`] = { performance: s.performance, accessibility: s.accessibility };
        } catch (err) {
          console.log(`  ${preset}: Lighthouse could not run: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
  } finally {
    await server.close();
  }
  if (flag('json')) console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
