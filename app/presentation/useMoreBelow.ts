import { type RefObject, useEffect, useState } from 'react';

/** True when the step's body has content below what is on screen (its slide's bottom, not the body's padding). */
export function hasMoreBelow(el: HTMLElement | null): boolean {
  const slide = el?.firstElementChild;
  return !!el && !!slide && slide.getBoundingClientRect().bottom > el.getBoundingClientRect().bottom + 4;
}

/** True while the step's body has content below what is on screen (a cue to scroll with ↓ or →). */
export function useMoreBelow(body: RefObject<HTMLElement | null>, step: number): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const check = () => setMore(hasMoreBelow(el));
    check();
    el.addEventListener('scroll', check, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    ro?.observe(el);
    if (el.firstElementChild) ro?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', check);
      ro?.disconnect();
    };
  }, [body, step]);
  return more;
}
