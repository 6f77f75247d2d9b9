import type { StoreApi } from 'zustand/vanilla';
import type { State } from '../state';
import type { AnyRow } from './rows';
import { parseQuery } from './parse';
import { pushOrReplace, type LastPush } from './pushOrReplace';
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
  /** Makes values read from the address consistent (e.g. a presentation step sets its section); what it changes that the reader should know, it reports (into the read's notices). */
  normalize?: (values: UrlValues, report: (message: string) => void) => UrlValues;
  onRead?: (event: ReadEvent) => void;
}

export interface UrlSync {
  /** Writes a pending change now. */
  flush(): void;
  stop(): void;
}

/** Updates to make to the store just before the address is written one last time as the page goes. */
const leaving = new Set<() => void>();

/**
 * Runs `update` when the page is hidden or left (pagehide), just before the sync writes the address
 * one last time: for values kept in the store only now and then (the lab's step, written about once a
 * second while it plays). Returns the removal.
 */
export function beforeLeaving(update: () => void): () => void {
  leaving.add(update);
  return () => leaving.delete(update);
}

/** What one sync remembers between events. */
interface Session {
  readonly o: UrlSyncOptions;
  readonly win: Window;
  readonly table: readonly AnyRow[];
  readonly clock: () => number;
  /** The controls the last pushed entry changed, and when it was last written. */
  lastPush: LastPush | null;
  /** When the changes not yet written began: a gesture is measured from its pause, not its length. */
  changeStartedAt: number | null;
  /** The URL's values of the current history entry, and its query. */
  entry: UrlValues;
  entryQuery: string;
  /** The URL's values the sync last saw in the store (written or pending). */
  lastSeen: UrlValues;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** True while the sync itself sets the store (so it does not write that back). */
  applying: boolean;
}

const addressOf = (s: Session, query: string) => `${s.win.location.pathname}${query ? `?${query}` : ''}`;
const currentValues = (s: Session) => urlValues(s.o.store.getState(), s.table);

/** The section the address's hash names (#mean, as the table of contents links), if any. */
function hashSection(s: Session): string | null {
  let id: string;
  try {
    id = decodeURIComponent(s.win.location.hash.slice(1));
  } catch {
    return null;
  }
  return id !== '' && s.o.sectionIds?.().includes(id) ? id : null;
}

function cancel(s: Session) {
  if (s.timer !== undefined) clearTimeout(s.timer);
  s.timer = undefined;
}

/** Forgets any gesture in progress: what comes after a read starts a new history entry. */
function restart(s: Session) {
  cancel(s);
  s.lastPush = null;
  s.changeStartedAt = null;
}

function apply(s: Session, values: UrlValues) {
  s.applying = true;
  try {
    s.o.store.setState(values as Partial<State>);
  } finally {
    s.applying = false;
  }
}

/** Records `values` as the current entry, by replacing the address (which drops a section hash). */
function settle(s: Session, values: UrlValues) {
  const { win } = s;
  s.entry = s.lastSeen = values;
  s.entryQuery = serializeQuery(values, s.table);
  const keepHash = hashSection(s) === null ? win.location.hash : '';
  const target = addressOf(s, s.entryQuery) + keepHash;
  if (target !== win.location.pathname + win.location.search + win.location.hash) {
    win.history.replaceState(win.history.state, '', target);
  }
}

/**
 * Back or Forward to an entry that differs in a setting (a 'push' row) undo or redo that setting, not
 * the reader's moves: rows that say where the reader is ('place': the section) keep their current
 * values, so the page stays put. (The entry's section is where the reader was when it was last
 * written, which can be far away: a control focused after scrolling to the charts below it, say.)
 * An entry that differs in those rows alone (a table-of-contents click) is a move, and comes back.
 */
export function keepPlace(current: UrlValues, values: UrlValues, table: readonly AnyRow[] = URL_TABLE): UrlValues {
  const changed = changedRows(current, values, table);
  if (!changed.some((row) => row.history === 'push')) return values;
  const kept: Record<string, unknown> = { ...values };
  for (const row of table) if (row.place && current[row.key] !== undefined) kept[row.key] = current[row.key];
  return kept as UrlValues;
}

