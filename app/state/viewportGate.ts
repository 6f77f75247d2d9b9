import { createContext } from 'react';

/**
 * Whether a part of the page reads the store at once, so the others can wait (issue 15: dragging a
 * point re-rendered every section that shows the batch, most of them screens away, 45 ms of main thread
 * a move; a γ key press re-rendered five sections before its own panel showed the new value, 112 ms at
 * p95 with a 4× slower CPU). `useAppState` (./store.ts) reads the store at once only in the part that
 * holds the focus (the control moved is there), that prints, or whose place is not known yet (its first
 * render; jsdom without an observer). Every other part keeps its values for a moment and catches up one
 * part per task (no long task, the moved control's panel drawn first): the parts within a screen of the
 * viewport in the next tasks; the far ones after them, but during a gesture (a pointer held down: a
 * dragged point or slider; a key held down and repeating) only when it ends or the controls have been
 * still for QUIET_MS, or one at once when it comes near. The notebook's sections provide one gate each
 * (app/shell/Section.tsx); everything else (the presentation, the table of contents, tests) gets ALWAYS_NEAR.
 */
export interface ViewportGate {
  /** Whether the part reads the store at once. */
  near(): boolean;
  /** Counts the catch-ups: a waiting reader's kept value is good while this has not moved. */
  epoch(): number;
  /** Calls `f` when the part comes near or catches up; returns the removal. */
  subscribe(f: () => void): () => void;
  /** The store changed while the part waits: catch up in a coming task. */
  changed(): void;
}

export const ALWAYS_NEAR: ViewportGate = { near: () => true, epoch: () => 0, subscribe: () => () => undefined, changed: () => undefined };

export const ViewportGateContext = createContext<ViewportGate>(ALWAYS_NEAR);

/** How long the store has to be still (no drag move, no key) during a gesture before far parts catch up. */
export const QUIET_MS = 200;

/**
 * Where a part is: `focus` (holds the focus or prints; also before its place is known: reads at once),
 * `near` (within a screen of the viewport: catches up in the next tasks), `far` (catches up after the near ones,
 * and during a gesture only when it ends or the controls are still).
 */
export type GatePlace = 'focus' | 'near' | 'far';

/** Parts waiting to catch up, near ones first, each in the order it fell behind. */
const soon = new Set<() => void>();
const behind = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** When the store last changed with a far reader during a gesture (one timer for every reader: a move touches hundreds). */
let lastChange = 0;

/** Whether a gesture is going on (set by the page's pointer and key listeners: app/shell/useViewportGate.ts). */
let gesturing = false;

/** A gesture begins or ends; at its end the far parts catch up at once (one per task). */
export function setGesture(on: boolean): void {
  if (on === gesturing) return;
  gesturing = on;
  if (on || behind.size === 0) return;
  lastChange = 0;
  schedule(0);
}

/** When the timer fires (Date.now()): a change does not set it again when it fires soon enough. */
let due = 0;

function schedule(ms: number): void {
  if (timer !== undefined) clearTimeout(timer);
  due = Date.now() + ms;
  timer = setTimeout(catchUpNext, ms);
}

/** One part catches up per task, so a whole notebook catching up never blocks input for long. */
function catchUpNext(): void {
  timer = undefined;
  const near = soon.values().next();
  if (!near.done) {
    soon.delete(near.value);
    near.value();
  } else {
    const wait = lastChange + QUIET_MS - Date.now();
    if (gesturing && wait > 0) return schedule(wait);
    const far = behind.values().next();
    if (far.done) return;
    behind.delete(far.value);
    far.value();
  }
  if (timer === undefined && (soon.size > 0 || behind.size > 0)) schedule(0);
}

/** Called by every reader of a waiting part on every change (a section has dozens): cheap when already waiting. */
function fallBehind(catchUp: () => void, place: GatePlace): void {
  if (gesturing && place === 'far') lastChange = Date.now();
  if (soon.has(catchUp) || behind.has(catchUp)) return;
  if (place === 'near') {
    soon.add(catchUp);
    // A near part never waits behind a far one's quiet time.
    if (timer === undefined || due > Date.now()) schedule(0);
    return;
  }
  behind.add(catchUp);
  if (timer === undefined) schedule(gesturing ? QUIET_MS : 0);
}

/** A gate that starts reading at once (the first render reads the store) and is moved by `set`. */
export function createViewportGate(): ViewportGate & { set(place: GatePlace): void } {
  let place: GatePlace = 'focus';
  let epoch = 0;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((f) => f());
  const catchUp = () => {
    epoch++;
    notify();
  };
  return {
    near: () => place === 'focus',
    epoch: () => epoch,
    subscribe(f) {
      listeners.add(f);
      return () => listeners.delete(f);
    },
    changed: () => fallBehind(catchUp, place),
    set(next) {
      if (next === place) return;
      const was = place;
      place = next;
      if (next === 'focus' || (next === 'near' && was === 'far')) {
        // Coming near or taking the focus: catch up now (what was kept is stale if anything changed).
        const waited = soon.delete(catchUp) || behind.delete(catchUp);
        if (next === 'focus' || waited) catchUp();
        return;
      }
      notify();
    },
  };
}
