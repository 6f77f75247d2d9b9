import { afterGesture, gestureNow } from '../ui/gesture';
import { whenIdle } from '../ui/whenIdle';
import { afterFrame } from '../ui/afterFrame';

/**
 * Each live section's blocks (a paragraph, an equation pair, a panel) are styled and laid out only near the screen
 * (content-visibility: auto, styles.css). Until a block has been drawn once, its height is a guess (400 px) and what
 * measures itself in it has not measured: a wide equation joins the tab order only when ScrollX sees it overflow, so
 * a keyboard's Tab (or axe) found off-screen ones without a tab stop. Each block not drawn yet is drawn in idle time, a
 * few per frame (at most about DRAW_BUDGET elements), those near the screen first (while sections are still going live,
 * only those), never while the reader drags, and stays drawn (as is one the reader came near): its size is real from
 * then on and its parts have measured themselves.
 * `#root[data-all-drawn]` marks the end, once no font is loading; the page is then laid out whole, as it was before blocks
 * waited, but for the sections a screen away (styles.css).
 */
const BLOCKS = [
  '.content > .section > :not(h2, .section-static-slot, .blocks)',
  // A part marked .blocks is no block itself: its parts are, two levels deep at most (styles.css).
  '.content > .section > .blocks > :not(.blocks)',
  '.content > .section > .blocks > .blocks > *',
].join(', ');
/** Elements drawn in one frame, at most (a bigger block goes alone): about 10 ms of style and layout here. */
const DRAW_BUDGET = 600;

let started = false;

/** Whether a block is within a screen above or AHEAD_SCREENS below the screen: where the reader is about to go. */
function nearScreen(block: Element): boolean {
  const r = block.getBoundingClientRect();
  return r.bottom > -window.innerHeight && r.top < AHEAD_SCREENS * window.innerHeight;
}
const AHEAD_SCREENS = 3;

/** The blocks not drawn yet, those near the screen first, then (unless `onlyNear`) the rest in page order: as many as fit in one frame. */
function nextBatch(onlyNear: boolean): Element[] {
  const undrawn = [...document.querySelectorAll(BLOCKS)].filter((block) => !block.hasAttribute('data-drawn'));
  const near = new Set(undrawn.filter(nearScreen));
  const batch: Element[] = [];
  let elements = 0;
  for (const block of onlyNear ? near : new Set([...near, ...undrawn])) {
    const size = block.getElementsByTagName('*').length + 1;
    if (batch.length > 0 && elements + size > DRAW_BUDGET) break;
    batch.push(block);
    elements += size;
  }
  return batch;
}

function step(): void {
  if (gestureNow() !== 0) {
    afterGesture(later);
    return;
  }
  // While the live queue runs, only the live sections' blocks near the screen: drawn in idle time before the reader
  // scrolls onto them, not in the scroll's frame (a frame drawing them was a task of 45–62 ms, issue 15). The others
  // wait for the queue (a section still showing its pre-rendered body is replaced soon).
  const queueRuns = document.querySelector('.section-static-slot') !== null;
  const batch = nextBatch(queueRuns);
  if (batch.length === 0) {
    if (queueRuns) window.setTimeout(later, QUEUE_WAIT_MS);
    // Drawn with their fonts: once the page is marked, a section a screen away is skipped (styles.css), and an equation
    // there that a late KaTeX font made wider than its box would not learn it overflows (it joins the tab order then)
    // until the reader comes near. The fonts' load, then a frame for the equations to measure, then a look again.
    else if (document.fonts?.status === 'loading') void document.fonts.ready.then(() => afterFrame(later));
    else document.getElementById('root')?.setAttribute('data-all-drawn', '');
    return;
  }
  // Drawn in the coming frame, and from then on laid out like the rest of the page (data-drawn: content-visibility
  // visible). A block put back to being skipped off the screen kept a remembered size that the browser's scroll anchoring
  // did not follow: a section a link had opened went down by 358 px when the section above it added its notes.
  for (const block of batch) block.setAttribute('data-drawn', '');
  afterFrame(later);
}

/** While the live queue runs and nothing near the screen is left to draw, the next look. */
const QUEUE_WAIT_MS = 250;

const later = () => whenIdle(step, 1000, 100);

/** Records the blocks the browser draws as the reader comes near, then draws the others in idle time (see above). */
export function drawBlocksWhenIdle(): void {
  if (started || typeof requestAnimationFrame !== 'function') return;
  started = true;
  document.addEventListener(
    'contentvisibilityautostatechange',
    (e) => {
      if (!(e as Event & { skipped: boolean }).skipped && e.target instanceof Element && e.target.matches(BLOCKS)) e.target.setAttribute('data-drawn', '');
    },
    true,
  );
  later();
}
