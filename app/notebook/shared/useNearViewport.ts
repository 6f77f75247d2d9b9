import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * True once the element has come within `margin` of the viewport (and stays true), so expensive
 * work waits until the reader gets close. Without IntersectionObserver (jsdom) it is true at once; in the
 * build's pre-rendering (app/prerender/, no window) it is false.
 */
export function useNearViewport<T extends Element>(margin = '600px'): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  // Pre-rendered at build time (no window) the element is not near: the page holds what a reader sees before scrolling there.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined' && typeof window !== 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [near, margin]);
  return [ref, near];
}
