import { type ReactNode, useEffect, useRef, useState } from 'react';
import { drawsAtOnce, waitForTurn } from './chartTurns';

interface Props {
  /** The chart's size: the space it keeps while it waits, so nothing moves when it draws. */
  width: number;
  height: number;
  children: ReactNode;
}

/**
 * A chart drawn when its turn comes (chartTurns.ts; sooner when its box is on the screen): until then, an empty box of its size. Its turn ends when
 * the render that draws it has committed (the effect's cleanup), or it leaves the queue when it goes away first.
 */
export function ChartTurn({ width, height, children }: Props) {
  const [drawn, setDrawn] = useState(drawsAtOnce);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => (drawn ? undefined : waitForTurn(() => setDrawn(true), box.current)), [drawn]);
  if (!drawn) return <div ref={box} className="chart-turn" style={{ width, height }} aria-hidden="true" />;
  return children;
}
