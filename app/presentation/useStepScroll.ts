import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * A step that must scroll keeps its place: coming back to it (← or a link) restores where it was
 * scrolled to, instead of its top. Its content may still be arriving (lazy panels, charts): the
 * position is restored as soon as the step is tall enough, unless the presenter scrolls first.
 */
export function useStepScroll(body: RefObject<HTMLElement | null>, k: number): void {
  const saved = useRef(new Map<number, number>());
  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const target = saved.current.get(k) ?? 0;
    let restoring = target > 0;
    const restore = () => {
      if (!restoring) return;
      el.scrollTo?.({ top: target });
      if (Math.abs(el.scrollTop - target) < 2) restoring = false;
    };
    el.scrollTo?.({ top: 0 });
    restore();
    const onScroll = () => {
      if (!restoring) saved.current.set(k, el.scrollTop);
    };
    const stop = () => {
      restoring = false;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', stop, { passive: true });
    el.addEventListener('pointerdown', stop);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(restore);
    if (el.firstElementChild) ro?.observe(el.firstElementChild);
    const give = setTimeout(stop, 3000);
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', stop);
      el.removeEventListener('pointerdown', stop);
      ro?.disconnect();
      clearTimeout(give);
    };
  }, [body, k]);
}

/** When → reveals a part of the step, the part is brought on screen (it may be below what shows). */
export function useRevealInView(body: RefObject<HTMLElement | null>, k: number, shown: number): void {
  const last = useRef({ k, shown });
  useEffect(() => {
    const before = last.current;
    last.current = { k, shown };
    if (before.k !== k || shown <= before.shown) return;
    const part = body.current?.querySelector(`.deck-part[data-part-from="${shown}"]`);
    const first = part?.firstElementChild;
    first?.scrollIntoView?.({ block: 'nearest' });
  }, [body, k, shown]);
}
