import { act, renderHook } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useFirstPointer } from '../../../app/ui/useFirstPointer';

test('useFirstPointer: false until the first pointer, then true for good, with one stable handler', () => {
  const { result, rerender } = renderHook(() => useFirstPointer());
  const [seen, note] = result.current;
  expect(seen).toBe(false);
  act(() => note());
  expect(result.current[0]).toBe(true);
  rerender();
  expect(result.current[0]).toBe(true);
  expect(result.current[1]).toBe(note);
});
