import { afterGesture, gestureNow } from '../ui/gesture';
import { whenIdle } from '../ui/whenIdle';

/**
 * Each live section's blocks (a paragraph, an equation pair, a panel) are styled and laid out only near the screen
 * (content-visibility: auto, styles.css). Until a block has been drawn once, its height is a guess (400 px) and what
 * measures itself in it has not measured: a wide equation joins the tab order only when ScrollX sees it overflow, so
 * a keyboard's Tab (or axe) found off-screen ones without a tab stop. Once every section is live, each block not drawn
 * yet is drawn in idle time, a few per frame (at most about DRAW_BUDGET elements), never while the reader drags, and
 * stays drawn (as is one the reader came near): its size is real from then on and its parts have measured themselves.
 * `#root[data-all-drawn]` marks the end; the page is then laid out whole, as it was before blocks waited.
 */
const BLOCKS = '.content > .section > :not(h2, .section-static-slot)';
/** Elements drawn in one frame, at most (a bigger block goes alone): about 10 ms of style and layout here. */
const DRAW_BUDGET = 600;

let started = false;

/** The blocks not drawn yet, in page order, as many as fit in one frame. */
function nextBatch(): Element[] {
  const batch: Element[] = [];
  let elements = 0;
  for (const block of document.querySelectorAll(BLOCKS)) {
    if (block.hasAttribute('data-drawn')) continue;
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
  // The live queue first: a section still showing its pre-rendered body is not drawn here (it is replaced soon).
  if (document.querySelector('.section-static-slot')) {
    window.setTimeout(later, 500);
    return;
  }
  const batch = nextBatch();
  if (batch.length === 0) {
    document.getElementById('root')?.setAttribute('data-all-drawn', '');
    return;
  }
  // Drawn in the coming frame, and from then on laid out like the rest of the page (data-drawn: content-visibility
  // visible). A block put back to being skipped off the screen kept a remembered size that the browser's scroll anchoring
  // did not follow: a section a link had opened went down by 358 px when the section above it added its notes.
  for (const block of batch) block.setAttribute('data-drawn', '');
  requestAnimationFrame(() => window.setTimeout(later, 0));
}

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
