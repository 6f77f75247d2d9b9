import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { drawsAtOnce, waitForTurn } from './chartTurns';

interface Props {
  /** The chart's size: the space it keeps while it waits, so nothing moves when it draws. */
  width: number;
  height: number;
  children: ReactNode;
}

/** Whether a turn (chartTurns.ts) has come: asked for on mount, ended (or left) by the effect's cleanup. */
function useTurn(box: RefObject<Element | null> | null, followUp: boolean): boolean {
  const [drawn, setDrawn] = useState(drawsAtOnce);
  useEffect(() => (drawn ? undefined : waitForTurn(() => setDrawn(true), box?.current ?? null, followUp)), [drawn, box, followUp]);
  return drawn;
}

/**
 * A chart drawn when its turn comes (chartTurns.ts; sooner when its box is on the screen): until then, an empty box of its size. Its turn ends when
 * the render that draws it has committed (the effect's cleanup), or it leaves the queue when it goes away first.
 */
export function ChartTurn({ width, height, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  if (!useTurn(box, false)) return <div ref={box} className="chart-turn" style={{ width, height }} aria-hidden="true" />;
  return children;
}

/**
 * Parts of a chart drawn in the turn after the chart's own, before any other chart's (its series, its grid): a
 * Recharts chart's first draw registers its axes and items in its store and recomputes its selectors after each,
 * 40–65 ms in one task as the reader scrolled (issue 15); in two turns, each does part of it. Until then, nothing.
 */
export function ChartLater({ children }: { children: ReactNode }) {
  return useTurn(null, true) ? children : null;
}
