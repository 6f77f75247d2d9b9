import type { AnyRow } from './rows';

/** The controls the last pushed history entry changed, and when that entry was last written. */
export interface LastPush {
  readonly keys: string;
  readonly at: number;
}

/** What the sync knows when it writes a change to the address. */
export interface PendingWrite {
  /** Rows whose values differ from the current history entry's. */
  changed: readonly Pick<AnyRow, 'key' | 'history' | 'coalesce'>[];
  lastPush: LastPush | null;
  /** When the changes being written began: a gesture is measured from its pause, not its length. */
  startedAt: number;
  now: number;
  /** A change of the same controls starting within this time of the last entry's write extends it. */
  coalesceMs: number;
}

export interface WriteDecision {
  /** pushState (a new history entry, which back undoes) or replaceState (the current entry changes). */
  method: 'push' | 'replace';
  /** What to remember for the next write. */
  lastPush: LastPush | null;
}

/**
 * Push, replace, or coalesce. A change of a 'push' row makes a history entry. A change of the same
 * controls as the last entry that starts within `coalesceMs` of its write replaces that entry
 * instead (a slider dragged with pauses is one step back) — unless a row does not coalesce
 * (presentation and pass steps: every press is its own entry). Changes of 'replace' rows only (the
 * section, as the reader scrolls) replace the entry and leave the last push as it was.
 */
export function pushOrReplace(w: PendingWrite): WriteDecision {
  const pushed = w.changed.filter((row) => row.history === 'push');
  if (pushed.length === 0) return { method: 'replace', lastPush: w.lastPush };
  const keys = pushed.map((row) => row.key).join();
  const last = w.lastPush;
  const continues = last !== null && last.keys === keys && pushed.every((row) => row.coalesce) && w.startedAt - last.at < w.coalesceMs;
  return { method: continues ? 'replace' : 'push', lastPush: { keys, at: w.now } };
}
