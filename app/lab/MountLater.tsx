import { type ReactNode, startTransition, useEffect, useState } from 'react';

/**
 * Its children, mounted in a transition in the task after it mounts: React renders them in short
 * slices, and the lab's first commit (its top: presets, settings, Play, the loss and accuracy charts)
 * is not one long task with every panel below it. Nothing it holds is in view when the lab is opened
 * from its top.
 */
export function MountLater({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : null;
}
