/**
 * ResizeObserver targets that rest while their section is skipped (issue 15). Once the page is drawn, a section more
 * than a screen away is skipped (`content-visibility`, styles.css: `#root[data-all-drawn]` and the section's
 * `data-far`). The browser reports no size change inside a skipped section, but still checked every observed element
 * of the page at every frame: the far sections' 128 of 136 targets were about 0.25 ms of each move of a drag. Here a
 * target in a skipped section is not observed; when its section is drawn again it is observed afresh, which reports
 * its size at the next frame, as the browser would have on drawing it.
 */

interface Watch {
  ro: ResizeObserver;
  el: Element;
  resting: boolean;
}

/** The rule of styles.css that skips a section: what the browser would not report on anyway. */
const SKIPPED = '#root[data-all-drawn] .content > .section[data-far]';

const watches = new Set<Watch>();
let marks: MutationObserver | null = null;

const skipped = (el: Element): boolean => el.closest(SKIPPED) !== null;

/** Brings every watch in line with the page's marks (they change a few times a scroll, never during a drag). */
function update(): void {
  for (const w of watches) {
    const rest = skipped(w.el);
    if (rest === w.resting) continue;
    w.resting = rest;
    if (rest) w.ro.unobserve(w.el);
    else w.ro.observe(w.el);
  }
}

function watchMarks(el: Element): void {
  if (marks || typeof MutationObserver === 'undefined') return;
  const root = el.ownerDocument.documentElement;
  marks = new MutationObserver(update);
  marks.observe(root, { subtree: true, attributes: true, attributeFilter: ['data-far', 'data-all-drawn'] });
}

/** Observes `el` with `ro` (reported at the next frame), resting while its section is skipped; returns the removal. */
export function observeSize(ro: ResizeObserver, el: Element): () => void {
  const w: Watch = { ro, el, resting: skipped(el) };
  if (!w.resting) ro.observe(el);
  watches.add(w);
  watchMarks(el);
  return () => {
    watches.delete(w);
    ro.unobserve(el);
  };
}

/**
 * Has `el` measured again at the next frame (new content, fonts loaded), as observing afresh does; while its section
 * is skipped, that happens when the section is drawn again.
 */
export function observeAgain(ro: ResizeObserver, el: Element): void {
  for (const w of watches) {
    if (w.ro !== ro || w.el !== el || w.resting) continue;
    ro.unobserve(el);
    ro.observe(el);
  }
}
