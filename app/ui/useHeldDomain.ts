import { useState, useSyncExternalStore } from 'react';
import { gestureNow, onGesture } from './gesture';
import type { Domain } from './scale';

const serverGesture = () => 0;

/**
 * An axis' range that stays put during a gesture (issue 15: dragging the γ slider rescaled section 7's
 * shared axis under the finger, so the points seemed not to move): the range shown when the gesture
 * began is kept until it ends (a pointer let go, a repeating key released), then `live` is shown at once.
 * Outside a gesture (a single key press, a click, a typed value) this is `live`. Values beyond the kept
 * range are drawn at its edge by the plot, with a count (EdgeCounts.tsx). Kept, not only grown: a
 * range that grows as points reach its ends still rescales under the finger (for γ beyond about 1.5,
 * where a student drags, at every move), and a rescale that follows γ cancels the fanning-out it shows.
 */
export const useHeldDomain: (live: Domain) => Domain = useHeld;

/**
 * Any value a plot's layout depends on, kept as it was when the gesture began until it ends; outside a gesture,
 * `live`. A dot plot keeps its height with it (DotPlot.tsx): a swarm one row taller or shorter moved its axis, and
 * the point dragged along it, under the finger.
 */
export function useHeld<T>(live: T): T {
  const gesture = useGesture();
  const [held, setHeld] = useState<{ gesture: number; value: T } | null>(null);
  if (gesture === 0) return live;
  if (held?.gesture === gesture) return held.value;
  // The first render in this gesture (the one its start causes, before any value moved): keep what is shown.
  setHeld({ gesture, value: live });
  return live;
}

/** The gesture going on (app/ui/gesture.ts: 1, 2, … a new number for each), or 0; re-renders when one begins or ends. */
export function useGesture(): number {
  return useSyncExternalStore(onGesture, gestureNow, serverGesture);
}
