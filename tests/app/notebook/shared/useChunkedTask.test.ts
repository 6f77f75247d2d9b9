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

  test('a task whose code loads on demand (a promise) starts when it settles; unmounted first, it never steps', async () => {
    vi.useFakeTimers();
    let k = 0;
    let settle: (t: { step(): boolean; view(): number }) => void = () => {};
    const loading = new Promise<{ step(): boolean; view(): number }>((done) => (settle = done));
    const { result } = renderHook(() => useChunkedTask(() => loading, []));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(result.current).toEqual({ view: null, done: false });
    await act(async () => {
      settle({ step: () => ++k >= 3, view: () => k });
      await vi.runAllTimersAsync();
    });
    expect(result.current).toEqual({ view: 3, done: true });

    let steps = 0;
    let settleLate: (t: { step(): boolean; view(): number }) => void = () => {};
    const late = new Promise<{ step(): boolean; view(): number }>((done) => (settleLate = done));
    const { unmount } = renderHook(() => useChunkedTask(() => late, []));
    unmount();
    await act(async () => {
      settleLate({ step: () => (++steps, false), view: () => steps });
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(steps).toBe(0);
    vi.useRealTimers();
  });
});
