/**
 * Whether `error` is a failed load of the app's own code rather than a bug: a dynamic import whose chunk
 * could not be fetched (Chromium, Firefox and Safari word it differently) or Vite's preload of a chunk's CSS
 * (`vite:preloadError`'s error, which rejects the import). It happens to a page left open while a new
 * version was deployed and activated in another tab (the old version's chunks are no longer cached or
 * served), or offline before the app was cached: a reload gets the current version.
 */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message);
}
