import { type RefObject, type SVGProps, useRef, useState } from 'react';
import { fmt } from './format';
import { clamp, type Domain, type LinearScale } from './scale';
import { keyDelta, movePoint, POINT_MAX, POINT_MIN, snapValue } from './points';

export interface DragPoints {
  /** The plot's <svg>: pointer positions are read against its left edge. */
  svgRef: RefObject<SVGSVGElement | null>;
  /** The x-range in use when the drag started: the axis stays put while a point is dragged. */
  frozenDomain: Domain | null;
  /** The point being dragged, if any. */
  dragging: number | null;
  /** The point under the pointer or with the focus, if any (it shows its label). */
  active: number | null;
  /**
   * Props for point i's <g>, named `name` (e.g. "z₁") and drawn on the scale `x`: hover and focus
   * tracking always; when the points are movable, an ARIA slider's attributes, drag and keys.
   */
  pointProps(i: number, name: string, x: LinearScale): SVGProps<SVGGElement>;
}

/**
 * The input side of a plot of draggable points: each point is an ARIA slider, moved by dragging
 * (pointer capture, snapped, kept inside the frozen axis and [POINT_MIN, POINT_MAX]) or by keys
 * (arrows ±0.1, Shift or PageUp/PageDown ±1, Home and End to the ends); `onMove` gets the new value.
 * Without `onMove` the points only track hover and focus.
 */
export function useDragPoints(values: ArrayLike<number>, onMove?: (index: number, value: number) => void): DragPoints {
  const svgRef = useRef<SVGSVGElement>(null);
  // The plot's left edge is read once, when the drag starts: reading it on every move forced a layout a move.
  const [drag, setDrag] = useState<{ index: number; domain: Domain; left: number } | null>(null);
  const [active, setActive] = useState<number | null>(null);

  const valueAt = (clientX: number, left: number, x: LinearScale) => {
    return snapValue(clamp(x.invert(clientX - left), Math.max(x.domain[0], POINT_MIN), Math.min(x.domain[1], POINT_MAX)));
  };

  const tracking = (i: number): SVGProps<SVGGElement> => ({
    onFocus: () => setActive(i),
    onBlur: () => setActive(null),
    onPointerEnter: () => setActive(i),
    onPointerLeave: () => drag === null && setActive(null),
  });

  const pointProps = (i: number, name: string, x: LinearScale): SVGProps<SVGGElement> => {
    if (onMove === undefined) return tracking(i);
    const v = values[i];
    return {
      role: 'slider',
      tabIndex: 0,
      'aria-label': `Sample ${i + 1} (${name})`,
      'aria-valuenow': v,
      'aria-valuetext': `${name} = ${fmt(v, 2)}`,
      'aria-valuemin': POINT_MIN,
      'aria-valuemax': POINT_MAX,
      'aria-orientation': 'horizontal',
      ...tracking(i),
      onKeyDown: (e) => {
        // Home and End go to the slider's ends, as ARIA sliders do; the rest step.
        const end = e.key === 'Home' ? POINT_MIN : e.key === 'End' ? POINT_MAX : null;
        const d = end === null ? keyDelta(e.key, e.shiftKey) : null;
        if (end === null && d === null) return;
        e.preventDefault();
        onMove(i, end ?? movePoint(v, d ?? 0));
      },
      onPointerDown: (e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture?.(e.pointerId);
        e.currentTarget.focus();
        setDrag({ index: i, domain: x.domain, left: svgRef.current?.getBoundingClientRect().left ?? 0 });
      },
      onPointerMove: (e) => drag?.index === i && onMove(i, valueAt(e.clientX, drag.left, x)),
      onPointerUp: () => setDrag(null),
      onPointerCancel: () => setDrag(null),
    };
  };

  return { svgRef, frozenDomain: drag?.domain ?? null, dragging: drag?.index ?? null, active, pointProps };
}
