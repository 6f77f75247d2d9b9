import { flushSync } from 'react-dom';
import { afterFrame } from './afterFrame';

/**
 * Charts take turns to draw for the first time, one per task (issue 15). A Recharts chart's first render
 * measures itself (getBoundingClientRect, which forces a layout) and updates its store several times, 15–25 ms
 * at desktop speed; a section going live, or the Recharts chunk arriving, drew three or four at once in one task
 * of 70–100 ms while the reader scrolled. Each chart now waits for its turn (ChartTurn.tsx) and the next turn
 * comes only after the last chart has committed (or `TURN_MS` has passed, so a chart that never commits cannot
 * stop the others), after the next frame (afterFrame): the browser handles input and paints between two charts. A chart on the
 * screen goes first (an IntersectionObserver on its box), the others in the order they mounted: after a jump to
 * section 15 its charts no longer waited behind one in section 14, off the screen.
 */
type Grant = () => void;

interface Waiting {
  grant: Grant;
  /** Its box, while it waits (observed). */
  box: Element | null;
  onScreen: boolean;
}

const queue: Waiting[] = [];
const waitingBy = new WeakMap<Element, Waiting>();
let screen: IntersectionObserver | undefined;

/** The page's one observer of waiting boxes (none where there is no IntersectionObserver: Node, old browsers). */
function observe(w: Waiting): void {
  if (!w.box || typeof IntersectionObserver === 'undefined') return;
  screen ??= new IntersectionObserver((entries) => {
    for (const e of entries) {
      const waiting = waitingBy.get(e.target);
      if (waiting) waiting.onScreen = e.isIntersecting;
    }
  });
  waitingBy.set(w.box, w);
  screen.observe(w.box);
}

function unobserve(w: Waiting): void {
  if (!w.box) return;
  screen?.unobserve(w.box);
  waitingBy.delete(w.box);
  w.box = null;
}

/** Takes the next chart to draw out of the queue: the first on the screen, else the first. */
function take(): Waiting | undefined {
  const at = queue.findIndex((w) => w.onScreen);
  const [w] = queue.splice(Math.max(0, at), 1);
  if (w) unobserve(w);
  return w;
}
/** The chart drawing now (granted, not committed yet). */
let current: Grant | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Every chart draws at once: before printing, and in the tests (jsdom draws nothing on a screen). */
let atOnce = false;

const GAP_MS = 16;
const TURN_MS = 500;
/** Where frames stop (a hidden tab), the next turn comes after this long anyway. */
const FRAMELESS_MS = 100;
/** Cancels the next turn's wait. */
let cancelTurn: () => void = () => undefined;

/**
 * The next turn, after the browser's next frame (a requestAnimationFrame, then a task): the chart then measures a page
 * already laid out. A section going live just before had left its layout to do, and the chart's getBoundingClientRect
 * (Recharts measures its own scale) did it inside the chart's task, 8–22 ms of it. Without frames, GAP_MS later.
 */
function turnAfterFrame(): void {
  cancelTurn();
  cancelTurn = afterFrame(next, typeof requestAnimationFrame === 'function' ? FRAMELESS_MS : GAP_MS);
}

function next(): void {
  if (current || queue.length === 0) return;
  current = take()?.grant ?? null;
  current?.();
  clearTimeout(timer);
  timer = setTimeout(() => done(current), TURN_MS);
}

/** The chart that was granted `grant` has committed (or gone): the next one's turn comes after the next frame. */
function done(grant: Grant | null): void {
  if (!grant || current !== grant) return;
  current = null;
  clearTimeout(timer);
  turnAfterFrame();
}

/** Whether a chart mounting now draws in this render (no turn to wait for). */
export function drawsAtOnce(): boolean {
  return atOnce;
}

/**
 * Chart waits its turn: `grant` is called when it comes (sooner while `box`, the space it keeps, is on the screen; a
 * `followUp` goes first).
 * Returns what the chart calls when it has committed after its turn, or when it goes away before: both end its turn
 * (or take it out of the queue).
 */
export function waitForTurn(grant: Grant, box: Element | null = null, followUp = false): () => void {
  if (atOnce) {
    grant();
    return () => undefined;
  }
  // A follow-up (the second part of a chart whose first part has just drawn: ChartLater) goes before every other chart.
  const waiting: Waiting = { grant, box, onScreen: followUp };
  if (followUp) queue.unshift(waiting);
  else queue.push(waiting);
  observe(waiting);
  if (!current) turnAfterFrame(); // charts mounting together: one first turn, not one each
  return () => {
    const at = queue.indexOf(waiting);
    if (at >= 0) queue.splice(at, 1);
    unobserve(waiting);
    done(grant);
  };
}

/** Every chart draws in the render that mounts it, and the waiting ones now (tests; printing). */
export function drawChartsAtOnce(): void {
  atOnce = true;
  const waiting = queue.splice(0);
  waiting.forEach(unobserve);
  if (waiting.length > 0) flushSync(() => waiting.forEach((w) => w.grant()));
}

if (typeof window !== 'undefined') {
  // A printed page shows every chart: the live queue makes every section live before printing (liveQueue.ts),
  // and their charts draw with them.
  window.addEventListener('beforeprint', drawChartsAtOnce);
  window.addEventListener('afterprint', () => {
    atOnce = false;
  });
}
