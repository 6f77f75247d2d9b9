/**
 * Keeps the section at the top of the screen where it is across a commit that removes what the reader is looking
 * at (a section's pre-rendered body giving way to its live one, the lab's picture to the live lab; issue 15).
 *
 * The browser's scroll anchoring keeps the first visible element in place as the page above it changes. When that
 * element is removed, the frame that removes it has no anchor: a section above that grew in the same frame (going
 * live, or its blocks drawn in idle time) pushed the reader 450–3,200 px down, about one time in four when a PageUp
 * from section 14 into the lab's lower part met the lab going live.
 *
 * `keepScreenTop()`, called just before such a removal, notes the section across the screen's top edge and where it
 * is; once the task's work is done (before the frame is drawn) the page is scrolled back by as much as that section
 * moved, at once. Only the section's top is kept: what changes inside it is its own to hold (LabSection's picture hold).
 * The first call in a task measures, before the commit has changed anything (a later removal in the same commit
 * would measure a page half changed); the others join it.
 */
export function keepScreenTop(): void {
  if (pending) return;
  pending = true;
  const kept = sectionAtTop();
  queueMicrotask(() => {
    pending = false;
    if (!kept || !kept.section.isConnected) return;
    const shift = kept.section.getBoundingClientRect().top - kept.top;
    if (Math.abs(shift) >= 0.5) window.scrollBy({ top: shift, behavior: 'instant' });
  });
}

let pending = false;

/** The notebook's section across the top edge of the screen, and its top (≤ 0). */
function sectionAtTop(): { section: Element; top: number } | null {
  for (const section of document.querySelectorAll('.content > .section')) {
    const { top, bottom } = section.getBoundingClientRect();
    if (top <= 0 && bottom > 0) return { section, top };
    if (top > 0) return null;
  }
  return null;
}
