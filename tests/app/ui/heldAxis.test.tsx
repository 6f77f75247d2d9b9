import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { MappingPlot } from '../../../app/ui/MappingPlot';
import { DotPlot } from '../../../app/ui/DotPlot';
import { niceDomain } from '../../../app/ui/scale';

/**
 * Issue 15: an axis does not rescale under the finger. During a gesture (a pointer held down, a key
 * held and repeating) a plot keeps the range it showed when the gesture began; values beyond it are drawn
 * hollow at the edge and counted; the axis refits when the gesture ends. A single key press refits at once.
 */

const zNorm = [-1.5, -0.5, 0.5, 1.5];
/** Section 7's map, as its panel draws it: Zₙₒᵣₘ above, γ·Zₙₒᵣₘ below, one shared range fitted to both. */
function Map({ gamma }: { gamma: number }) {
  const y = zNorm.map((v) => gamma * v);
  const domain = niceDomain([...zNorm, ...y], [-2.5, 2.5]);
  return <MappingPlot label="map" top={{ values: zNorm, domain, name: 'Zₙₒᵣₘ', tone: 'norm' }} bottom={{ values: y, domain, name: 'Z̃', tone: 'out' }} />;
}

const ticks = (container: HTMLElement) => Array.from(container.querySelectorAll('.axis'), (a) => Array.from(a.querySelectorAll('text'), (t) => t.textContent).join(' '));
const up = () => act(() => void window.dispatchEvent(new Event('pointerup')));

afterEach(up);

test('dragging a slider keeps the shared axis; points beyond sit hollow at the edge, counted; release refits', () => {
  const { container, rerender } = render(<Map gamma={1} />);
  const before = ticks(container);
  act(() => void window.dispatchEvent(new Event('pointerdown')));
  rerender(<Map gamma={2} />);
  rerender(<Map gamma={3} />);
  expect(ticks(container)).toEqual(before);
  // γ = 3 sends ±4.5 past the kept range's ends: one point each way, drawn at the edge.
  expect(screen.getByTestId('beyond-above')).toHaveTextContent('1 ▸');
  expect(screen.getByTestId('beyond-below')).toHaveTextContent('◂ 1');
  expect(container.querySelectorAll('.map-dot.beyond')).toHaveLength(2);
  up();
  expect(ticks(container)).not.toEqual(before);
  expect(ticks(container)[1]).toContain('4');
  expect(screen.queryByTestId('beyond-above')).toBeNull();
  expect(container.querySelectorAll('.map-dot.beyond')).toHaveLength(0);
});

test('a key held down (repeating) holds the axis until it is released; a single key press refits at once', () => {
  const { container, rerender } = render(<Map gamma={1} />);
  const before = ticks(container);
  fireEvent.keyDown(window, { key: 'ArrowRight' });
  rerender(<Map gamma={3} />);
  expect(ticks(container)).not.toEqual(before);
  rerender(<Map gamma={1} />);
  fireEvent.keyUp(window, { key: 'ArrowRight' });
  act(() => void fireEvent.keyDown(window, { key: 'ArrowRight', repeat: true }));
  rerender(<Map gamma={3} />);
  expect(ticks(container)).toEqual(before);
  act(() => void fireEvent.keyUp(window, { key: 'ArrowRight' }));
  expect(ticks(container)).not.toEqual(before);
});

test('a dot plot holds its axis during a gesture and refits after it', () => {
  const { container, rerender } = render(<DotPlot label="batch" axis="z" values={[0, 1, 2]} />);
  const before = ticks(container);
  act(() => void window.dispatchEvent(new Event('pointerdown')));
  rerender(<DotPlot label="batch" axis="z" values={[0, 1, 9]} />);
  expect(ticks(container)).toEqual(before);
  expect(screen.getByTestId('beyond-above')).toHaveTextContent('1 ▸');
  up();
  expect(ticks(container)).not.toEqual(before);
  expect(screen.queryByTestId('beyond-above')).toBeNull();
});

test('a dot plot keeps its height during a gesture (its axis stays under the finger): points stacked higher share its top row', () => {
  const height = (container: HTMLElement) => Number(container.querySelector('svg.plot-svg')?.getAttribute('height'));
  const rows = (container: HTMLElement) => new Set(Array.from(container.querySelectorAll('g.dot'), (g) => g.getAttribute('transform')?.split(' ')[1])).size;
  const stackedValues = [0, 0.01, 0.02, 2];
  const spreadValues = [0, 1, 1.5, 2];
  const { container, rerender } = render(<DotPlot label="batch" axis="z" values={stackedValues} />);
  const stacked = height(container);
  expect(rows(container)).toBe(3);
  rerender(<DotPlot label="batch" axis="z" values={spreadValues} />);
  const spread = height(container);
  expect(spread).toBeLessThan(stacked);
  // Spread when the gesture begins: the three close points, stacked three high after it, share the plot's one row.
  act(() => void window.dispatchEvent(new Event('pointerdown')));
  rerender(<DotPlot label="batch" axis="z" values={stackedValues} />);
  expect(height(container)).toBe(spread);
  expect(rows(container)).toBe(1);
  up();
  expect(height(container)).toBe(stacked);
  expect(rows(container)).toBe(3);
  // Stacked when it begins: the plot stays as tall while the points spread.
  act(() => void window.dispatchEvent(new Event('pointerdown')));
  rerender(<DotPlot label="batch" axis="z" values={spreadValues} />);
  expect(height(container)).toBe(stacked);
  up();
  expect(height(container)).toBe(spread);
});

test('pressing a point while another element has the focus keeps the gesture (its blur is not the window’s); the window’s blur ends it', () => {
  const { container, rerender } = render(<DotPlot label="batch" axis="z" values={[0, 1, 2]} />);
  const before = ticks(container);
  const button = document.createElement('button');
  document.body.append(button);
  button.focus();
  act(() => void window.dispatchEvent(new Event('pointerdown')));
  // Pressing a point moves the focus to it: the button blurs (a capturing listener on the window hears it).
  act(() => void button.dispatchEvent(new FocusEvent('blur')));
  rerender(<DotPlot label="batch" axis="z" values={[0, 1, 9]} />);
  expect(ticks(container)).toEqual(before);
  act(() => void window.dispatchEvent(new FocusEvent('blur')));
  expect(ticks(container)).not.toEqual(before);
  button.remove();
});

test('during a gesture the squared deviations still grow, the plot with them: a square is never cut flat (section 5)', () => {
  const plot = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return <DotPlot label="variance" axis="z" values={values} mean={mean} deviations={values.map((v) => v - mean)} domain={[-4, 4]} />;
  };
  const { container, rerender } = render(plot([-0.5, 0, 0.5]));
  const height = () => Number(container.querySelector('svg.plot-svg')?.getAttribute('height'));
  const clip = () => Number(container.querySelector('clipPath rect')?.getAttribute('height'));
  const tallestSquare = () => Math.max(...Array.from(container.querySelectorAll('rect.sq'), (r) => Number(r.getAttribute('height'))));
  const before = height();
  act(() => void window.dispatchEvent(new Event('pointerdown')));
  rerender(plot([-0.5, 0, 3]));
  expect(height()).toBeGreaterThan(before);
  expect(clip()).toBeGreaterThanOrEqual(tallestSquare());
  up();
});
