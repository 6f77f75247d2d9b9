import { useState } from 'react';
import { dodgeLevels } from './dodge';
import { useGesture } from './useHeldDomain';

/**
 * The beeswarm rows of a dot plot's points (dodge.ts), with a moving point kept in the row it was in when it began to
 * move (issue 15: passing the others, it hopped a row up and down under the finger); the others stack around it. The
 * moving point is the one `dragging`, or during a gesture without a drag (an arrow key held) the `active` (focused) one.
 */
export function useSwarmLevels(xs: readonly number[], gap: number, draggingPoint: number | null, active: number | null): Int32Array {
  const gesture = useGesture();
  const dragging = draggingPoint ?? (gesture !== 0 ? active : null);
  const free = dodgeLevels(xs, gap);
  const [pressed, setPressed] = useState<{ index: number; level: number } | null>(null);
  if (dragging === null) {
    if (pressed !== null) setPressed(null);
    return free;
  }
  // The first render of a drag: the values are still those pressed (a press moves no point), so `free` is the row.
  const level = pressed?.index === dragging ? pressed.level : (free[dragging] ?? 0);
  if (pressed?.index !== dragging) setPressed({ index: dragging, level });
  return dodgeLevels(xs, gap, dragging, level);
}
