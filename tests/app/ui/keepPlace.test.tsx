import { render } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { keepScreenTop } from '../../../app/ui/keepPlace';
import { StaticBody, keepStaticBodies } from '../../../app/ui/staticBody';

/**
 * Issue 15: a PageUp from section 14 into the lab's lower part, as the lab went live in the same frame as a section
 * above grew, left the reader 450–3,200 px further down (the browser's scroll anchor was in the removed picture).
 * The section across the screen's top edge keeps its place on the screen across the removal of a pre-rendered body.
 */

/** Each section's top on the screen (jsdom lays nothing out) and its height. */
let tops: Record<string, number> = {};
const HEIGHT = 1000;
let scrollBy: ReturnType<typeof vi.fn>;

beforeEach(() => {
  document.body.innerHTML = `<main class="content">
    <section class="section" id="above" data-section="above"><h2>Above</h2><p>text</p></section>
    <section class="section" id="lab" data-section="lab"><h2>Lab</h2><div class="lab">picture</div></section>
    <section class="section" id="below" data-section="below"><h2>Below</h2><p>text</p></section></main>`;
  for (const section of document.querySelectorAll('section')) {
    section.getBoundingClientRect = () => ({ top: tops[section.id], bottom: tops[section.id] + HEIGHT, height: HEIGHT }) as DOMRect;
  }
  tops = { above: -1500, lab: -500, below: 500 };
  scrollBy = vi.fn();
  window.scrollBy = scrollBy as unknown as typeof window.scrollBy;
});
afterEach(() => vi.restoreAllMocks());

const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));
/** What a section above growing by `px` does to every section below it, when no scroll anchor makes up for it. */
const growAbove = (px: number) => {
  tops = { above: tops.above, lab: tops.lab + px, below: tops.below + px };
};

test('a pre-rendered body taken out while its section holds the top of the screen: the page scrolls back by as much as the section moved', async () => {
  keepStaticBodies(document.querySelector('main') as HTMLElement);
  const slot = document.getElementById('lab') as HTMLElement;
  const { unmount } = render(<StaticBody id="lab" />, { container: slot.appendChild(document.createElement('div')) });
  expect(slot.textContent).toContain('picture');
  unmount(); // The lab goes live: its picture is taken out…
  growAbove(1002); // …and in the same commit, before the frame, the section above grew.
  await settle();
  expect(scrollBy).toHaveBeenCalledTimes(1);
  expect(scrollBy).toHaveBeenCalledWith({ top: 1002, behavior: 'instant' });
});

test('removals in one commit are measured once, at the first, before anything has changed', async () => {
  keepScreenTop();
  growAbove(300);
  keepScreenTop(); // A later removal in the same commit sees a page half changed: it joins the first.
  growAbove(200);
  await settle();
  expect(scrollBy).toHaveBeenCalledWith({ top: 500, behavior: 'instant' });
  expect(scrollBy).toHaveBeenCalledTimes(1);
  keepScreenTop(); // The next task measures again.
  growAbove(-40);
  await settle();
  expect(scrollBy).toHaveBeenLastCalledWith({ top: -40, behavior: 'instant' });
});

test('nothing is scrolled when the section at the top did not move, or when no section is across the top edge', async () => {
  keepScreenTop();
  await settle();
  tops = { above: 100, lab: 1100, below: 2100 }; // The page's top is on the screen: the reader sees the section above whole.
  keepScreenTop();
  growAbove(700);
  await settle();
  expect(scrollBy).not.toHaveBeenCalled();
});
