import { act, renderHook } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { useChunkedTask } from '../../../../app/notebook/shared/useChunkedTask';

describe('useChunkedTask', () => {
  test('runs a 5-step task in slices to the end, then reports done with the final view', async () => {
    vi.useFakeTimers();
    let k = 0;
    const { result } = renderHook(() => useChunkedTask(() => ({ step: () => ++k >= 5, view: () => k }), []));
    expect(result.current.done).toBe(false);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(result.current).toEqual({ view: 5, done: true });
    vi.useRealTimers();
  });

  test('waits while start is false, and stops stepping after unmount', async () => {
    vi.useFakeTimers();
    let steps = 0;
    const create = () => ({ step: () => (++steps, false), view: () => steps });
    const { result, rerender, unmount } = renderHook(({ start }) => useChunkedTask(create, [], start, 0), { initialProps: { start: false } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(steps).toBe(0);
    expect(result.current.view).toBeNull();
    rerender({ start: true });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5);
    });
    expect(steps).toBeGreaterThan(0);
    unmount();
    const after = steps;
    await vi.advanceTimersByTimeAsync(50);
    expect(steps).toBe(after);
    vi.useRealTimers();
  });
});
