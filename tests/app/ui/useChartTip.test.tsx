import { act, fireEvent, render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
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

const pageScrolls = () => act(() => void window.dispatchEvent(new Event('scroll')));
const active = () => screen.getByTestId('active').textContent;
/** A finger put down on `el`: its pointerdown, then its touchstart (which a browser sends to the element the touch began on). */
const touchDown = (el: Element) => {
  fireEvent.pointerDown(el, { pointerType: 'touch' });
  fireEvent.touchStart(el, { touches: [{ clientX: 50, clientY: 300 }] });
};

test('a touch on a chart that scrolls the page hides the tooltip, and its further moves do not reach the chart', () => {
  const moved = vi.fn();
  render(<Chart moved={moved} />);
  const chart = screen.getByTestId('chart');
  touchDown(chart);
  fireEvent.touchMove(chart, { touches: [{ clientX: 50, clientY: 290 }] });
  expect(moved).toHaveBeenCalledTimes(1); // no scroll yet: Recharts follows the finger
  expect(active()).toBe('undefined');
  // The browser may send no more of the touch once it scrolls (not even its end): the page's scroll is what tells.
  pageScrolls();
  expect(active()).toBe('false');
  fireEvent.touchMove(chart, { touches: [{ clientX: 50, clientY: 170 }] });
  expect(moved).toHaveBeenCalledTimes(1);
});

test('a touch that does not scroll (a sideways scrub), a moving mouse or a click shows it again; made-up mouse events do not', () => {
  const moved = vi.fn();
  render(<Chart moved={moved} />);
  const chart = screen.getByTestId('chart');
  touchDown(chart);
  pageScrolls();
  expect(active()).toBe('false');
  touchDown(chart);
  fireEvent.touchMove(chart, { touches: [{ clientX: 90, clientY: 301 }] });
  expect(moved).toHaveBeenCalledTimes(1);
  expect(active()).toBe('undefined');
  // A tap's tooltip goes when the page later scrolls (a fling, or a swipe elsewhere).
  pageScrolls();
  expect(active()).toBe('false');
  // The mouse events a browser makes up for a touch screen do not show it; a moving mouse does, and so does a click.
  fireEvent.mouseMove(chart);
  expect(active()).toBe('false');
  fireEvent.pointerMove(chart, { pointerType: 'mouse' });
  expect(active()).toBe('undefined');
  touchDown(chart);
  pageScrolls();
  fireEvent.click(chart);
  expect(active()).toBe('undefined');
});

test('a scroll with no touch on the chart, or after it has gone, changes nothing', () => {
  const { unmount } = render(<Chart moved={vi.fn()} />);
  pageScrolls();
  expect(active()).toBe('undefined');
  touchDown(screen.getByTestId('chart'));
  unmount();
  pageScrolls(); // its listener was removed: no update of an unmounted component
});

test('the first touch, on a dot that Recharts draws anew as the Tooltip mounts: the page scrolling later hides its tooltip', async () => {
  function Dots() {
    const tip = useChartTip();
    // The dots drawn again once the Tooltip is mounted (new elements): a touch's events still on the way go to the old one.
    return (
      <div {...tip.handlers}>
        <svg>{tip.mounted ? <circle key="after" data-testid="dot" /> : <circle key="before" data-testid="dot" />}</svg>
        <output data-testid="active">{String(tip.active)}</output>
      </div>
    );
  }
  render(<Dots />);
  const dot = screen.getByTestId('dot');
  fireEvent.pointerEnter(dot);
  expect(dot.isConnected).toBe(true); // nothing is drawn anew under the finger during its own events…
  touchDown(dot);
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(dot.isConnected).toBe(false); // …but in the next task
  fireEvent.click(screen.getByTestId('dot')); // the tap shows the tooltip
  expect(active()).toBe('undefined');
  pageScrolls(); // a swipe elsewhere on the page
  expect(active()).toBe('false');
});

test('a mouse button pressed on the chart watches no scroll: the wheel does not hide the tooltip under the mouse', () => {
  render(<Chart moved={vi.fn()} />);
  fireEvent.pointerDown(screen.getByTestId('chart'), { pointerType: 'mouse' });
  pageScrolls();
  expect(active()).toBe('undefined');
});
