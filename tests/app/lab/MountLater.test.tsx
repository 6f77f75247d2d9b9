import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { LaterHoldContext, MountLater } from '../../../app/lab/MountLater';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('MountLater: its children are not in the first commit, and are mounted in the next task', async () => {
  vi.useFakeTimers();
  render(
    <>
      <p>top</p>
      <MountLater>
        <p>below</p>
      </MountLater>
    </>,
  );
  expect(screen.getByText('top')).toBeInTheDocument();
  expect(screen.queryByText('below')).toBeNull();
  await act(async () => {
    await vi.runAllTimersAsync();
  });
  expect(screen.getByText('below')).toBeInTheDocument();
});

test('MountLater: unmounted before its task, it mounts nothing (the timer is cleared)', () => {
  vi.useFakeTimers();
  const { unmount } = render(
    <MountLater>
      <p>below</p>
    </MountLater>,
  );
  unmount();
  expect(vi.getTimerCount()).toBe(0);
});

test('MountLater: with a hold, it takes it before its first paint and lets go only once its children are there and settled', async () => {
  vi.useFakeTimers();
  const calls: string[] = [];
  const hold = { take: () => calls.push('take'), release: () => calls.push('release') };
  const Lab = ({ settled }: { settled: boolean }) => (
    <LaterHoldContext value={hold}>
      <MountLater settled={settled}>
        <p>below</p>
      </MountLater>
    </LaterHoldContext>
  );
  const { rerender } = render(<Lab settled={false} />);
  expect(calls).toEqual(['take']);
  await act(async () => {
    await vi.runAllTimersAsync();
  });
  expect(screen.getByText('below')).toBeInTheDocument();
  // Mounted, but not yet at their height (the lab: its run's layout is not known yet): still held.
  expect(calls.at(-1)).toBe('take');
  rerender(<Lab settled />);
  expect(calls.at(-1)).toBe('release');
});
