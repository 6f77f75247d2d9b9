import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { BoundaryCanvas } from '../../../app/lab/BoundaryCanvas';

const NO_POINTS = { xy: new Float32Array(0), labels: new Uint8Array(0) };

/** Issue 15: a boundary drawn before its box was measured (280 px) made the live lab 140 px shorter for a frame at 1366 px, then taller. */
test('until its box is measured, the canvas is sized by CSS as it will be once measured: a square as wide as its box, 120 to 420 px', () => {
  // jsdom has no ResizeObserver: the box is never measured.
  render(<BoundaryCanvas label="Decision boundary" image={null} resolution={1} extent={{ x0: -1, x1: 1, y0: -1, y1: 1 }} classes={2} points={{ train: NO_POINTS, test: NO_POINTS }} />);
  const canvas = screen.getByRole('img', { name: 'Decision boundary' });
  expect(canvas.style.aspectRatio).toBe('1');
  // (jsdom's style parser drops clamp(): the width is checked in a browser, tests/e2e/no-script.e2e.ts, the lab's heights.)
  expect(canvas.style.width).not.toBe('280px');
  expect(canvas.style.height).toBe('');
});
