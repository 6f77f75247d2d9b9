import { type PointerEvent, type TouchEvent, useEffect, useRef, useState } from 'react';
import { useFirstPointer } from './useFirstPointer';

/** What a Recharts chart with a Tooltip needs: when to mount it, its `active` prop, and the handlers for the element around the chart. */
export interface ChartTip {
  /** Whether the Tooltip is mounted yet (at the first pointer over the chart or focus in it: see useFirstPointer). */
  readonly mounted: boolean;
  /** The Tooltip's `active`: false (hidden) once the page scrolled after a touch on the chart; else undefined, following the pointer. */
  readonly active: false | undefined;
  readonly handlers: {
    onPointerEnter(): void;
    onFocus(): void;
    onPointerDownCapture(e: PointerEvent): void;
    onTouchMoveCapture(e: TouchEvent): void;
    onPointerMoveCapture(e: PointerEvent): void;
    onClickCapture(): void;
    onKeyDownCapture(): void;
  };
}

/**
 * A chart's tooltip that a scrolling finger does not leave behind. Recharts shows its Tooltip where a touch moves
 * and keeps it after the finger lifts: a reader scrolling a phone's page with a swipe that began on a chart found a
 * tooltip left over it. Once the page scrolls after a touch on the chart, the tooltip is hidden and the rest of that
 * touch's moves are not Recharts' to see (the browser may send none once it scrolls, not even the touch's end: the
 * page's scroll is what tells). A touch that does not scroll (a tap, a sideways scrub along the line), a moving
 * mouse, a click or a key shows it again.
 */
export function useChartTip(): ChartTip {
  const [mounted, noteTip] = useFirstPointer();
  /** Whether the page scrolled since the last touch on the chart began. */
  const scrolled = useRef(false);
  /** Stops listening for the page's scroll. */
  const stopWatching = useRef<(() => void) | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => () => stopWatching.current?.(), []);
  const show = () => {
    if (hidden) setHidden(false);
  };
  return {
    mounted,
    active: hidden ? false : undefined,
    handlers: {
      onPointerEnter: noteTip,
      onFocus: noteTip,
      // A touch's pointerdown, not its touchstart: the first touch on a chart mounts the Tooltip (at its pointerenter),
      // Recharts draws its dots anew, and the touchstart goes to the dot taken out of the page, never reaching here:
      // a tap on a dot as the first touch left its tooltip over the chart as the page scrolled away (5 of 5 taps).
      onPointerDownCapture(e) {
        if (e.pointerType !== 'touch') return;
        stopWatching.current?.();
        scrolled.current = false;
        const onScroll = () => {
          scrolled.current = true;
          setHidden(true);
          stopWatching.current?.();
        };
        window.addEventListener('scroll', onScroll, { passive: true });
        stopWatching.current = () => {
          window.removeEventListener('scroll', onScroll);
          stopWatching.current = null;
        };
      },
      onTouchMoveCapture(e) {
        if (scrolled.current) e.stopPropagation();
        else show();
      },
      // A mouse that moves; not the mouse events a browser makes up for a touch screen.
      onPointerMoveCapture(e) {
        if (e.pointerType === 'mouse') show();
      },
      onClickCapture: show,
      onKeyDownCapture: show,
    },
  };
}
