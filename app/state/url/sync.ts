import type { StoreApi } from 'zustand/vanilla';
import type { State } from '../store';
import type { AnyRow } from './rows';
import { parseQuery } from './parse';
import { serializeQuery } from './serialize';
import { URL_TABLE, changedRows, urlValues, type UrlValues } from './table';

export type ReadReason = 'load' | 'popstate' | 'hashchange';

export interface ReadEvent {
  reason: ReadReason;
  /** The URL's values before this read was applied. */
  previous: UrlValues;
  /** What the address asked for that was ignored or changed (empty after our own entries). */
  notices: string[];
}

export interface UrlSyncOptions {
  store: StoreApi<State>;
  window?: Window;
  table?: readonly AnyRow[];
  /** Quiet time before a change is written. */
  delayMs?: number;
  /**
   * A change of the same controls that starts within this time of the last entry's write extends it
   * (one drag with pauses, one entry), for rows that coalesce.
   */
  coalesceMs?: number;
  /** The clock for coalescing (tests pass a fake one). */
  now?: () => number;
  /** Section ids: a hash that names one (#mean, as the table of contents links) sets the section. */
  sectionIds?: () => readonly string[];
  /** Makes values read from the address consistent (e.g. a presentation step sets its section). */
  normalize?: (values: UrlValues) => UrlValues;
  onRead?: (event: ReadEvent) => void;
}

export interface UrlSync {
  /** Writes a pending change now. */
  flush(): void;
  stop(): void;
}

/**
 * Keeps the store and the address in step. On start, the address is read into the store and rewritten
 * in canonical form (unknown and bad values dropped). Then each change of a URL value is written after
 * `delayMs` of quiet: with pushState when a 'push' row changed since the current history entry (back
 * undoes it), else replaceState (the section changing as the reader scrolls). A change of the same
 * controls as the entry just pushed that starts within `coalesceMs` of its write replaces that entry
 * instead, however long it then lasts: a slider dragged with pauses is still one step back. Rows that
 * do not coalesce (presentation and pass steps) make an entry for every change. Back/forward read the entry back into the store; a hash
 * naming a section (a table-of-contents click) sets the section.
 */
export function startUrlSync(o: UrlSyncOptions): UrlSync {
  const win = o.window ?? window;
  const table = o.table ?? URL_TABLE;
  const delay = o.delayMs ?? 300;
  const coalesce = o.coalesceMs ?? 1500;
  const clock = o.now ?? Date.now;
  /** The controls the last pushed entry changed, and when it was last written. */
  let lastPush: { keys: string; at: number } | null = null;
  /** When the changes not yet written began: a gesture is measured from its pause, not its length. */
  let changeStartedAt: number | null = null;
  let entry: UrlValues = {};
  let entryQuery = '';
  let lastSeen: UrlValues = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;

  const address = (query: string) => `${win.location.pathname}${query ? `?${query}` : ''}`;
  const current = () => urlValues(o.store.getState(), table);
  const hashSection = () => {
    let id: string;
    try {
      id = decodeURIComponent(win.location.hash.slice(1));
    } catch {
      return null;
    }
    return id !== '' && o.sectionIds?.().includes(id) ? id : null;
  };
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const apply = (values: UrlValues) => {
    applying = true;
    try {
      o.store.setState(values as Partial<State>);
    } finally {
      applying = false;
    }
  };
  /** Records `values` as the current entry, by replacing the address (which drops a section hash). */
  const settle = (values: UrlValues) => {
    entry = lastSeen = values;
    entryQuery = serializeQuery(values, table);
    const keepHash = hashSection() === null ? win.location.hash : '';
    const target = address(entryQuery) + keepHash;
    if (target !== win.location.pathname + win.location.search + win.location.hash) {
      win.history.replaceState(win.history.state, '', target);
    }
  };

  function read(reason: ReadReason) {
    cancel();
    lastPush = null;
    changeStartedAt = null;
    const parsed = parseQuery(win.location.search, table);
    const id = hashSection();
    let values = id ? { ...parsed.values, section: id } : parsed.values;
    if (o.normalize) values = o.normalize(values);
    const previous = current();
    apply(values);
    settle(values);
    o.onRead?.({ reason, previous, notices: parsed.notices });
  }

  /** A fragment navigation to a section: keep every other value (a pending change too). */
  function goToHash(id: string) {
    cancel();
    lastPush = null;
    changeStartedAt = null;
    const previous = current();
    apply({ section: id });
    settle(current());
    o.onRead?.({ reason: 'hashchange', previous, notices: [] });
  }

  function flush() {
    cancel();
    const now = current();
    const query = serializeQuery(now, table);
    if (query !== entryQuery) {
      const pushed = changedRows(entry, now, table).filter((row) => row.history === 'push');
      const keys = pushed.map((row) => row.key).join();
      const t = clock();
      const started = changeStartedAt ?? t;
      const continues = lastPush !== null && lastPush.keys === keys && pushed.every((row) => row.coalesce) && started - lastPush.at < coalesce;
      if (keys !== '' && !continues) {
        win.history.pushState(null, '', address(query));
        lastPush = { keys, at: t };
      } else {
        win.history.replaceState(win.history.state, '', address(query));
        if (keys !== '' && lastPush) lastPush.at = t;
      }
      entryQuery = query;
    }
    entry = lastSeen = now;
    changeStartedAt = null;
  }

  const onPop = () => {
    const id = hashSection();
    // Clicking "#mean" fires popstate too; the query is still ours, so only the section moves.
    if (id && win.location.search === (entryQuery ? `?${entryQuery}` : '')) goToHash(id);
    else read('popstate');
  };
  const onHash = () => {
    const id = hashSection();
    if (id) goToHash(id);
  };
  const onHide = () => flush();

  const restoration = win.history.scrollRestoration;
  win.history.scrollRestoration = 'manual';
  read('load');
  const unsubscribe = o.store.subscribe((state) => {
    if (applying) return;
    const now = urlValues(state, table);
    if (changedRows(lastSeen, now, table).length === 0) return;
    lastSeen = now;
    if (changeStartedAt === null) changeStartedAt = clock();
    cancel();
    timer = setTimeout(flush, delay);
  });
  win.addEventListener('popstate', onPop);
  win.addEventListener('hashchange', onHash);
  win.addEventListener('pagehide', onHide);

  return {
    flush,
    stop() {
      flush();
      unsubscribe();
      win.removeEventListener('popstate', onPop);
      win.removeEventListener('hashchange', onHash);
      win.removeEventListener('pagehide', onHide);
      win.history.scrollRestoration = restoration;
    },
  };
}