/** Reads the address into the store (a section hash wins over the query), and rewrites it canonically. */
function readAddress(s: Session, reason: ReadReason) {
  restart(s);
  const parsed = parseQuery(s.win.location.search, s.table);
  const id = hashSection(s);
  const previous = currentValues(s);
  let values = id ? { ...parsed.values, section: id } : parsed.values;
  if (reason === 'popstate' && !id) values = keepPlace(previous, values, s.table);
  const notices = [...parsed.notices];
  if (s.o.normalize) values = s.o.normalize(values, (m) => notices.push(m));
  apply(s, values);
  settle(s, values);
  s.o.onRead?.({ reason, previous, notices });
}

/** A fragment navigation to a section: keep every other value (a pending change too). */
function goToHash(s: Session, id: string) {
  restart(s);
  const previous = currentValues(s);
  apply(s, { section: id });
  settle(s, currentValues(s));
  s.o.onRead?.({ reason: 'hashchange', previous, notices: [] });
}

/** Writes the store's URL values to the address now: a new history entry or the current one (see pushOrReplace). */
function writeNow(s: Session) {
  cancel(s);
  const now = currentValues(s);
  const query = serializeQuery(now, s.table);
  if (query !== s.entryQuery) {
    const t = s.clock();
    const changed = changedRows(s.entry, now, s.table);
    const decision = pushOrReplace({ changed, lastPush: s.lastPush, startedAt: s.changeStartedAt ?? t, now: t, coalesceMs: s.o.coalesceMs ?? 1500 });
    if (decision.method === 'push') s.win.history.pushState(null, '', addressOf(s, query));
    else s.win.history.replaceState(s.win.history.state, '', addressOf(s, query));
    s.lastPush = decision.lastPush;
    s.entryQuery = query;
  }
  s.entry = s.lastSeen = now;
  s.changeStartedAt = null;
}

/** Schedules a write `delayMs` after the last change of a URL value in the store; returns the unsubscribe. */
function watchStore(s: Session): () => void {
  const delay = s.o.delayMs ?? 300;
  return s.o.store.subscribe((state) => {
    if (s.applying) return;
    const now = urlValues(state, s.table);
    if (changedRows(s.lastSeen, now, s.table).length === 0) return;
    s.lastSeen = now;
    if (s.changeStartedAt === null) s.changeStartedAt = s.clock();
    cancel(s);
    s.timer = setTimeout(() => writeNow(s), delay);
  });
}

/** Back/forward, table-of-contents clicks and leaving the page; returns the removal. */
function watchWindow(s: Session): () => void {
  const { win } = s;
  const onPop = () => {
    const id = hashSection(s);
    // Clicking "#mean" fires popstate too; the query is still ours, so only the section moves.
    if (id && win.location.search === (s.entryQuery ? `?${s.entryQuery}` : '')) goToHash(s, id);
    else readAddress(s, 'popstate');
  };
  const onHash = () => {
    const id = hashSection(s);
    if (id) goToHash(s, id);
  };
  const onHide = () => {
    for (const update of leaving) update();
    writeNow(s);
  };
  win.addEventListener('popstate', onPop);
  win.addEventListener('hashchange', onHash);
  win.addEventListener('pagehide', onHide);
  return () => {
    win.removeEventListener('popstate', onPop);
    win.removeEventListener('hashchange', onHash);
    win.removeEventListener('pagehide', onHide);
  };
}

/**
 * Keeps the store and the address in step. On start, the address is read into the store and rewritten
 * in canonical form (unknown and bad values dropped). Then each change of a URL value is written after
 * `delayMs` of quiet, as a new history entry or into the current one (see ./pushOrReplace.ts: an entry
 * per deliberate change, a drag with pauses coalesced, steps never, the section only replaced).
 * Back/forward read the entry back into the store (keeping where the reader is when they undo a
 * setting, see keepPlace); a hash naming a section (a table-of-contents click) sets the section.
 */
export function startUrlSync(o: UrlSyncOptions): UrlSync {
  const win = o.window ?? window;
  const s: Session = {
    o,
    win,
    table: o.table ?? URL_TABLE,
    clock: o.now ?? Date.now,
    lastPush: null,
    changeStartedAt: null,
    entry: {},
    entryQuery: '',
    lastSeen: {},
    timer: undefined,
    applying: false,
  };
  const restoration = win.history.scrollRestoration;
  win.history.scrollRestoration = 'manual';
  readAddress(s, 'load');
  const unsubscribe = watchStore(s);
  const unlisten = watchWindow(s);
  return {
    flush: () => writeNow(s),
    stop() {
      writeNow(s);
      unsubscribe();
      unlisten();
      win.history.scrollRestoration = restoration;
    },
  };
}
