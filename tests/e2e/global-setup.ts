import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Serves the built app (dist/, made by `vite build` in `npm test`) on 127.0.0.1 for the
 * end-to-end tests, and hands its URL to them as the provided value `baseUrl`.
 */
let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  // E2E_DIST lets parallel work build and serve its own copy; npm test uses dist/.
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`vite build\` before the e2e tests (npm test does).`);
  server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
