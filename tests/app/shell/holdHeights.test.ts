import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { heldBlocks, hold, holdHeightsInGestures } from '../../../app/shell/holdHeights';

/**
 * Issue 15: during a drag nothing in its section moves up or down. The blocks that hold the pressed element, those
 * above them and the section's own blocks keep the tallest height they reach, until the gesture ends.
 */

let observers: FakeObserver[] = [];
class FakeObserver {
  targets = new Set<Element>();
  constructor(readonly callback: ResizeObserverCallback) {
    observers.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** What the browser does after a layout: report each observed element's new height. */
  report(el: Element, height: number) {
    if (!this.targets.has(el)) return;
    const entry = { target: el, borderBoxSize: [{ blockSize: height, inlineSize: 100 }] } as unknown as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
}

beforeEach(() => {
  observers = [];
  vi.stubGlobal('ResizeObserver', FakeObserver);
  document.body.innerHTML = `
    <main class="content"><section class="section" id="s">
      <h2>Title</h2>
      <div class="eq-pair" id="eq">equation</div>
      <div class="prose" id="prose"><p>text</p></div>
      <div class="panel" id="panel"><p id="above">read-out</p><figure id="figure"><svg><g id="dot"></g></svg></figure></div>
      <div class="numbers" id="after">table</div>
    </section></main>`;
});
afterEach(() => vi.unstubAllGlobals());

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const sized = (el: HTMLElement, height: number) => (el.getBoundingClientRect = () => ({ height }) as DOMRect);

test('the blocks held are the pressed element’s ancestors, those before each, and the section’s own blocks', () => {
  const ids = heldBlocks($('dot'), $('s')).map((el) => el.id || el.tagName.toLowerCase());
  expect(ids.sort()).toEqual(['above', 'after', 'eq', 'figure', 'h2', 'panel', 'prose'].sort());
});

test('a held block keeps its tallest height until the release, then its own; a block a margin could collapse through is left alone', () => {
  // jsdom computes no layout: the panel and the equation have a border (holdable), the prose has none.
  $('eq').style.borderBottom = '1px solid';
  $('panel').style.paddingBottom = '4px';
  sized($('eq'), 115);
  sized($('panel'), 320);
  sized($('prose'), 40);
  $('panel').style.minHeight = '10px'; // a value of its own, given back at the release
  const release = hold([$('eq'), $('panel'), $('prose')]);
  expect($('eq').style.minHeight).toBe('115px');
  expect($('panel').style.minHeight).toBe('320px');
  expect($('prose').style.minHeight).toBe('');
  const [ro] = observers;
  // The equation wraps onto a second line: the observer reports it taller, and that height is held from then on.
  ro.report($('eq'), 151);
  expect($('eq').style.minHeight).toBe('151px');
  // A shorter report (it cannot happen while held, but a stale one may come): the tallest stays.
  ro.report($('eq'), 115);
  expect($('eq').style.minHeight).toBe('151px');
  release();
  expect($('eq').style.minHeight).toBe('');
  expect($('panel').style.minHeight).toBe('10px');
  expect(ro.targets.size).toBe(0);
});

test('a block above the pressed element that grows scrolls the page by as much, at once: the pressed point stays where it is on the screen', () => {
  let dotTop = 400;
  const scrolls: unknown[] = [];
  // An instant scroll moves what is on the screen before the next line runs.
  vi.stubGlobal('scrollBy', (options: ScrollToOptions) => {
    scrolls.push(options);
    dotTop -= options.top ?? 0;
  });
  $('eq').style.borderBottom = '1px solid';
  sized($('eq'), 115);
  $('figure').getBoundingClientRect = () => ({ top: dotTop, height: 20 }) as DOMRect;
  const release = hold([$('eq'), $('panel')], $('figure'));
  const [ro] = observers;
  // The equation wraps: 36 px taller, the point 36 px lower.
  dotTop = 436;
  ro.report($('eq'), 151);
  expect(scrolls).toEqual([{ top: 36, behavior: 'instant' }]);
  expect(dotTop).toBe(400);
  // The reader scrolls (or the browser's scroll anchoring does): that is where the point is now; nothing to make up.
  dotTop = 250;
  window.dispatchEvent(new Event('scroll'));
  ro.report($('panel'), 500);
  expect(scrolls).toHaveLength(1);
  release();
  // Released: a later scroll or size change is none of its business.
  dotTop = 300;
  window.dispatchEvent(new Event('scroll'));
  ro.report($('eq'), 200);
  expect(scrolls).toHaveLength(1);
});

test('only a press on what a pointer drags (a point, a slider, a plot) holds heights; a finger put down on the text to swipe holds nothing', () => {
  holdHeightsInGestures();
  $('prose').querySelector('p')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
  expect(observers).toHaveLength(0); // nothing observed: the browser's scroll anchoring is left alone
  window.dispatchEvent(new PointerEvent('pointerup'));
  $('dot').setAttribute('role', 'slider');
  $('dot').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
  expect(observers).toHaveLength(1);
  expect(observers[0].targets.has($('figure'))).toBe(true);
  window.dispatchEvent(new PointerEvent('pointerup'));
});
