import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { MountLater } from '../../../app/lab/MountLater';

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
