/**
 * What changed, for a moment (issue 16): after the reader moves something (a slider, a point, a key,
 * a typed answer), every number, table cell, typeset equation and point of a plot that the move
 * changed is highlighted and fades within a second. One MutationObserver over the page finds them;
 * nothing in the sections needs to know. Changes that come on their own (loading, a training run's
 * progress, the lab and the weight-decay run, status lines) are not flashed: only DOM changes within
 * AFTER_INPUT_MS of an input (or during a drag) are, and never inside SKIP. While a pointer is down (a
 * point or a slider dragged), what changes is gathered and flashes once, on release: restarting the
 * flashes on every move cost more main thread than the move itself (issue 15).
 */

/** How long after an input a change still counts as its result (a lazy panel or a Worker's answer can take a moment). */
const AFTER_INPUT_MS = 1200;
/**
 * Where changes are not the reader's doing, or are the control itself; and sections far from the
 * viewport (`data-far`, app/shell/useViewportGate.ts), which catch up out of sight.
 */
const SKIP = '#lab, #weight-decay, [data-noflash], [data-far], .progress, [role="status"], [aria-live], .toc, .slider, input, textarea, select, button';
/** What flashes: a number, a table cell, a typeset equation (re-typeset whole), an exercise's output. */
const TEXT_TARGET = '.num, td, th, .katex, output';
/** The Web Animation's id, so tests (and the presentation) can find it. */
export const FLASH_ID = 'change-flash';
const FLASH_MS = 1000;

/** The element to flash for a changed node (a text node, an added element, a moved point), or null. */
export function flashTargetOf(node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el || el.closest(SKIP)) return null;
  const dot = el.closest('g.dot');
  if (dot) return dot.querySelector('.dot-mark');
  return el.closest(TEXT_TARGET);
}

/** The changed nodes a batch of mutations names: text edited, elements added, points moved. */
function changedNodes(records: readonly MutationRecord[]): Node[] {
  const out: Node[] = [];
  for (const r of records) {
    if (r.type === 'childList') out.push(...Array.from(r.addedNodes));
    else out.push(r.target);
  }
  return out;
}

/**
 * The theme's colours, as references the animation resolves on the element (styles.css): reading them
 * with getComputedStyle before each flash forced a style recalculation of the whole changed page, about
 * 20 ms a γ key press at 4× CPU slowdown (issue 15).
 */
const RING = 'drop-shadow(0 0 3px var(--flash-ring, #d97706)) drop-shadow(0 0 3px var(--flash-ring, #d97706))';
const FILL = 'var(--flash, #ffdf6b)';

/** Full colour for the first third, then a fade: long enough to see where to look, short enough not to linger. */
function flash(el: Element, running: WeakMap<Element, Animation>): void {
  running.get(el)?.cancel();
  const keyframes =
    el instanceof SVGElement
      ? [{ filter: RING }, { filter: RING, offset: 0.35 }, { filter: 'none' }]
      : [{ backgroundColor: FILL }, { backgroundColor: FILL, offset: 0.35 }, { backgroundColor: 'transparent' }];
  const a = el.animate(keyframes, { duration: FLASH_MS, easing: 'ease-in' });
  a.id = FLASH_ID;
  running.set(el, a);
}

/** Starts watching `root` (the page); returns the function that stops it. Without Web Animations (jsdom), does nothing. */
export function watchChanges(root: HTMLElement): () => void {
  if (typeof MutationObserver === 'undefined' || typeof root.animate !== 'function') return () => undefined;
  let lastInput = -Infinity;
  let pressed = false;
  const onInput = () => {
    lastInput = performance.now();
  };
  const inputs = ['pointerdown', 'keydown', 'input', 'change'] as const;
  for (const type of inputs) root.addEventListener(type, onInput, { capture: true, passive: true });
  const onDown = () => {
    pressed = true;
  };
  const onUp = () => {
    pressed = false;
    lastInput = performance.now();
    if ((pending.size > 0 || dragged.size > 0) && frame === 0) frame = requestAnimationFrame(paint);
  };
  // On the window: a pointer let go outside the page, or captured, still ends the drag.
  const view = root.ownerDocument.defaultView ?? window;
  root.addEventListener('pointerdown', onDown, { capture: true, passive: true });
  for (const type of ['pointerup', 'pointercancel'] as const) view.addEventListener(type, onUp, { capture: true, passive: true });
  const running = new WeakMap<Element, Animation>();
  let pending = new Set<Element>();
  /** The nodes a drag changed, each once: what each is to flash is found on release (about 0.2 ms a move, mostly `closest`). */
  let dragged = new Set<Node>();
  let frame = 0;
  const paint = () => {
    frame = 0;
    for (const node of dragged) if (node.isConnected) addTarget(node);
    dragged = new Set();
    for (const el of pending) if (el.isConnected) flash(el, running);
    pending = new Set();
  };
  const addTarget = (node: Node) => {
    const target = flashTargetOf(node);
    if (target) pending.add(target);
  };
  const observer = new MutationObserver((records) => {
    if (!pressed && performance.now() - lastInput > AFTER_INPUT_MS) return;
    for (const node of changedNodes(records)) {
      if (pressed) dragged.add(node);
      else addTarget(node);
    }
    if (!pressed && pending.size > 0 && frame === 0) frame = requestAnimationFrame(paint);
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['transform'] });
  return () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    for (const type of inputs) root.removeEventListener(type, onInput, { capture: true });
    root.removeEventListener('pointerdown', onDown, { capture: true });
    for (const type of ['pointerup', 'pointercancel'] as const) view.removeEventListener(type, onUp, { capture: true });
  };
}
