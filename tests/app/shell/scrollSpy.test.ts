import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PIN_LONGEST_MS, PIN_QUIET_MS, pinSection, scrollIsLayouts, scrollKeepsPin, scrollToSection, settleDelay, watchSections } from '../../../app/shell/scrollSpy';

describe('scrollKeepsPin: a scroll the app did not make lets go of a pinned section', () => {
  test('the section still where the app put it (its own scroll, or scroll anchoring): kept', () => {
    expect(scrollKeepsPin({ placed: 0, top: 0, atBottom: false })).toBe(true);
    expect(scrollKeepsPin({ placed: 0, top: 1.5, atBottom: false })).toBe(true);
    expect(scrollKeepsPin({ placed: 0, top: -2, atBottom: false })).toBe(true);
  });
  test('the section moved: someone else scrolled (a test, a dragged scroll bar, a screen reader)', () => {
    expect(scrollKeepsPin({ placed: 0, top: 3, atBottom: false })).toBe(false);
    expect(scrollKeepsPin({ placed: 0, top: -800, atBottom: false })).toBe(false);
    expect(scrollKeepsPin({ placed: 0, top: 2500, atBottom: false })).toBe(false);
  });
  test('at the bottom of the page, the section moving down is the browser clamping a shorter page; moving up is not', () => {
    expect(scrollKeepsPin({ placed: 300, top: 420, atBottom: true })).toBe(true);
    expect(scrollKeepsPin({ placed: 300, top: 120, atBottom: true })).toBe(false);
    expect(scrollKeepsPin({ placed: 300, top: 420, atBottom: false })).toBe(false);
  });
  test('while the browser itself scrolls to the section (a table-of-contents click), every scroll is kept', () => {
    expect(scrollKeepsPin({ placed: null, top: 1234, atBottom: false })).toBe(true);
  });
  test('the slack is a parameter', () => {
    expect(scrollKeepsPin({ placed: 0, top: 5, atBottom: false }, 10)).toBe(true);
  });
});

describe('scrollIsLayouts: a scroll that moved a pinned section is the layout’s only if the page changed height by at least as much', () => {
  test('content above grew or shrank and the section moved with it: the layout’s', () => {
    expect(scrollIsLayouts({ placed: 0, top: 250, atBottom: false }, 250)).toBe(true);
    expect(scrollIsLayouts({ placed: 0, top: -120, atBottom: false }, -300)).toBe(true);
    expect(scrollIsLayouts({ placed: 0, top: 252, atBottom: false }, 250)).toBe(true);
  });
  test('the same height: someone else’s', () => {
    expect(scrollIsLayouts({ placed: 0, top: 250, atBottom: false }, 0)).toBe(false);
  });
  test('a jump farther than the page changed (a test’s, a screen reader’s) is someone else’s, though the height changed', () => {
    expect(scrollIsLayouts({ placed: 0, top: 14_225, atBottom: false }, 180)).toBe(false);
    expect(scrollIsLayouts({ placed: 0, top: -900, atBottom: false }, -40)).toBe(false);
  });
  test('while the browser itself still scrolls to the section, never the layout’s', () => {
    expect(scrollIsLayouts({ placed: null, top: 250, atBottom: false }, 250)).toBe(false);
  });
});

describe('settleDelay: the pin waits for a quiet layout, and not for ever', () => {
  test('a quiet period after each change of size', () => {
    expect(settleDelay(100, 0)).toBe(PIN_QUIET_MS);
    expect(settleDelay(5000, 0, true, 1000, 10_000)).toBe(1000);
  });
  test('never past the longest wait after the pin', () => {
    expect(settleDelay(PIN_LONGEST_MS - 300, 0)).toBe(300);
    expect(settleDelay(PIN_LONGEST_MS + 50, 0)).toBe(0);
    expect(settleDelay(9500, 1000, true, 1000, 9000)).toBe(500);
  });
  test('while the browser still scrolls to the section (smooth), only the longest wait counts', () => {
    expect(settleDelay(100, 0, false)).toBe(PIN_LONGEST_MS - 100);
    expect(settleDelay(PIN_LONGEST_MS, 0, false)).toBe(0);
  });
});

/** Observers jsdom lacks, driven by hand. */
class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  targets: Element[] = [];
  constructor(readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  disconnect() {}
}
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  constructor(readonly callback: () => void) {
    FakeResizeObserver.all.push(this);
  }
  observe() {}
  disconnect() {}
}

