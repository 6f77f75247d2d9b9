import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { observeSize } from './resizeWatch';

/**
 * The rendered width of an element, kept current by a ResizeObserver, so SVG plots draw at real
 * pixel size (text stays readable on a phone). Without ResizeObserver (jsdom) it stays `fallback`.
 */
export function useElementWidth<T extends HTMLElement>(fallback = 640): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    const off = observeSize(ro, el);
    return () => {
      off();
      ro.disconnect();
    };
  }, []);
  return [ref, width];
}
