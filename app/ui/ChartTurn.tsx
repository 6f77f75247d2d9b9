import { type ReactNode, useEffect, useState } from 'react';
import { drawsAtOnce, waitForTurn } from './chartTurns';

interface Props {
  /** The chart's size: the space it keeps while it waits, so nothing moves when it draws. */
  width: number;
  height: number;
  children: ReactNode;
}

/**
 * A chart drawn when its turn comes (chartTurns.ts): until then, an empty box of its size. Its turn ends when
 * the render that draws it has committed (the effect's cleanup), or it leaves the queue when it goes away first.
 */
export function ChartTurn({ width, height, children }: Props) {
  const [drawn, setDrawn] = useState(drawsAtOnce);
  useEffect(() => (drawn ? undefined : waitForTurn(() => setDrawn(true))), [drawn]);
  if (!drawn) return <div className="chart-turn" style={{ width, height }} aria-hidden="true" />;
  return children;
}
