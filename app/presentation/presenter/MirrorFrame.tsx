import { useEffect, useRef, useState } from 'react';
import type { Mirror } from '../../state/slices/nav';

interface Props {
  mirror: Exclude<Mirror, 'off'>;
  /** The projected window's size: the copy is laid out at exactly this size, so it looks the same, then scaled down. */
  viewport: { width: number; height: number };
  title: string;
}

/**
 * A live copy of the projected deck (this app in a frame, with `mirror=` in its address: see useMirrorSync),
 * scaled to the width of its box. It is a picture for the presenter: no focus, no pointer, hidden from
 * screen readers (the step's title and parts are written beside it).
 */
export function MirrorFrame({ mirror, viewport, title }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setScale(el.clientWidth / viewport.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, [viewport.width]);
  return (
    <div className="presenter-mirror" ref={box} style={{ aspectRatio: `${viewport.width} / ${viewport.height}` }}>
      <iframe
        src={`?mirror=${mirror}`}
        title={title}
        tabIndex={-1}
        inert
        aria-hidden="true"
        data-testid={`presenter-mirror-${mirror}`}
        style={{ width: viewport.width, height: viewport.height, transform: `scale(${scale})`, visibility: scale > 0 ? 'visible' : 'hidden' }}
      />
    </div>
  );
}
