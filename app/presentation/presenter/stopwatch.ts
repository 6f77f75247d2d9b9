/**
 * The presenter's elapsed-time clock as plain data: start, pause, reset, read. Pure (the time is
 * passed in), so tests need no timers; the component ticks it once a second.
 */
export interface Stopwatch {
  /** When the current run started (ms), or null while paused. */
  startedAt: number | null;
  /** Time counted by the runs before it (ms). */
  banked: number;
}

export const STOPPED: Stopwatch = { startedAt: null, banked: 0 };

export const running = (w: Stopwatch): boolean => w.startedAt !== null;

export const start = (w: Stopwatch, now: number): Stopwatch => (running(w) ? w : { startedAt: now, banked: w.banked });

export const pause = (w: Stopwatch, now: number): Stopwatch => (w.startedAt === null ? w : { startedAt: null, banked: w.banked + Math.max(0, now - w.startedAt) });

/** Time counted so far (ms): the banked runs and the current one. */
export const elapsedMs = (w: Stopwatch, now: number): number => w.banked + (w.startedAt === null ? 0 : Math.max(0, now - w.startedAt));

const two = (n: number) => String(n).padStart(2, '0');

/** "4:07", or "1:04:07" past an hour (whole seconds, rounded down). */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** "Elapsed: 4 minutes" — what a screen reader hears, once a minute (whole minutes, rounded down). */
export function minutesWords(ms: number): string {
  const m = Math.floor(Math.max(0, ms) / 60000);
  return `Elapsed: ${m} ${m === 1 ? 'minute' : 'minutes'}`;
}
