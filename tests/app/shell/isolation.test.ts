import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/** Every test file under `dir`, relative to the repository. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

// The 'app' project shares one module graph between files (vite.config.ts, isolate: false): a module
// replaced there with vi.mock would stay replaced, or not be replaced at all, depending on the order.
test('a test file that replaces a module (vi.mock, vi.doMock) is named *.isolated.test.*, so it runs with its own modules', () => {
  const shared = testFiles('tests/app').filter((f) => !/\.(isolated|node)\.test\.tsx?$/.test(f));
  expect(shared.length).toBeGreaterThan(30);
  const mocking = shared.filter((f) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(f, 'utf8')));
  expect(mocking).toEqual([]);
});
