import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DATA_CACHE, DATA_FILES, DATA_REVISION, DATA_ROUTE } from '../../../app/pwa/dataCache';
import { FASHION_FILE } from '../../../app/lab/loadFashion';

describe('the data cached at first use', () => {
  test('is the file the lab loads', () => {
    expect(DATA_FILES).toContain(FASHION_FILE);
  });

  test('its cache is named after the file’s bytes: a rebuilt subset needs a new revision here (else readers keep the old one)', () => {
    for (const file of DATA_FILES) {
      const sha = createHash('sha256').update(readFileSync(`public/${file}`)).digest('hex');
      expect(sha.startsWith(DATA_REVISION), `${file}: sha256 ${sha}`).toBe(true);
    }
    expect(DATA_CACHE).toBe(`bn-live-data-${DATA_REVISION}`);
  });

  test('the worker’s route matches the file under any sub-path, and nothing else', () => {
    expect(DATA_ROUTE.test('https://host.example/data/fashion-mnist-subset.bin.gz')).toBe(true);
    expect(DATA_ROUTE.test('https://host.example/deployed/under/a/path/data/fashion-mnist-subset.bin.gz')).toBe(true);
    expect(DATA_ROUTE.test('https://host.example/data/fashion-mnist-subsetXbinXgz')).toBe(false);
    expect(DATA_ROUTE.test('https://host.example/assets/index-abc.js')).toBe(false);
    expect(DATA_ROUTE.test('https://host.example/data/fashion-mnist-subset.bin.gz.old')).toBe(false);
  });
});
