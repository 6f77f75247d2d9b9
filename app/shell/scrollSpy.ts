/**
 * Which section the reader is on, from the page's scroll position, and scrolling to a section.
 *
 * A section the app scrolls to (a link's `section`, back/forward, a table-of-contents click) is
 * pinned: it stays current, and stays in place while the layout settles (fonts, charts measuring
 * themselves, sections whose code arrives later), so a link to a short last section does not open on
 * the section above it. The pin lets go at the first scroll the app did not make (a wheel, a key, a
 * dragged scroll bar, a screen reader moving through the page, a test's scrollIntoView), at the
 * reader's first wheel, touch or key, and once the layout has settled. Not at a pointer press: a click in
 * the text or on a control is not a scroll (a click 0.3 s after a jump to section 14 left the reader in
 * the lab, 2,370 px further down, as the sections above it loaded).
 */

/** The layout has settled when the content has not changed size for this long… */
export const PIN_QUIET_MS = 1000;
/** …and at the latest this long after the pin. */
export const PIN_LONGEST_MS = 10_000;
/** How far (CSS pixels) the pinned section's top may drift before a scroll counts as someone else's. */
export const PIN_SLACK_PX = 2;

/** Where the pinned section is at a scroll event. */
export interface PinScroll {
  /** Its top (viewport pixels) where the app last put it; null while the browser's own scroll to it is under way. */
  placed: number | null;
  /** Its top now. */
  top: number;
  /** The page is scrolled as far down as it goes. */
  atBottom: boolean;
}

/**
 * Whether a scroll leaves the pin in place: the pinned section's top is still where the app put it
 * (the browser's scroll anchoring keeps it there while content above grows or shrinks), or the page
 * got shorter and the browser clamped the scroll at the bottom (the section moves down, never up).
 * Any other move of the section is a scroll the app did not make.
 */
export function scrollKeepsPin({ placed, top, atBottom }: PinScroll, slack = PIN_SLACK_PX): boolean {
  if (placed === null) return true;
  return Math.abs(top - placed) <= slack || (atBottom && top > placed);
}

/**
 * Whether a scroll that moved the pinned section is the layout's: the page's height changed by `grew` pixels (either
 * sign) since the app placed the section, and the section moved no farther than that (content above grew or shrank,
 * and the browser's scroll anchoring held another element in place). A scroll that moves it farther (a test's
 * scrollIntoView, a screen reader's or find-in-page's jump) is someone else's, whatever the layout did meanwhile.
 */
export function scrollIsLayouts({ placed, top }: PinScroll, grew: number, slack = PIN_SLACK_PX): boolean {
  return placed !== null && grew !== 0 && Math.abs(top - placed) <= Math.abs(grew) + slack;
}

/**
 * Milliseconds until a pin made at `since` lets go, if the content does not change size again after
 * `now`: a quiet period once the section has `arrived` where the pin keeps it (not while the browser's
 * own smooth scroll is still taking it there), and never later than `longest` after the pin.
 */
export function settleDelay(now: number, since: number, arrived = true, quiet = PIN_QUIET_MS, longest = PIN_LONGEST_MS): number {
  const left = since + longest - now;
  return Math.max(0, arrived ? Math.min(quiet, left) : left);
}

interface Pin {
  id: string;
  placed: number | null;
  since: number;
  /** The page's height when the section was placed: a scroll that comes with a new height is the layout's doing. */
  height?: number;
}
let pin: Pin | null = null;
let settle: ReturnType<typeof setTimeout> | undefined;

function release(): void {
  pin = null;
  clearTimeout(settle);
}

/** (Re)starts the wait for the layout to settle. */
function waitForSettle(): void {
  if (!pin) return;
  clearTimeout(settle);
  settle = setTimeout(release, settleDelay(performance.now(), pin.since, pin.placed !== null));
}

/** Pins a section the browser itself is scrolling to (a table-of-contents click, smooth). */
export function pinSection(id: string): void {
  pin = { id, placed: null, since: performance.now() };
  waitForSettle();
}

/** Puts the pinned section's top at the top of the viewport at once, and remembers where it went. */
function place(): void {
  const el = pin && document.getElementById(pin.id);
  if (!pin || !el) return;
  el.scrollIntoView({ block: 'start', behavior: 'instant' });
  pin.placed = el.getBoundingClientRect().top;
  pin.height = document.documentElement.scrollHeight;
  waitForSettle();
}

/** Scrolls a section to the top of the viewport at once, and pins it (if the page has it). */
export function scrollToSection(id: string): void {
  if (!document.getElementById(id)) return;
  pinSection(id);
  place();
}

/** Where the pinned section is now, for `scrollKeepsPin`; null without a pin. */
function pinScroll(): PinScroll | null {
  const el = pin && document.getElementById(pin.id);
  if (!pin || !el) return null;
  const page = document.documentElement;
  return { placed: pin.placed, top: el.getBoundingClientRect().top, atBottom: window.scrollY + window.innerHeight >= page.scrollHeight - 1 };
}

const onScroll = () => {
  const now = pinScroll();
  if (!now || scrollKeepsPin(now)) return;
  // Content above grew or shrank and the browser's scroll anchoring held another element in place (on a
  // phone, a lazily loaded part below the previous section): the layout's scroll, not a reader's. Put the section
  // back. Any other scroll lets go: one that merely came while the height changed was once undone (a test's jump
  // to section 1 went back to the link's section, 14,000 px down, and section 1's run never started).
  if (pin?.height !== undefined && scrollIsLayouts(now, document.documentElement.scrollHeight - pin.height)) place();
  else release();
};
/**
 * The browser's smooth scroll to a pinned section has ended: the section is put exactly where a scroll to it
 * goes (the browser aims at where the section was when the scroll began; sections that grew or shrank on the way,
 * mounting or catching up, leave it short or past), and from here on it stays there.
 */
const onScrollEnd = () => {
  if (pin && pin.placed === null) place();
};
const RELEASE = ['wheel', 'touchstart', 'keydown'] as const;

/** Keeps the pinned section in place while the content changes size, and lets go as described above. */
function holdPin(content: Element): () => void {
  const resize =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (pin) place();
        });
  resize?.observe(content);
  for (const type of RELEASE) window.addEventListener(type, release, { capture: true, passive: true });
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('scrollend', onScrollEnd, { passive: true });
  return () => {
    resize?.disconnect();
    for (const type of RELEASE) window.removeEventListener(type, release, { capture: true });
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('scrollend', onScrollEnd);
  };
}

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
    if (pin !== null) return;
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
  const stopHolding = holdPin(content);
  return () => {
    band.disconnect();
    bottom.disconnect();
    stopHolding();
  };
}
