import { useCallback, useRef, useState } from 'react';

/**
 * Whether a pointer has been over an element yet (true from then on), and the handler that notes it. For
 * Recharts' Tooltip, which measures itself as it mounts (getBoundingClientRect in a ref: a forced layout of the
 * whole notebook, about 110 ms of a 371 ms task as its section went live while scrolling): mounted at the
 * reader's first pointer over the chart, or focus in it (Recharts' keyboard tooltips), instead.
 *
 * Noted in the next task, not in the pointer's own events: Recharts draws a chart's dots anew as its Tooltip
 * mounts, and a finger's pointerdown and touchstart then went to a dot no longer on the page, heard by no handler
 * (a tap on a dot, as the first touch on section 15's charts, left its tooltip behind as the page scrolled away).
 */
export function useFirstPointer(): [boolean, () => void] {
  const [seen, setSeen] = useState(false);
  const noted = useRef(false);
  const note = useCallback(() => {
    if (noted.current) return;
    noted.current = true;
    setTimeout(() => setSeen(true), 0);
  }, []);
  return [seen, note];
}
