import { type RefObject, useLayoutEffect } from 'react';

/**
 * Keeps the element at least as tall as the tallest it has been since `key` last changed: text that wraps onto one
 * more line and back (the lab's verdict while a run plays) no longer moves what is below it up and down. A new `key`
 * (a new run) lets it take its own height again.
 */
export function useTallestHeight(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    el.style.minHeight = '';
    let tallest = 0;
    const ro = new ResizeObserver(() => {
      const h = el.getBoundingClientRect().height;
      if (h > tallest) {
        tallest = h;
        el.style.minHeight = `${h}px`;
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, key]);
}
