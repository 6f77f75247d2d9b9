/**
 * Whether the reader is in a gesture: a pointer held down (a point or a slider dragged) or a key held
 * down and repeating. A single key press, a click or a typed value is not one. The page's one set of
 * listeners (on the window, capturing, passive), started by the first reader; each gesture gets its own
 * number, so a reader can tell a new gesture from the one it already saw.
 */

let current = 0;
let count = 0;
/** Where the gesture going on began: the element pressed, or the one holding the focus for a key. */
let target: Element | null = null;
let watching = false;
const listeners = new Set<() => void>();

function set(on: boolean, at: EventTarget | null = null): void {
  if (on === (current !== 0)) return;
  current = on ? ++count : 0;
  target = on && at instanceof Element ? at : null;
  listeners.forEach((f) => f());
}

/** The gesture going on (1, 2, …: a new number for each), or 0 when none. */
export const gestureNow = (): number => current;

/** The element the gesture going on began at (null when none). */
export const gestureTarget = (): Element | null => target;

/** Calls `f` when a gesture begins or ends (starting the page's listeners once); returns the removal. */
export function onGesture(f: () => void): () => void {
  if (!watching && typeof window !== 'undefined') {
    watching = true;
    const opts = { capture: true, passive: true };
    window.addEventListener('pointerdown', (e) => set(true, e.target), opts);
    window.addEventListener('keydown', (e) => e.repeat && set(true, e.target), opts);
    for (const type of ['pointerup', 'pointercancel', 'keyup'] as const) window.addEventListener(type, () => set(false), opts);
    // The window losing the focus ends a gesture (its pointerup or keyup goes elsewhere); an element's blur, which a
    // capturing listener on the window hears too, does not: pressing a point blurs what had the focus before.
    window.addEventListener('blur', (e) => !(e.target instanceof Node) && set(false), opts);
  }
  listeners.add(f);
  return () => listeners.delete(f);
}

/** Runs `f` now, or when the gesture going on ends (background work that would take the main thread from a drag waits). */
export function afterGesture(f: () => void): void {
  if (current === 0) {
    f();
    return;
  }
  const off = onGesture(() => {
    if (current !== 0) return;
    off();
    f();
  });
}
