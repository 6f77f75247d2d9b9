import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { afterFrame } from '../../../app/ui/afterFrame';

let frames: (() => void)[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function withFrames(): void {
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => undefined;
  });
}

test('runs in a task after the next frame: not before the frame, not inside its callback', () => {
  withFrames();
  const run = vi.fn();
  afterFrame(run);
  vi.advanceTimersByTime(1000);
  expect(run).not.toHaveBeenCalled(); // no frame yet, and no fallback asked for
  frames[0]();
  expect(run).not.toHaveBeenCalled();
  vi.advanceTimersByTime(0);
  expect(run).toHaveBeenCalledTimes(1);
});

test('where frames stop, framelessMs later anyway, once; a frame that comes after that runs nothing more', () => {
  withFrames();
  const run = vi.fn();
  afterFrame(run, 100);
  vi.advanceTimersByTime(99);
  expect(run).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(run).toHaveBeenCalledTimes(1);
  frames[0]();
  vi.advanceTimersByTime(100);
  expect(run).toHaveBeenCalledTimes(1);
});

test('cancelled, it never runs; without requestAnimationFrame (Node) it runs framelessMs later', () => {
  withFrames();
  const run = vi.fn();
  afterFrame(run, 100)();
  frames[0]();
  vi.advanceTimersByTime(200);
  expect(run).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
  vi.stubGlobal('requestAnimationFrame', undefined);
  afterFrame(run, 16);
  vi.advanceTimersByTime(15);
  expect(run).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(run).toHaveBeenCalledTimes(1);
});
