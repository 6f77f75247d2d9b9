import { render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useTallestHeight } from '../../../app/ui/useTallestHeight';

/** A stand-in ResizeObserver: `report()` calls every observer, as the browser does after a resize. */
const observers: (() => void)[] = [];
// Stubbed for this file's tests only: the app project shares one jsdom between files (isolate: false).
beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private cb: () => void) {
        observers.push(() => this.cb());
      }
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  observers.length = 0;
  vi.unstubAllGlobals();
});

function Box({ runKey }: { runKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useTallestHeight(ref, runKey);
  return <div ref={ref} data-testid="box" />;
}

test('the box keeps the tallest height it reached (a line wrapping and unwrapping moves nothing below); a new key lets it go', () => {
  const { getByTestId, rerender } = render(<Box runKey={1} />);
  const box = getByTestId('box');
  let height = 190;
  box.getBoundingClientRect = () => ({ height }) as DOMRect;
  const report = () => observers.forEach((o) => o());
  report();
  expect(box.style.minHeight).toBe('190px');
  height = 218;
  report();
  expect(box.style.minHeight).toBe('218px');
  height = 190; // the sentence is one line shorter again: the box stays
  report();
  expect(box.style.minHeight).toBe('218px');
  rerender(<Box runKey={2} />);
  expect(box.style.minHeight).toBe('');
  report();
  expect(box.style.minHeight).toBe('190px');
});
