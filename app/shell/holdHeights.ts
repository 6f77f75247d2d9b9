import { gestureNow, gestureTarget, onGesture } from '../ui/gesture';

/**
 * While a gesture goes on (a point or a slider dragged, a key held: app/ui/gesture.ts), nothing in its section
 * moves up or down (issue 15). Before, dragging a point in section 2 wrapped the equation above the plot onto a
 * second line and back as a number gained and lost its minus sign: the plot jumped 36 px under the finger, and
 * every section below moved at each such move, which Chromium paid for by walking the whole page (about 9 ms of a
 * 24 ms move). Now the blocks that hold the pressed element, those above them, and the section's own blocks keep
 * the tallest height they reach during the gesture: a block may grow, but does not shrink back until the gesture
 * ends, when each takes its own height again. A block above the pressed element that grows (an equation wrapping
 * onto a second line) scrolls the page by as much, in the same frame: the pressed point stays under the finger.
 */
export function holdHeightsInGestures(): void {
  if (installed || typeof ResizeObserver === 'undefined') return;
  installed = true;
  let release: (() => void) | null = null;
  onGesture(() => {
    release?.();
    release = null;
    // Only a press on something that moves with the pointer (a point, a slider): a finger put down on the text to
    // swipe the page holds nothing (heights held there stopped the browser's scroll anchoring as sections above loaded).
    const at = gestureNow() !== 0 ? gestureTarget()?.closest(DRAGGABLE) : null;
    const section = at?.closest('.content > .section');
    if (at && section) release = hold(heldBlocks(at, section), at);
  });
}

let installed = false;

/** What a press can drag: a range input, an ARIA slider (a dot plot's point), a plot's drawing. */
const DRAGGABLE = 'input, [role="slider"], svg';

/** The pressed element's ancestors within the section, the blocks before each, and the section's own blocks. */
export function heldBlocks(at: Element, section: Element): HTMLElement[] {
  const blocks = new Set<Element>(section.children);
  for (let el: Element | null = at; el && el !== section; el = el.parentElement) {
    blocks.add(el);
    for (let before = el.previousElementSibling; before; before = before.previousElementSibling) blocks.add(before);
  }
  return [...blocks].filter((el): el is HTMLElement => el instanceof HTMLElement);
}

/**
 * Whether a min-height leaves the block's layout as it is: a block whose last child's bottom margin may collapse
 * through its own bottom (no bottom padding or border, not a flex, grid or other formatting root) would keep that
 * margin inside once it has a min-height, itself a shift: such a block is not held.
 */
function holdable(style: CSSStyleDeclaration): boolean {
  if (parseFloat(style.paddingBottom) > 0 || parseFloat(style.borderBottomWidth) > 0) return true;
  return style.display !== 'block' || !['', 'visible', 'clip'].includes(style.overflow);
}

/**
 * Keeps each block at least as tall as the tallest it has been since now, and `anchor` (the pressed element) where it
 * is on the screen when a block grows; returns the release. The browser's own scroll anchoring stays on: it makes up
 * for a section above the screen that changes (one this hold does not hold), and this for what it leaves. Each held block
 * gets its own height as a min-height at once (box-sizing is border-box: app/styles.css), raised as it grows, so a
 * shrink never happens, not even for a frame. A ResizeObserver reports the growth; raising the min-height to the
 * reported height changes no size, so the observer has nothing left to report in that frame.
 */
export function hold(blocks: HTMLElement[], anchor?: Element): () => void {
  // Where the pressed element is on the screen. A scroll (the reader's, the browser's scroll anchoring making up for
  // a section above that changed, or this one's own) moves that place: the next check starts from there.
  const onScreen = () => anchor?.getBoundingClientRect().top ?? 0;
  let anchorAt = onScreen();
  const rebase = () => {
    anchorAt = onScreen();
  };
  window.addEventListener('scroll', rebase, { passive: true });
  // Read at the press, before any move has changed a height (the layout is clean then: one read).
  const held = blocks.filter((el) => holdable(getComputedStyle(el))).map((el) => ({ el, height: el.getBoundingClientRect().height, before: el.style.minHeight }));
  const tallest = new Map<Element, number>();
  for (const { el, height } of held) {
    tallest.set(el, height);
    el.style.minHeight = `${height}px`;
  }
  const ro = new ResizeObserver((entries) => {
    for (const e of entries) {
      const el = e.target as HTMLElement;
      const height = e.borderBoxSize?.[0]?.blockSize ?? el.getBoundingClientRect().height;
      if (!tallest.has(el) || height <= (tallest.get(el) ?? Infinity)) continue;
      tallest.set(el, height);
      el.style.minHeight = `${height}px`;
    }
    // Called after layout, before paint: scrolled now (at once, not smoothly), the grown block is never seen pushing the point down.
    if (!anchor?.isConnected) return;
    const shift = onScreen() - anchorAt;
    if (Math.abs(shift) < 0.5) return;
    window.scrollBy({ top: shift, behavior: 'instant' });
    rebase();
  });
  // Every block is watched (one that is not held may still grow above the anchor), the holdable ones held.
  for (const el of blocks) ro.observe(el);
  return () => {
    ro.disconnect();
    for (const { el, before } of held) el.style.minHeight = before;
    window.removeEventListener('scroll', rebase);
  };
}
