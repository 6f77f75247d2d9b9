/** Full screen for the whole page (so the notice stays visible), if the browser allows it. */
export function fullscreenAvailable(): boolean {
  return typeof document !== 'undefined' && document.fullscreenEnabled === true;
}

export function toggleFullscreen(): void {
  if (!fullscreenAvailable()) return;
  // A refusal (no user gesture, a policy) leaves the page as it was; there is nothing to report.
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}
