import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { controlName, sameWidget } from './focusKind';

/** A grabbed control lets go after this long without a key on it (the presenter has moved on). */
export const GRAB_IDLE_MS = 10_000;

export interface Grab {
  /** The grabbed control, if any. */
  held: () => Element | null;
  /** The grabbed control's name, for the on-screen cue (null: nothing is grabbed). */
  name: string | null;
  grab: (el: Element) => void;
  /** Lets go of the grabbed control (it keeps the focus); `why` is said, e.g. "after a pause". */
  release: (why?: string) => void;
  /** A key went to the grabbed control: the idle time starts again. */
  touch: () => void;
}

/**
 * One control at a time can be grabbed: while grabbed, its own keys (arrows, Home, End…) reach it
 * instead of the deck. It is marked with data-grabbed (the visible cue) and let go by `release`,
 * by losing the focus, or after GRAB_IDLE_MS without a key. `say` announces each change.
 */
export function useGrab(say: (message: string) => void): Grab {
  const held = useRef<Element | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unlisten = useRef<() => void>(() => undefined);
  const [name, setName] = useState<string | null>(null);

  const release = useCallback(
    (why?: string) => {
      const el = held.current;
      if (!el) return;
      held.current = null;
      clearTimeout(timer.current);
      unlisten.current();
      el.removeAttribute('data-grabbed');
      setName(null);
      say(`Let go of ${controlName(el)}${why ? ` ${why}` : ''}: the arrow keys move the deck again.`);
    },
    [say],
  );
  const touch = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => release('after a pause'), GRAB_IDLE_MS);
  }, [release]);
  /** Holds `first`: marked, let go when the focus leaves it (unless it moves to another part of the same control). */
  const hold = useCallback(
    (first: Element) => {
      const mark = (el: Element) => {
        held.current = el;
        el.setAttribute('data-grabbed', 'true');
        const onBlur = (e: Event) => {
          const next = (e as FocusEvent).relatedTarget;
          if (!(next instanceof Element && sameWidget(el, next))) return release();
          // The arrows moved to the next radio or cell: the grab moves with them.
          unlisten.current();
          el.removeAttribute('data-grabbed');
          mark(next);
        };
        el.addEventListener('focusout', onBlur);
        unlisten.current = () => el.removeEventListener('focusout', onBlur);
      };
      mark(first);
    },
    [release],
  );
  const grab = useCallback(
    (el: Element) => {
      release();
      hold(el);
      const label = controlName(el);
      setName(label);
      say(`Adjusting ${label}: the arrow keys change it; Esc to let go.`);
      touch();
    },
    [release, hold, say, touch],
  );
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      unlisten.current();
      held.current?.removeAttribute('data-grabbed');
    },
    [],
  );
  return useMemo(() => ({ held: () => held.current, name, grab, release, touch }), [name, grab, release, touch]);
}
