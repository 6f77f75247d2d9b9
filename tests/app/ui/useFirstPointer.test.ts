import { act, renderHook } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useFirstPointer } from '../../../app/ui/useFirstPointer';

test('useFirstPointer: false until the task after the first pointer (nothing changes under it during its events), then true for good, with one stable handler', async () => {
  const { result, rerender } = renderHook(() => useFirstPointer());
  const [seen, note] = result.current;
  expect(seen).toBe(false);
  act(() => note());
  expect(result.current[0]).toBe(false);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(result.current[0]).toBe(true);
  rerender();
  expect(result.current[0]).toBe(true);
  expect(result.current[1]).toBe(note);
});
