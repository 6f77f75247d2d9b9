import { useCallback, useEffect, useState } from 'react';
import { STOPPED, elapsedMs, pause, running, start, type Stopwatch } from './stopwatch';

export interface StopwatchControls {
  /** Milliseconds counted, as of the last tick. */
  elapsed: number;
  running: boolean;
  toggle: () => void;
  reset: () => void;
}

/** The presenter's stopwatch (see stopwatch.ts), read once a second while it runs. */
export function useStopwatch(): StopwatchControls {
  const [watch, setWatch] = useState<Stopwatch>(STOPPED);
  const [now, setNow] = useState(() => Date.now());
  const on = running(watch);
  useEffect(() => {
    if (!on) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [on]);
  const toggle = useCallback(() => {
    const t = Date.now();
    setNow(t);
    setWatch((w) => (running(w) ? pause(w, t) : start(w, t)));
  }, []);
  const reset = useCallback(() => {
    setNow(Date.now());
    setWatch(STOPPED);
  }, []);
  return { elapsed: elapsedMs(watch, now), running: on, toggle, reset };
}
