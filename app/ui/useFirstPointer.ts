import { useCallback, useState } from 'react';

/**
 * Whether a pointer has been over an element yet (true from then on), and the handler that notes it. For
 * Recharts' Tooltip, which measures itself as it mounts (getBoundingClientRect in a ref: a forced layout of the
 * whole notebook, about 110 ms of a 371 ms task as its section went live while scrolling): mounted at the
 * reader's first pointer over the chart, or focus in it (Recharts' keyboard tooltips), instead.
 */
export function useFirstPointer(): [boolean, () => void] {
  const [seen, setSeen] = useState(false);
  return [seen, useCallback(() => setSeen(true), [])];
}
