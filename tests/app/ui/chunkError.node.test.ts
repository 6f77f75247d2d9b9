import { describe, expect, test } from 'vitest';
import { isChunkLoadError } from '../../../app/ui/chunkError';

describe('a failed load of the app’s own code', () => {
  test('is recognized as each browser words it, and as Vite’s CSS preload error', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://h/assets/TrainingLab-abc.js'))).toBe(true); // Chromium
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://h/assets/a.js'))).toBe(true); // Firefox
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true); // Safari
    expect(isChunkLoadError(new Error('Unable to preload CSS for https://h/assets/TrainingLab-abc.css'))).toBe(true); // vite:preloadError
  });

  test('is not any other error', () => {
    expect(isChunkLoadError(new Error('n must be at least 2'))).toBe(false);
    expect(isChunkLoadError(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });
});
