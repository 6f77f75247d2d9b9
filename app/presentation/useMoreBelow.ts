import { type RefObject, useEffect, useState } from 'react';

/** True while the step's body has content below what is on screen (a cue to scroll with ↓). */
export function useMoreBelow(body: RefObject<HTMLElement | null>, step: number): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    // The slide's own bottom, not the scroll height (which counts the body's bottom padding).
    const check = () => {
      const slide = el.firstElementChild;
      setMore(slide !== null && slide.getBoundingClientRect().bottom > el.getBoundingClientRect().bottom + 4);
    };
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
