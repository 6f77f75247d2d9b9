import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

type Queue = typeof import('../../../app/shell/liveQueue');

/** A fresh copy of the queue (it is one per page). */
const fresh = async (): Promise<Queue> => {
  vi.resetModules();
  return import('../../../app/shell/liveQueue');
};

describe('liveQueue: pre-rendered sections go live one at a time while the page is idle, once the reader has begun', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div id="root"></div>';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  test('in page order, one per idle period, none before the queue starts; the page is marked once none waits', async () => {
    const q = await fresh();
    const live: string[] = [];
    const leave: Record<string, () => void> = {};
    for (const id of ['a', 'b', 'c']) leave[id] = q.waitToGoLive(id, () => live.push(id));
    vi.advanceTimersByTime(5000);
    expect(live).toEqual([]); // not started: the first screen is drawn first
    q.startLiveQueue();
    vi.advanceTimersByTime(300);
    expect(live).toEqual([]); // started, but the reader has not begun
    window.dispatchEvent(new Event('wheel')); // (a key would start it too, and hold it a moment: the next test)
    vi.advanceTimersByTime(1);
    expect(live).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a']);
    leave.a(); // a's live commit
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a', 'b']);
    leave.b();
    expect(document.getElementById('root')?.hasAttribute('data-all-live')).toBe(false);
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a', 'b', 'c']);
    leave.c();
    vi.advanceTimersByTime(1);
    expect(document.getElementById('root')?.hasAttribute('data-all-live')).toBe(true);
  });

  test.each(['pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'])('the reader’s first %s starts the queue', async (type) => {
    const q = await fresh();
    const live: string[] = [];
    q.waitToGoLive('a', () => live.push('a'));
    q.startLiveQueue();
    vi.advanceTimersByTime(2000);
    expect(live).toEqual([]);
    window.dispatchEvent(new Event(type));
    window.dispatchEvent(new Event('pointerup'));
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a']);
  });

  test('while the reader drags (a pointer held down) no section goes live; the queue goes on when the pointer is up', async () => {
    const q = await fresh();
    const live: string[] = [];
    for (const id of ['a', 'b']) q.waitToGoLive(id, () => live.push(id));
    q.startLiveQueue();
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(5000);
    expect(live).toEqual([]);
    window.dispatchEvent(new Event('pointerup'));
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a']);
    window.dispatchEvent(new Event('pointerdown')); // a second drag holds it again
    vi.advanceTimersByTime(5000);
    expect(live).toEqual(['a']);
    window.dispatchEvent(new Event('pointercancel'));
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a', 'b']);
  });

  test('separate key presses hold the queue: a section goes live once no key has been pressed for a quarter of a second', async () => {
    const q = await fresh();
    const live: string[] = [];
    for (const id of ['a', 'b']) q.waitToGoLive(id, () => live.push(id));
    q.startLiveQueue();
    for (let i = 0; i < 10; i++) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      window.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight' }));
      vi.advanceTimersByTime(100);
    }
    expect(live).toEqual([]); // a press every 100 ms for a second
    vi.advanceTimersByTime(400);
    expect(live).toEqual(['a']);
  });

  test('without any input the queue starts once the page has been quiet for QUIET_MS after loading', async () => {
    const q = await fresh();
    const live: string[] = [];
    q.waitToGoLive('a', () => live.push('a'));
    q.startLiveQueue();
    vi.advanceTimersByTime(q.QUIET_MS - 1);
    expect(live).toEqual([]);
    vi.advanceTimersByTime(301);
    expect(live).toEqual(['a']);
  });

  test('a section that went live by itself (it neared the screen) leaves the queue: its turn is not taken', async () => {
    const q = await fresh();
    const live: string[] = [];
    q.waitToGoLive('a', () => live.push('a'));
    const leaveB = q.waitToGoLive('b', () => live.push('b'));
    q.startLiveQueue();
    window.dispatchEvent(new Event('wheel'));
    leaveB();
    vi.advanceTimersByTime(2000);
    expect(live).toEqual(['a']);
  });

  test('once stopped (the page reloads for a new version) no waiting section goes live any more', async () => {
    const q = await fresh();
    const live: string[] = [];
    for (const id of ['a', 'b']) q.waitToGoLive(id, () => live.push(id));
    q.startLiveQueue();
    window.dispatchEvent(new Event('pointerdown'));
    window.dispatchEvent(new Event('pointerup'));
    vi.advanceTimersByTime(300);
    expect(live).toEqual(['a']);
    q.stopLiveQueue();
    vi.advanceTimersByTime(q.QUIET_MS);
    expect(live).toEqual(['a']);
  });

  test('not marked while a pre-rendered body is still on the page', async () => {
    const q = await fresh();
    document.body.innerHTML = '<div id="root"><div class="section-static-slot"></div></div>';
    q.startLiveQueue();
    vi.advanceTimersByTime(10);
    expect(document.getElementById('root')?.hasAttribute('data-all-live')).toBe(false);
  });

  test('before printing, every waiting section goes live at once (urgent)', async () => {
    const q = await fresh();
    const calls: [string, boolean][] = [];
    for (const id of ['a', 'b']) q.waitToGoLive(id, (urgent) => calls.push([id, urgent]));
    q.startLiveQueue();
    window.dispatchEvent(new Event('beforeprint'));
    expect(calls).toEqual([
      ['a', true],
      ['b', true],
    ]);
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(2);
  });
});
