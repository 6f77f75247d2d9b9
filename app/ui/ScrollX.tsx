import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { observeSize } from './resizeWatch';
import './ScrollX.css';

interface Props {
  /** What scrolls, for screen readers once the region is focusable ("The forward pass's current equation"). */
  label: string;
  children: ReactNode;
  className?: string;
  /** Anything that changes the content's width (the TeX, a matrix's shape): re-measured when it changes. */
  watch?: unknown;
}

/**
 * A box that scrolls sideways when its content is wider than the screen (a long equation, a matrix
 * on a phone). Only while it overflows is it a focusable, named region, so the keyboard can scroll it
 * too and no needless tab stop exists on a wide screen.
 */
export function ScrollX({ label, children, className, watch }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // A ResizeObserver reports once on observe(), and again whenever the box changes size.
    const ro = new ResizeObserver(() => setOverflowing(el.scrollWidth > el.clientWidth + 1));
    const off = observeSize(ro, el);
    return () => {
      off();
      ro.disconnect();
    };
  }, [watch]);
  return (
    <div
      ref={ref}
      className={`scroll-x${className ? ` ${className}` : ''}`}
      {...(overflowing ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </div>
  );
}
