import { type ReactNode, createContext, startTransition, useContext, useEffect, useLayoutEffect, useState } from 'react';

/** What keeps the page's height while MountLater's children are not there yet (LabSection.tsx: the height of the lab's picture). */
export interface LaterHold {
  /** Called before the first paint without the children. */
  take(): void;
  /** Called before the first paint with them, and on unmount. */
  release(): void;
}

export const LaterHoldContext = createContext<LaterHold | null>(null);

/**
 * Its children, mounted in a transition in the task after it mounts: React renders them in short
 * slices, and the lab's first commit (its top: presets, settings, Play, the loss and accuracy charts)
 * is not one long task with every panel below it. Nothing it holds is in view when the lab is opened
 * from its top; until they are there and `settled`, the enclosing `LaterHoldContext` keeps the page as tall as it was.
 *
 * In the build's pre-render (no window) they are there at once: the lab's picture is the whole lab.
 */
export function MountLater({ children, settled = true }: { children: ReactNode; /** Whether they are at their height once mounted (the lab: once its run's layout is known). */ settled?: boolean }) {
  const [shown, setShown] = useState(() => typeof window === 'undefined');
  const hold = useContext(LaterHoldContext);
  useLayoutEffect(() => {
    if (!hold) return;
    if (shown && settled) hold.release();
    else hold.take();
    return () => hold.release();
  }, [hold, shown, settled]);
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, [shown]);
  return shown ? children : null;
}
