import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { expect, test } from 'vitest';
import { DotPlot } from '../../../app/ui/DotPlot';

/**
 * Dragging a point (issue 15): the axis does not rescale under the finger while the point is dragged,
 * and does on release; the values follow every move. jsdom's plot is 640 px wide (x in [20, 620]).
 */
function Controlled({ initial = [1, 2, 3, 4] }: { initial?: number[] }) {
  const [values, setValues] = useState(initial);
  return (
    <>
      <DotPlot values={values} axis="z" label="points" onMove={(i, v) => setValues((vs) => vs.map((x, j) => (j === i ? v : x)))} />
      <output data-testid="values">{values.join(' ')}</output>
    </>
  );
}
const ticks = () => Array.from(document.querySelectorAll('.axis text'), (t) => t.textContent).join(' ');

test('while a point is dragged the axis keeps its range, the values follow every move, and on release the axis fits the new values', () => {
  render(<Controlled />);
  const before = ticks();
  const point = screen.getByRole('slider', { name: /^Sample 4/ });
  fireEvent.pointerDown(point, { pointerId: 1, clientX: 500 });
  fireEvent.pointerMove(point, { pointerId: 1, clientX: 2000 }); // past the right end: clamped to the frozen axis
  const right = Number(screen.getByTestId('values').textContent?.split(' ')[3]);
  expect(ticks()).toBe(before);
  fireEvent.pointerMove(point, { pointerId: 1, clientX: 20 }); // the left end
  const left = Number(screen.getByTestId('values').textContent?.split(' ')[3]);
  expect(left).toBeLessThan(right);
  expect(ticks()).toBe(before);
  // Released past the old range's end: the axis then grows to hold the point.
  fireEvent.pointerMove(point, { pointerId: 1, clientX: 620 });
  fireEvent.pointerUp(point, { pointerId: 1 });
  fireEvent.keyDown(point, { key: 'PageUp' });
  fireEvent.keyDown(point, { key: 'PageUp' });
  expect(Number(screen.getByTestId('values').textContent?.split(' ')[3])).toBeGreaterThan(right);
  expect(ticks()).not.toBe(before);
});

test('a dragged point keeps the row it was pressed in (under the pointer) while it passes the others', () => {
  render(<Controlled initial={[1, 1, 1, 4]} />);
  const row = (name: RegExp) => screen.getByRole('slider', { name }).getAttribute('transform')?.split(' ')[1];
  const pressedRow = row(/^Sample 2/);
  expect(new Set([row(/^Sample 1/), pressedRow, row(/^Sample 3/)]).size).toBe(3);
  const point = screen.getByRole('slider', { name: /^Sample 2/ });
  fireEvent.pointerDown(point, { pointerId: 1, clientX: 240 });
  for (const clientX of [300, 400, 500, 560, 500, 300, 200, 100]) {
    fireEvent.pointerMove(point, { pointerId: 1, clientX });
    expect(row(/^Sample 2/)).toBe(pressedRow);
  }
  fireEvent.pointerUp(point, { pointerId: 1 });
});

test('a point moved by a held arrow key keeps its row too; a single key press does not hold it', () => {
  render(<Controlled initial={[1, 1, 1, 4]} />);
  const row = () => screen.getByRole('slider', { name: /^Sample 2/ }).getAttribute('transform')?.split(' ')[1];
  const point = screen.getByRole('slider', { name: /^Sample 2/ });
  act(() => point.focus());
  fireEvent.keyDown(point, { key: 'ArrowRight', repeat: true });
  const held = row();
  // Shift: steps of 1, from 1.1 to 2.1: away from the stack at 1, short of the point at 4.
  fireEvent.keyDown(point, { key: 'ArrowRight', shiftKey: true, repeat: true });
  expect(row()).toBe(held);
  fireEvent.keyUp(point, { key: 'ArrowRight' });
  // Released: the swarm is laid out afresh (far to the right of the others, it sits on the axis).
  expect(row()).not.toBe(held);
});

test('the active point’s value is drawn after every point (points stacked above it do not cover it), hidden from screen readers', () => {
  const { container } = render(<Controlled initial={[1, 1, 1, 4]} />);
  const point = screen.getByRole('slider', { name: /^Sample 1/ });
  act(() => point.focus());
  const label = container.querySelector('.dot-label');
  expect(label).toHaveTextContent('z₁ = 1');
  expect(label?.getAttribute('aria-hidden')).toBe('true');
  const dots = container.querySelectorAll('g.dot');
  expect(dots[dots.length - 1].compareDocumentPosition(label as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  // Drawn at the point: its x is the point's.
  expect(label?.getAttribute('x')).toBe(point.getAttribute('transform')?.match(/translate\(([-\d.]+)/)?.[1]);
});
