import { afterEach, beforeEach, expect, onTestFinished, test, vi } from 'vitest';

/**
 * drawBlocks.ts: once every section is live, each block not drawn yet is drawn (data-drawn, for good), a few per frame,
 * in page order; a block the browser drew as the reader came near is marked drawn and left alone; the page is marked at the end.
 */
let frames: (() => void)[] = [];

// The app project shares one jsdom between files (isolate: false): the stand-in requestAnimationFrame goes in before the
// fake timers and comes out after them, so the page's own is back for the next file (put back first, it left the fake
// timers' dead one behind, and a later file's frames never came).
beforeEach(() => {
  vi.resetModules();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** A page of sections whose blocks hold `sizes[i][j]` elements each. */
function page(sizes: number[][]): HTMLElement[] {
  document.body.innerHTML = `<div id="root"><main class="content">${sizes
    .map((blocks, i) => `<section class="section" id="s${i}"><h2>S${i}</h2>${blocks.map((n, j) => `<div id="b${i}-${j}">${'<i></i>'.repeat(n - 1)}</div>`).join('')}</section>`)
    .join('')}</main></div>`;
  return [...document.querySelectorAll<HTMLElement>('.section > div')];
}

/** Runs idle time until the next frame is asked for; returns the blocks marked drawn in it, and ends the frame. */
function nextFrame(): string[] {
  const before = new Set([...document.querySelectorAll('[data-drawn]')].map((b) => b.id));
  vi.advanceTimersByTime(1000);
  const drawing = [...document.querySelectorAll('[data-drawn]')].map((b) => b.id).filter((id) => !before.has(id));
  frames.shift()?.();
  vi.advanceTimersByTime(0);
  return drawing;
}

test('every block not drawn, a frame’s worth at a time (about 600 elements; a bigger block alone), in page order, for good; then the page is marked', async () => {
  page([[300, 300, 300], [2000], [10, 10]]);
  const { drawBlocksWhenIdle } = await import('../../../app/shell/drawBlocks');
  drawBlocksWhenIdle();
  expect(nextFrame()).toEqual(['b0-0', 'b0-1']);
  expect(nextFrame()).toEqual(['b0-2']);
  expect(nextFrame()).toEqual(['b1-0']);
  expect(nextFrame()).toEqual(['b2-0', 'b2-1']);
  expect(document.querySelectorAll('.section > div:not([data-drawn])')).toHaveLength(0);
  expect(document.getElementById('root')?.hasAttribute('data-all-drawn')).toBe(false);
  vi.advanceTimersByTime(1000);
  expect(document.getElementById('root')?.hasAttribute('data-all-drawn')).toBe(true);
  expect(frames).toHaveLength(0);
});

/** Puts each block at `tops[id]` px from the top of the screen (jsdom lays nothing out), 10 px tall. */
function placeBlocks(tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops)) {
    const block = document.getElementById(id);
    if (block) block.getBoundingClientRect = () => ({ top, bottom: top + 10, left: 0, right: 100, width: 100, height: 10, x: 0, y: top, toJSON: () => ({}) });
  }
}

test('while a section still shows its pre-rendered body, only the live blocks near the screen (a screen above it to three below), in page order; the rest once every section is live; a block the browser already drew (near the screen) is not drawn again', async () => {
  const blocks = page([[10, 10, 10], [10]]);
  const slot = document.createElement('div');
  slot.className = 'section-static-slot';
  document.getElementById('s1')?.append(slot);
  const h = window.innerHeight;
  placeBlocks({ 'b0-0': -3 * h, 'b0-1': 2 * h, 'b0-2': 5 * h, 'b1-0': 0.5 * h });
  const { drawBlocksWhenIdle } = await import('../../../app/shell/drawBlocks');
  drawBlocksWhenIdle();
  expect(nextFrame()).toEqual(['b0-1', 'b1-0']);
  vi.advanceTimersByTime(3000);
  expect(frames).toHaveLength(0); // nothing near is left: the others wait for the live queue
  slot.remove();
  const shown = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false });
  blocks[0].dispatchEvent(shown);
  expect(blocks[0].hasAttribute('data-drawn')).toBe(true);
  placeBlocks({ 'b0-2': 0 });
  expect(nextFrame()).toEqual(['b0-2']);
  vi.advanceTimersByTime(1000);
  expect(document.getElementById('root')?.hasAttribute('data-all-drawn')).toBe(true);
});

test('the page is marked drawn only once no font is loading, and a frame after the fonts came (equations measure then)', async () => {
  page([[10]]);
  let loaded = () => {};
  const fonts = { status: 'loading', ready: new Promise<void>((r) => (loaded = r)) };
  // jsdom has no document.fonts; the stand-in goes when the test ends (the app project shares one jsdom between files).
  Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
  onTestFinished(() => void Reflect.deleteProperty(document, 'fonts'));
  const { drawBlocksWhenIdle } = await import('../../../app/shell/drawBlocks');
  drawBlocksWhenIdle();
  expect(nextFrame()).toEqual(['b0-0']);
  vi.advanceTimersByTime(1000);
  const root = document.getElementById('root');
  expect(root?.hasAttribute('data-all-drawn')).toBe(false);
  fonts.status = 'loaded';
  loaded();
  await Promise.resolve();
  await Promise.resolve();
  vi.advanceTimersByTime(1000);
  expect(root?.hasAttribute('data-all-drawn')).toBe(false);
  frames.shift()?.();
  vi.advanceTimersByTime(1000);
  expect(root?.hasAttribute('data-all-drawn')).toBe(true);
});
