import './scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderNotebook } from './scripts/prerender.ts';
import { loadAfterFirstPaint } from './scripts/afterFirstPaint.ts';
import { DATA_CACHE, DATA_ROUTE } from './app/pwa/dataCache.ts';

/**
 * Offline and installable (a built site only; `npm start` registers no worker): Workbox precaches the app at
 * install (HTML, JS, CSS, fonts, icons: 1.97 MB), the Fashion-MNIST subset (1.6 MB) is cached at first use or
 * fetched ahead when the page is idle (app/pwa/dataCache.ts, offlineData.ts), and a new deployment's worker
 * waits until the reader chooses Reload (app/pwa/). Every URL is relative (worker, scope, manifest, start_url,
 * icons): any sub-path works.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false, // app/main.tsx imports app/pwa/register.ts after the page has loaded
  includeManifestIcons: false, // public/icons/ is in globPatterns already
  manifest: {
    name: 'Batch Normalization, live',
    short_name: 'BN live',
    description: 'Batch normalization, equation by equation, with every number computed live.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#fbfbf8',
    theme_color: '#1d4ed8',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // KaTeX's fonts as woff2 only (every browser with service workers reads woff2; its .woff and .ttf are never fetched).
    // public/data/ is not precached: a first visit on a poor network downloads the app, not the lab's data set.
    globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
    // The data set is kept the first time it is fetched (by the lab, or ahead by app/pwa/offlineData.ts).
    runtimeCaching: [{ urlPattern: DATA_ROUTE, handler: 'CacheFirst', options: { cacheName: DATA_CACHE, cacheableResponse: { statuses: [200] } } }],
    // The first visit's page is controlled as soon as the worker is active, so what it loads later (a section's
    // chart, the lab, its data) comes from the precache, or is cached, even if the network goes meanwhile.
    clientsClaim: true,
    // A link with a query (?seed=7&section=normalize) is the same page: every navigation gets the precached index.html.
    navigateFallback: 'index.html',
  },
});

// `base: './'` makes dist/ deployable under any sub-path of a static host.
export default defineConfig({
  base: './',
  // prerenderNotebook: dist/index.html holds the notebook's static HTML (scripts/prerender.ts); loadAfterFirstPaint: it
  // fetches the app's code once that HTML has painted (scripts/afterFirstPaint.ts).
  plugins: [react(), prerenderNotebook(), loadAfterFirstPaint(), pwa],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // One stylesheet for the whole notebook, linked by index.html: the pre-rendered sections (scripts/prerender.ts) are
    // styled as they will be live, with JavaScript disabled too, and a section going live moves nothing.
    cssCodeSplit: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  test: {
    // The JSON report lets .ci/run print one closing 'N passed, N failed' line for every suite.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        // Node: the engine, the scripts, and the app's Node-side modules (files named *.node.test.ts).
        test: { name: 'node', environment: 'node', include: ['tests/src/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/app/**/*.node.test.ts'] },
      },
      {
        extends: true,
        // The app in jsdom. The files share one jsdom and one module graph per worker (isolate: false):
        // setting up jsdom and importing React, Recharts and KaTeX again for every file took most of this
        // project's time. Each file resets what it uses (tests/app/setup.ts cleans the DOM after each test).
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['tests/app/**/*.test.{ts,tsx}'],
          exclude: ['tests/app/**/*.node.test.ts', 'tests/app/**/*.isolated.test.{ts,tsx}'],
          setupFiles: ['tests/app/setup.ts', 'tests/app/shell/sharedFile.setup.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        // Files that replace a module (vi.mock) need their own module graph: *.isolated.test.tsx.
        test: {
          name: 'app-isolated',
          environment: 'jsdom',
          include: ['tests/app/**/*.isolated.test.{ts,tsx}'],
          setupFiles: ['tests/app/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits up to 10 s, not 1 s: on CI's two loaded cores a link's notice once took longer to appear.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
