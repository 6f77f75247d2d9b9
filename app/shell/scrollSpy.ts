/**
 * Which section the reader is on, from the page's scroll position, and scrolling to a section.
 *
 * A section the app scrolls to (a link's `section`, back/forward, a table-of-contents click) is
 * pinned: it stays current, and stays in place while the layout settles (fonts, charts measuring
 * themselves), until the reader's first wheel, touch, key or pointer press. Without the pin, a link to
 * a short last section would open on the section above it.
 */
let pinned: string | null = null;

export function pinSection(id: string): void {
  pinned = id;
}

/** Scrolls a section to the top of the viewport at once, and pins it (if the page has it). */
export function scrollToSection(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  pinned = id;
  el.scrollIntoView({ block: 'start', behavior: 'instant' });
}

const RELEASE = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Reports the section being read as the reader scrolls: the last one crossing a band 15–45% down
 * the viewport, or the last section once `end` (an element after it) is in view.
 * @param content the element that holds the sections (its size changes re-align a pinned section)
 * @returns a function that stops watching
 */
export function watchSections(ids: readonly string[], content: Element, end: Element, onCurrent: (id: string) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const inBand = new Set<string>();
  let atEnd = false;
  const decide = () => {
    if (pinned !== null) return;
    const id = atEnd ? ids[ids.length - 1] : [...ids].reverse().find((i) => inBand.has(i));
    if (id !== undefined) onCurrent(id);
  };
  const band = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) inBand.add(e.target.id);
        else inBand.delete(e.target.id);
      }
      decide();
    },
    { rootMargin: '-15% 0px -55% 0px' },
  );
  for (const id of ids) {
    const el = document.getElementById(id);
    if (el) band.observe(el);
  }
  const bottom = new IntersectionObserver(([e]) => {
    atEnd = e.isIntersecting;
    decide();
  });
  bottom.observe(end);
  const resize =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (pinned !== null) document.getElementById(pinned)?.scrollIntoView({ block: 'start', behavior: 'instant' });
        });
  resize?.observe(content);
  const release = () => {
    pinned = null;
  };
  for (const type of RELEASE) window.addEventListener(type, release, { capture: true, passive: true });
  return () => {
    band.disconnect();
    bottom.disconnect();
    resize?.disconnect();
    for (const type of RELEASE) window.removeEventListener(type, release, { capture: true });
  };
}
