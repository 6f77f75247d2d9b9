import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

type Turns = typeof import('../../../app/ui/chartTurns');
let turns: Turns;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  turns = await import('../../../app/ui/chartTurns');
});
afterEach(() => vi.useRealTimers());

/** Three charts in the queue; returns the order of their grants and their `leave`s. */
function three() {
  const granted: string[] = [];
  const leave = ['a', 'b', 'c'].map((name) => turns.waitForTurn(() => granted.push(name)));
  return { granted, leave };
}

describe('chartTurns: one chart draws per task', () => {
  test('the first turn comes a moment later, not in the mounting task; the next only once the last chart has committed', () => {
    const { granted, leave } = three();
    expect(granted).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a']);
    vi.advanceTimersByTime(100);
    expect(granted).toEqual(['a']); // a has not committed yet
    leave[0]();
    expect(granted).toEqual(['a']); // not in the same task
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a', 'b']);
    leave[1]();
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a', 'b', 'c']);
  });

  test('a chart that never commits holds the queue 500 ms at most', () => {
    const { granted } = three();
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a']);
    vi.advanceTimersByTime(499 + 16);
    expect(granted).toEqual(['a']);
    vi.advanceTimersByTime(1); // 500 ms, then the gap
    expect(granted).toEqual(['a', 'b']);
  });

  test('a chart that goes away before its turn leaves the queue; a chart gone in its turn ends it', () => {
    const { granted, leave } = three();
    leave[1]();
    vi.advanceTimersByTime(16);
    leave[0]();
    leave[0](); // twice: nothing more
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a', 'c']);
  });

  test('drawn at once (printing, tests): the waiting charts now, a new one as it waits', () => {
    const { granted } = three();
    expect(turns.drawsAtOnce()).toBe(false);
    turns.drawChartsAtOnce();
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(turns.drawsAtOnce()).toBe(true);
    turns.waitForTurn(() => granted.push('d'));
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('chartTurns: a follow-up turn (ChartLater: the second part of a chart)', () => {
  test('a follow-up asked for while a chart draws comes next, before the charts that were waiting, in a task of its own', () => {
    const { granted, leave } = three();
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a']);
    const after = turns.waitForTurn(() => granted.push('a, later part'), null, true);
    leave[0]();
    expect(granted).toEqual(['a']); // not in a's task
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a', 'a, later part']);
    after();
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['a', 'a, later part', 'b']);
  });
});

describe('chartTurns: a turn after the next frame', () => {
  test('where there are frames, a turn comes in a task after the next frame (the page is laid out when the chart measures itself), or 100 ms later without frames', async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.resetModules();
    turns = await import('../../../app/ui/chartTurns');
    const { granted, leave } = three();
    vi.advanceTimersByTime(50);
    expect(granted).toEqual([]); // no frame yet: no turn, where a timer alone gave one after 16 ms
    frames.shift()?.();
    expect(granted).toEqual([]); // not inside the frame's callback either
    vi.advanceTimersByTime(0);
    expect(granted).toEqual(['a']);
    leave[0]();
    vi.advanceTimersByTime(99);
    expect(granted).toEqual(['a']);
    vi.advanceTimersByTime(1); // a hidden tab has no frames: the turn comes anyway
    expect(granted).toEqual(['a', 'b']);
    vi.unstubAllGlobals();
  });
});

describe('chartTurns: a chart on the screen first', () => {
  /** A stand-in for the browser's IntersectionObserver: `show(box, on)` reports a box coming on or off the screen. */
  function fakeScreen() {
    const observers: { cb: (entries: { target: object; isIntersecting: boolean }[]) => void; boxes: Set<object> }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        boxes = new Set<object>();
        constructor(cb: (entries: { target: object; isIntersecting: boolean }[]) => void) {
          observers.push({ cb, boxes: this.boxes });
        }
        observe(box: object) {
          this.boxes.add(box);
        }
        unobserve(box: object) {
          this.boxes.delete(box);
        }
      },
    );
    return {
      show: (box: object, on: boolean) => observers.forEach((o) => o.boxes.has(box) && o.cb([{ target: box, isIntersecting: on }])),
      watched: () => observers.reduce((n, o) => n + o.boxes.size, 0),
    };
  }
  afterEach(() => vi.unstubAllGlobals());

  test('the chart whose box is on the screen draws before the ones that mounted earlier off it; then the rest in order', () => {
    const screen = fakeScreen();
    const granted: string[] = [];
    const boxes = ['a', 'b', 'c'].map((name) => ({ name }) as unknown as Element);
    const leave = boxes.map((box, i) => turns.waitForTurn(() => granted.push('abc'[i]), box));
    expect(screen.watched()).toBe(3);
    screen.show(boxes[2], true);
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['c']);
    leave[2]();
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['c', 'a']);
    // A box that left the screen again waits its place in the mounting order.
    screen.show(boxes[1], true);
    screen.show(boxes[1], false);
    leave[0]();
    vi.advanceTimersByTime(16);
    expect(granted).toEqual(['c', 'a', 'b']);
    expect(screen.watched()).toBe(0); // a box is watched only while its chart waits
  });
});
