type IdleWindow = Window & { requestIdleCallback?: (f: () => void, options?: { timeout: number }) => number };

/**
 * Runs `f` when the browser is idle (requestIdleCallback, at the latest after `timeout` ms), or after
 * `fallback` ms where there is no idle callback (Safari, jsdom).
 */
export function whenIdle(f: () => void, timeout: number, fallback: number, win: Window = window): void {
  const idle = (win as IdleWindow).requestIdleCallback;
  if (idle) idle.call(win, f, { timeout });
  else win.setTimeout(f, fallback);
}