describe('watchSections with a pinned section (wiring, with hand-driven observers)', () => {
  const ids = ['a', 'b', 'c'];
  const tops: Record<string, number> = { a: -900, b: 0, c: 700 };
  let stop: () => void = () => {};
  let current: string[] = [];
  /** The band observer reports section `id` crossing the band. */
  const crossBand = (id: string) => {
    const band = FakeIntersectionObserver.all[0];
    band.callback([{ isIntersecting: true, target: document.getElementById(id) as Element }]);
  };
  /** The page scrolls by `dy`: every section moves up by it, and a 'scroll' event follows. */
  const scrollBy = (dy: number) => {
    for (const id of ids) tops[id] -= dy;
    window.dispatchEvent(new Event('scroll'));
  };

  beforeEach(() => {
    vi.useFakeTimers();
    FakeIntersectionObserver.all = [];
    FakeResizeObserver.all = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    document.body.innerHTML = '<main>' + ids.map((id) => `<section id="${id}"></section>`).join('') + '<div id="end"></div></main>';
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLElement;
      el.getBoundingClientRect = () => ({ top: tops[id] }) as DOMRect;
      el.scrollIntoView = vi.fn(() => {
        const dy = tops[id];
        for (const other of ids) tops[other] -= dy;
      });
    }
    Object.assign(tops, { a: -900, b: 0, c: 700 });
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 10_000, configurable: true }); // not at the bottom
    current = [];
    stop = watchSections(ids, document.querySelector('main') as Element, document.getElementById('end') as Element, (id) => current.push(id));
    scrollToSection('b');
  });
  afterEach(() => {
    window.dispatchEvent(new KeyboardEvent('keydown')); // lets go of any pin left by a test
    stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  test('while pinned, the section crossing the band does not change the current one, and a resize puts the section back', () => {
    for (const id of ['b', 'c']) tops[id] += 250; // content above grows without anchoring: the section moves down…
    FakeResizeObserver.all[0].callback(); // …and the pin puts it back
    expect(tops.b).toBe(0);
    window.dispatchEvent(new Event('scroll')); // the app's own scroll
    crossBand('c');
    expect(current).toEqual([]);
  });

  test('a scroll the app did not make (the section moved) lets go: the spy follows the page again', () => {
    scrollBy(1200); // a test's scrollIntoView, a dragged scroll bar
    crossBand('c');
    expect(current).toEqual(['c']);
    // Later size changes no longer scroll the page back.
    FakeResizeObserver.all[0].callback();
    expect(document.getElementById('b')?.scrollIntoView).toHaveBeenCalledTimes(1);
  });

  test('a press and release on the page (a click in the text, on a control) keeps the pin; a wheel lets go', () => {
    // A click right after a jump, while the sections above still load: a press is not a scroll (the tester's
    // click 0.3 s after a jump to section 14 left the reader 2,370 px down, in the lab, when a press let go).
    window.dispatchEvent(new PointerEvent('pointerdown'));
    window.dispatchEvent(new PointerEvent('pointerup'));
    for (const id of ['b', 'c']) tops[id] += 400;
    FakeResizeObserver.all[0].callback();
    expect(tops.b).toBe(0);
    window.dispatchEvent(new WheelEvent('wheel'));
    for (const id of ['b', 'c']) tops[id] += 400;
    FakeResizeObserver.all[0].callback();
    expect(tops.b).toBe(400);
  });

  test('content above growing, with the page taller, is put back; a jump farther than it grew lets go', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 10_300, configurable: true });
    scrollBy(-300); // the section above grew by 300 px, and anchoring held something else: the section moved down by it
    expect(tops.b).toBe(0); // put back
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 10_500, configurable: true });
    scrollBy(-5000); // a test's jump to the top, in a moment the page also grew by 200 px
    crossBand('a');
    expect(current).toEqual(['a']);
    expect(tops.b).toBe(5000); // not put back
  });

  test('a scroll up to the pinned section lets go too', () => {
    scrollBy(-600);
    crossBand('a');
    expect(current).toEqual(['a']);
  });

  test('a scroll by a pixel (scroll anchoring rounding) keeps the pin', () => {
    scrollBy(1);
    crossBand('c');
    expect(current).toEqual([]);
  });

  test('the pin lets go once the content has kept its size for a quiet second', () => {
    vi.advanceTimersByTime(PIN_QUIET_MS - 100);
    FakeResizeObserver.all[0].callback(); // still settling: the wait starts again
    vi.advanceTimersByTime(PIN_QUIET_MS - 100);
    crossBand('c');
    expect(current).toEqual([]);
    vi.advanceTimersByTime(200);
    crossBand('c');
    expect(current).toEqual(['c']);
  });

  test('a layout that never settles still lets go after the longest wait', () => {
    for (let t = 0; t < PIN_LONGEST_MS; t += PIN_QUIET_MS / 2) {
      FakeResizeObserver.all[0].callback();
      vi.advanceTimersByTime(PIN_QUIET_MS / 2);
    }
    crossBand('c');
    expect(current).toEqual(['c']);
  });

  test("a table-of-contents click: the browser's own smooth scroll keeps the pin, which waits for it to end, then for a quiet second", () => {
    pinSection('c');
    scrollBy(300); // the browser's smooth scroll, under way
    scrollBy(350);
    vi.advanceTimersByTime(3 * PIN_QUIET_MS);
    crossBand('a');
    expect(current).toEqual([]);
    window.dispatchEvent(new Event('scrollend')); // it has ended: from here on, the section stays where it is
    scrollBy(-40); // someone else's scroll
    crossBand('a');
    expect(current).toEqual(['a']);
  });

  test('a smooth scroll that ends off the section (content above changed size on the way, without a resize of the whole) is finished at once', () => {
    pinSection('c');
    scrollBy(500); // the browser aimed at c's old place: c ends 200 px below the top
    expect(tops.c).toBe(200);
    window.dispatchEvent(new Event('scrollend'));
    expect(tops.c).toBe(0);
    window.dispatchEvent(new Event('scroll')); // the app's own scroll keeps the pin
    crossBand('a');
    expect(current).toEqual([]);
  });

  test('after the smooth scroll has ended, a quiet second lets go', () => {
    pinSection('c');
    scrollBy(700);
    window.dispatchEvent(new Event('scrollend'));
    vi.advanceTimersByTime(PIN_QUIET_MS - 1);
    crossBand('a');
    expect(current).toEqual([]);
    vi.advanceTimersByTime(1);
    crossBand('a');
    expect(current).toEqual(['a']);
  });

  test('a key press lets go at once, as before', () => {
    window.dispatchEvent(new KeyboardEvent('keydown'));
    crossBand('a');
    expect(current).toEqual(['a']);
  });
});
