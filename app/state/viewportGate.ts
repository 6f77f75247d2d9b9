import { createContext } from 'react';

/**
 * Whether a part of the page is near the viewport, so its store readers can wait while it is not
 * during a gesture (issue 15: dragging a point re-rendered every section that shows the batch, most of
 * them screens away, 45 ms of main thread a move). `useAppState` (./store.ts) reads the store at once
 * in a part that is near, and everywhere outside gestures (a key press, a click, a typed value: the
 * whole page follows at once, as before). During a gesture (a pointer held down: a dragged point or
 * slider; a key held down and repeating) a far part keeps its values until the gesture ends or the
 * controls have been still for QUIET_MS; then the far parts catch up one per task (no long task), or
 * one at once when it comes near. The notebook's sections provide one each (app/shell/Section.tsx);
 * everything else (the presentation, the table of contents, tests) gets ALWAYS_NEAR.
 */
export interface ViewportGate {
  near(): boolean;
  /** Counts the catch-ups: a far reader's kept value is good while this has not moved. */
  epoch(): number;
  /** Calls `f` when the part comes near or catches up; returns the removal. */
  subscribe(f: () => void): () => void;
  /** The store changed while the part is far: catch up after the next quiet time. */
  changed(): void;
}

export const ALWAYS_NEAR: ViewportGate = { near: () => true, epoch: () => 0, subscribe: () => () => undefined, changed: () => undefined };

export const ViewportGateContext = createContext<ViewportGate>(ALWAYS_NEAR);

/** How long the store has to be still (no drag move, no key) before far parts catch up. */
export const QUIET_MS = 200;

/** Far gates waiting to catch up, in the order they fell behind. */
const behind = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** When the store last changed with a far reader (one timer for every reader: a move touches hundreds). */
let lastChange = 0;

/** Whether a gesture is going on (set by the page's pointer and key listeners: app/shell/useViewportGate.ts). */
let gesturing = false;

/** A gesture begins or ends; at its end the far parts catch up at once (one per task). */
export function setGesture(on: boolean): void {
  if (on === gesturing) return;
  gesturing = on;
  if (on || behind.size === 0) return;
  lastChange = 0;
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(catchUpNext, 0);
}

/** One gate catches up per task, so a whole notebook catching up never blocks input for long. */
function catchUpNext(): void {
  timer = undefined;
  const wait = lastChange + QUIET_MS - Date.now();
  if (wait > 0) {
    timer = setTimeout(catchUpNext, wait);
    return;
  }
  const next = behind.values().next();
  if (next.done) return;
  behind.delete(next.value);
  next.value();
  if (behind.size > 0) timer = setTimeout(catchUpNext, 0);
}

function fallBehind(catchUp: () => void): void {
  behind.add(catchUp);
  lastChange = Date.now();
  timer ??= setTimeout(catchUpNext, QUIET_MS);
}

/** A gate that starts near (the first render reads the store) and is moved by `set`. */
export function createViewportGate(): ViewportGate & { set(near: boolean): void } {
  let near = true;
  let epoch = 0;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((f) => f());
  const catchUp = () => {
    epoch++;
    notify();
  };
  return {
    near: () => near || !gesturing,
    epoch: () => epoch,
    subscribe(f) {
      listeners.add(f);
      return () => listeners.delete(f);
    },
    changed: () => fallBehind(catchUp),
    set(next) {
      if (next === near) return;
      near = next;
      if (near) behind.delete(catchUp);
      notify();
    },
  };
}
