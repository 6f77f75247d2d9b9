import { type RefObject, useEffect, useState } from 'react';
import { createViewportGate, setGesture, type ViewportGate } from '../state/viewportGate';
import { gestureNow, onGesture } from '../ui/gesture';

/** How far from the viewport a section still counts as near: a screen above and below. */
const NEAR_MARGIN = '100% 0px';

let watching = false;

/** Tells the gates when a gesture (a pointer held down, a repeating key: app/ui/gesture.ts) begins and ends; once for the page. */
function watchGestures(): void {
  if (watching) return;
  watching = true;
  onGesture(() => setGesture(gestureNow() !== 0));
}

/**
 * A viewport gate (app/state/viewportGate.ts) for the element `ref`: the numbers inside follow the
 * controls at once while it holds the focus (the control moved is there, and must read its own value) or
 * the page prints; in the next tasks while it is within a screen of the viewport; later while it is far.
 * While far (not near, focused nor printing), the element carries `data-far`: its catching up is not
 * flashed (app/shell/changeFlash.ts), no one would see it.
 */
export function useViewportGate(ref: RefObject<HTMLElement | null>): ViewportGate {
  const [gate] = useState(createViewportGate);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    watchGestures();
    const why = { seen: true, focused: false, printing: false };
    const update = () => {
      el.toggleAttribute('data-far', !(why.seen || why.focused || why.printing));
      gate.set(why.focused || why.printing ? 'focus' : why.seen ? 'near' : 'far');
    };
    const io = new IntersectionObserver(
      (entries) => {
        why.seen = entries[entries.length - 1].isIntersecting;
        update();
      },
      { rootMargin: NEAR_MARGIN },
    );
    io.observe(el);
    const on = (key: 'focused' | 'printing', value: boolean) => () => {
      why[key] = value;
      update();
    };
    const focusIn = on('focused', true);
    const focusOut = (e: FocusEvent) => on('focused', el.contains(e.relatedTarget as Node | null))();
    const before = on('printing', true);
    const after = on('printing', false);
    el.addEventListener('focusin', focusIn);
    el.addEventListener('focusout', focusOut);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      io.disconnect();
      el.removeEventListener('focusin', focusIn);
      el.removeEventListener('focusout', focusOut);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      el.removeAttribute('data-far');
      gate.set('focus');
    };
  }, [gate, ref]);
  return gate;
}
