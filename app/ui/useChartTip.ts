import { type TouchEvent, useRef, useState } from 'react';
import { useFirstPointer } from './useFirstPointer';

/** What a Recharts chart with a Tooltip needs: when to mount it, its `active` prop, and the handlers for the element around the chart. */
export interface ChartTip {
  /** Whether the Tooltip is mounted yet (at the first pointer over the chart or focus in it: see useFirstPointer). */
  readonly mounted: boolean;
  /** The Tooltip's `active`: false (hidden) after a swipe that began on the chart scrolled the page; else undefined, following the pointer. */
  readonly active: false | undefined;
  readonly handlers: {
    onPointerEnter(): void;
    onFocus(): void;
    onTouchStartCapture(): void;
    onTouchMoveCapture(e: TouchEvent): void;
    onTouchEndCapture(): void;
    onMouseMoveCapture(): void;
    onKeyDownCapture(): void;
  };
}

/**
 * A chart's tooltip that a scrolling finger does not leave behind. Recharts shows its Tooltip where a touch moves
 * and keeps it after the finger lifts: a reader scrolling a phone's page with a swipe that began on a chart found a
 * tooltip left over it. Once a touch has scrolled the page, the tooltip is hidden and the rest of that touch's moves
 * are not Recharts' to see; a touch that does not scroll (a tap, or a sideways scrub along the line), a mouse or a
 * key shows it again.
 */
export function useChartTip(): ChartTip {
  const [mounted, noteTip] = useFirstPointer();
  /** The page's scroll position when the touch began, until it has scrolled (then null). */
  const touchFrom = useRef<number | null>(null);
  const [hidden, setHidden] = useState(false);
  const show = () => {
    if (hidden) setHidden(false);
  };
  /** Whether the current touch has scrolled the page (noted once: the tooltip is hidden then). */
  const scrolled = (): boolean => {
    if (touchFrom.current === null) return true;
    if (window.scrollY === touchFrom.current) return false;
    touchFrom.current = null;
    setHidden(true);
    return true;
  };
  return {
    mounted,
    active: hidden ? false : undefined,
    handlers: {
      onPointerEnter: noteTip,
      onFocus: noteTip,
      onTouchStartCapture() {
        touchFrom.current = window.scrollY;
      },
      onTouchMoveCapture(e) {
        if (scrolled()) e.stopPropagation();
        else show();
      },
      onTouchEndCapture() {
        scrolled();
      },
      onMouseMoveCapture: show,
      onKeyDownCapture: show,
    },
  };
}
