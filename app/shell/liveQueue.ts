import { flushSync } from 'react-dom';
import { whenIdle } from '../ui/whenIdle';

/**
 * The pre-rendered sections that are not live yet (app/shell/LiveWhenNear.tsx), in page order. A section goes
 * live when it nears the screen; the others go live one at a time when the page is idle, so a few seconds after
 * the first screen every section is live (its numbers follow the settings of a link, find-in-page finds live
 * text, a screen reader reaches every control) without one long task. Printing makes them all live at once.
 */
/** What makes a section live: in a transition (React draws it in slices), or at once (`urgent`: before printing). */
export type GoLive = (urgent: boolean) => void;

const waiting = new Map<string, GoLive>();
let scheduled = false;
let started = false;

/** Pause between two sections going live: the previous one's commit and layout happen in between. */
const GAP_MS = 60;

function schedule(): void {
  if (scheduled || !started || waiting.size === 0) return;
  scheduled = true;
  const next = () => {
    scheduled = false;
    const first = waiting.entries().next();
    if (first.done) return;
    const [id, goLive] = first.value;
    waiting.delete(id);
    goLive(false);
    schedule();
  };
  window.setTimeout(() => whenIdle(next, 2000, 200), GAP_MS);
}

/**
 * Marks the page once no section is waiting and none shows its pre-rendered body (`#root[data-all-live]`: the
 * end-to-end tests wait for it); checked a task later, so a section that leaves and joins again in one commit
 * (React's StrictMode) is not missed. Called when a section has gone live (its effect's cleanup, after the commit).
 */
function markWhenAllLive(): void {
  window.setTimeout(() => {
    if (waiting.size === 0 && !document.querySelector('.section-static-slot')) document.getElementById('root')?.setAttribute('data-all-live', '');
  }, 0);
}

/** Section `id` waits to go live; `goLive` makes it live. Returns the removal (the section went live by itself, or unmounted). */
export function waitToGoLive(id: string, goLive: GoLive): () => void {
  waiting.set(id, goLive);
  schedule();
  return () => {
    if (waiting.get(id) === goLive) waiting.delete(id);
    markWhenAllLive();
  };
}

/** Starts making the waiting sections live in idle time (after the page's load event) and all at once before printing. */
export function startLiveQueue(): void {
  if (started) return;
  started = true;
  window.addEventListener('beforeprint', () => {
    flushSync(() => {
      for (const goLive of waiting.values()) goLive(true);
    });
    waiting.clear();
  });
  const go = () => schedule();
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
  markWhenAllLive();
}
