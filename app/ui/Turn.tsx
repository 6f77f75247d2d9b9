import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { afterGesture } from './gesture';
import { whenIdle } from './whenIdle';

/**
 * Parts whose code arrives together (a chunk shared by several sections, or Recharts for several charts) would
 * otherwise all be drawn in the one task after it arrives: React retries every waiting part at once, in one commit
 * (a 240 ms task when sections 16–20 arrived). Each such part waits for its turn here: the first at once, the next
 * when the page is idle after the previous one's commit, so each is drawn in a task of its own.
 */
const waiting: (() => void)[] = [];
let busy = false;

function next(): void {
  const go = waiting.shift();
  busy = go !== undefined;
  go?.();
}

/** Queues `go`, called when it is this part's turn; returns the removal (for a part that leaves before its turn). */
function takeTurn(go: () => void): () => void {
  waiting.push(go);
  if (!busy) next();
  return () => {
    const i = waiting.indexOf(go);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/**
 * The part whose turn it was has committed (or left): the next goes once the page has laid it out and is idle, and
 * not while the reader drags (app/ui/gesture.ts).
 */
function turnDone(): void {
  window.setTimeout(() => whenIdle(() => afterGesture(next), 100, 0), 0);
}

/** Which part a Turn is for (an object per part): once one of its instances has been drawn, its next instances need no turn. */
export type TurnOf = object;
const drawn = new WeakSet<TurnOf>();

/**
 * `children` once it is this part's turn (in a transition), `fallback` until then; at once if the part `of` has been
 * drawn before (a section drawn again after "Try again", a presentation step shown again).
 */
export function Turn({ of, fallback, children }: { of: TurnOf; fallback: ReactNode; children: ReactNode }) {
  // At build time (app/prerender/, no window and no effects) every part is drawn: the static page holds it.
  const [mine, setMine] = useState(() => typeof window === 'undefined' || drawn.has(of));
  // Ends this part's turn, once: when it has committed, or when it leaves after its turn came.
  const finish = useRef<(() => void) | null>(null);
  useEffect(() => () => finish.current?.(), []);
  useEffect(() => {
    if (mine) {
      drawn.add(of);
      finish.current?.();
      return;
    }
    return takeTurn(() => {
      let done = false;
      finish.current = () => {
        if (done) return;
        done = true;
        turnDone();
      };
      startTransition(() => setMine(true));
    });
  }, [mine, of]);
  return mine ? children : fallback;
}
