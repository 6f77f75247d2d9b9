import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { useChartTip } from '../../../app/ui/useChartTip';

/** A chart's stand-in: what reaches it of a touch's moves, and the Tooltip's `active` as the hook gives it. */
function Chart({ moved }: { moved: () => void }) {
  const tip = useChartTip();
  return (
    <div {...tip.handlers}>
      <svg data-testid="chart" onTouchMove={moved} />
      <output data-testid="active">{String(tip.active)}</output>
    </div>
  );
}

const scrollTo = (y: number) => Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
afterEach(() => scrollTo(0));

test('a touch that scrolls the page hides the tooltip, and its further moves do not reach the chart', () => {
  const moved = vi.fn();
  render(<Chart moved={moved} />);
  const chart = screen.getByTestId('chart');
  scrollTo(100);
  fireEvent.touchStart(chart, { touches: [{ clientX: 50, clientY: 300 }] });
  fireEvent.touchMove(chart, { touches: [{ clientX: 50, clientY: 290 }] });
  expect(moved).toHaveBeenCalledTimes(1); // no scroll yet: Recharts follows the finger
  scrollTo(160);
  fireEvent.touchMove(chart, { touches: [{ clientX: 50, clientY: 230 }] });
  fireEvent.touchMove(chart, { touches: [{ clientX: 50, clientY: 170 }] });
  fireEvent.touchEnd(chart);
  expect(moved).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId('active')).toHaveTextContent('false');
});

test('after it, a touch that does not scroll (a sideways scrub), or a mouse, shows the tooltip again', () => {
  const moved = vi.fn();
  render(<Chart moved={moved} />);
  const chart = screen.getByTestId('chart');
  fireEvent.touchStart(chart, { touches: [{ clientX: 50, clientY: 300 }] });
  scrollTo(80);
  fireEvent.touchMove(chart, { touches: [{ clientX: 50, clientY: 220 }] });
  expect(screen.getByTestId('active')).toHaveTextContent('false');
  fireEvent.touchStart(chart, { touches: [{ clientX: 50, clientY: 300 }] });
  fireEvent.touchMove(chart, { touches: [{ clientX: 90, clientY: 301 }] });
  expect(moved).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId('active')).toHaveTextContent('undefined');
  fireEvent.touchStart(chart, { touches: [{ clientX: 50, clientY: 300 }] });
  scrollTo(140);
  fireEvent.touchEnd(chart); // a fling that scrolled only as the finger lifted
  expect(screen.getByTestId('active')).toHaveTextContent('false');
  fireEvent.mouseMove(chart);
  expect(screen.getByTestId('active')).toHaveTextContent('undefined');
});
