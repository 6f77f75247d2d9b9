import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './chromium';

/**
 * Serves the built app (dist/, made by `vite build` in `npm test`) on 127.0.0.1 for the end-to-end
 * tests, and launches the one Chromium they all share; hands both to the tests as the provided values
 * `baseUrl` and `chromiumEndpoint` (see browser.ts, which connects to it).
 */
let server: PreviewServer | undefined;
let chromiumServer: BrowserServer | undefined;

export async function setup(project: TestProject) {
  // E2E_DIST lets parallel work build and serve its own copy; npm test uses dist/.
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`vite build\` before the e2e tests (npm test does).`);
  [server, chromiumServer] = await Promise.all([
    preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' }),
    chromium.launchServer({ ...CHROMIUM, host: '127.0.0.1' }),
  ]);
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('chromiumEndpoint', chromiumServer.wsEndpoint());
}

export async function teardown() {
  await Promise.all([server?.close(), chromiumServer?.close()]);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumEndpoint: string;
  }
}
