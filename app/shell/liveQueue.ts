import { flushSync } from 'react-dom';
import { whenIdle } from '../ui/whenIdle';
import { afterGesture, gestureNow, onGesture } from '../ui/gesture';

/**
 * The pre-rendered sections that are not live yet (app/shell/LiveWhenNear.tsx), in page order. A section goes
 * live when it nears the screen; the others go live one at a time when the page is idle, once the reader has
 * begun (a first key, pointer, wheel, touch or scroll) or the page has been quiet for `QUIET_MS`, so the first
 * screen loads and answers without competing with sections nobody reads yet, and soon after every section is
 * live (its numbers follow the settings of a link, find-in-page finds live text, a screen reader reaches every
 * control) without one long task. The queue waits while the reader drags (app/ui/gesture.ts). Printing makes them all live at once.
 */
/** What makes a section live: in a transition (React draws it in slices), or at once (`urgent`: before printing). */
export type GoLive = (urgent: boolean) => void;

const waiting = new Map<string, GoLive>();
let scheduled = false;
let started = false;
/** The reader has begun (or the page has been quiet long enough): sections go live in idle time. */
let running = false;
/** The page is about to reload (stopLiveQueue): no section starts going live any more. */
let stopped = false;

/**
 * Pause between two sections going live (about a frame; the idle callback after it waits until the main thread is
 * free): the previous one's commit and layout happen in between. 60 ms made every section live 0.5 s later at
 * desktop speed (1.9 s instead of 1.4 s after the first input), with no long task either way.
 */
const GAP_MS = 16;

/**
 * The section the queue made live last, while it is not drawn yet: the next one waits for it, at most DRAW_WAIT_MS
 * (issue 15). Sections whose code shares a chunk still arriving (Recharts, for sections 14, 15 and 18) were drawn
 * together when it came, in one task of 230–290 ms.
 */
let drawing: { id: string; since: number } | null = null;
const DRAW_WAIT_MS = 3000;

/** Parts of a section still waiting for code: its pre-rendered body kept meanwhile, a placeholder, a chart's. */
const WAITING_PARTS = '.section-static, .section-waiting, .chart-waiting';

function stillDrawing(): boolean {
  if (!drawing) return false;
  const parts = document.getElementById(drawing.id)?.querySelectorAll(WAITING_PARTS) ?? [];
  // The lab keeps its picture until the reader comes near (LabSection.tsx): it is drawn as far as the queue goes.
  const waitingFor = [...parts].some((part) => !part.closest('.lab-placeholder'));
  if (waitingFor && performance.now() - drawing.since < DRAW_WAIT_MS) return true;
  drawing = null;
  return false;
}

/**
 * A key pressed this recently holds the queue (a held, repeating key is a gesture, app/ui/gesture.ts; this is for
 * separate presses): a reader tapping a slider's arrow keys gets the main thread first. With sections going live
 * every frame or so, 100 taps on γ from the first input at 4× CPU had a p95 of 14.6–18.3 ms (13.4–13.8 when the queue
 * went slower); with this hold 13.4–14.4.
 */
const KEY_QUIET_MS = 250;
let lastKeyAt = -Infinity;

/** Without any input, the queue starts this long after the load event. */
export const QUIET_MS = 8000;

/** What says a reader has begun: the queue starts at the first of these (in the capture phase, passive). */
const BEGUN = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;

function schedule(): void {
  if (scheduled || !running || stopped || waiting.size === 0) return;
  scheduled = true;
  const next = () => {
    if (stillDrawing()) {
      window.setTimeout(() => whenIdle(next, 2000, 200), GAP_MS);
      return;
    }
    scheduled = false;
    // Not while the reader drags a point or a slider: the gesture gets the main thread; the queue goes on after it.
    if (gestureNow() !== 0) {
      afterGesture(schedule);
      return;
    }
    const sinceKey = performance.now() - lastKeyAt;
    if (sinceKey < KEY_QUIET_MS) {
      window.setTimeout(schedule, KEY_QUIET_MS - sinceKey);
      return;
    }
    const first = waiting.entries().next();
    if (first.done || stopped) return;
    const [id, goLive] = first.value;
    waiting.delete(id);
    goLive(false);
    drawing = { id, since: performance.now() };
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

/**
 * Makes the waiting sections live all at once before printing, and one per idle period from the reader's first
 * input after the page's load event, or from `QUIET_MS` after it.
 */
export function startLiveQueue(): void {
  if (started) return;
  started = true;
  onGesture(() => undefined); // the page's gesture listeners, so a drag is known from its first pointerdown
  window.addEventListener('keydown', () => (lastKeyAt = performance.now()), { capture: true, passive: true });
  window.addEventListener('beforeprint', () => {
    flushSync(() => {
      for (const goLive of waiting.values()) goLive(true);
    });
    waiting.clear();
  });
  let loaded = document.readyState === 'complete';
  let begun = false;
  let timer = 0;
  const go = () => {
    if (running || !loaded || !begun) return;
    running = true;
    window.clearTimeout(timer);
    for (const type of BEGUN) window.removeEventListener(type, begin, true);
    schedule();
  };
  function begin(): void {
    begun = true;
    go();
  }
  for (const type of BEGUN) window.addEventListener(type, begin, { capture: true, passive: true });
  const afterLoad = () => {
    loaded = true;
    timer = window.setTimeout(begin, QUIET_MS);
    go();
  };
  if (loaded) afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
  markWhenAllLive();
}

/**
 * No section goes live in idle time any more: the page is about to reload for a new version (app/pwa/register.ts),
 * whose worker may already have dropped this version's code, so a section starting now would only fail to load it.
 */
export function stopLiveQueue(): void {
  stopped = true;
}
