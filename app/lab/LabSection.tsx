import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { StaticBodyOr } from '../ui/staticBody';
import { type LaterHold, LaterHoldContext } from './MountLater';
import './LabSection.css';

/** The lab's code (Recharts, the Worker client) is its own chunk, fetched when the section comes near. */
const TrainingLab = lazy(() => import('./TrainingLab'));

/**
 * Section 13's entry in the registry: until the reader scrolls within reach and the code has arrived, the lab's
 * pre-rendered body (in the built notebook: the page keeps its height when the section goes live in idle time,
 * so what follows the lab does not move), or a line saying it is loading.
 *
 * The picture is the whole lab, while the live lab's lower panels mount a task after its top (MountLater): until
 * they do, the section keeps the picture's last height, so a reader looking at the lab's lower part, or below
 * it, is not carried elsewhere as the live lab takes the picture's place.
 */
export function LabSection() {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const [hold] = useState(pictureHold);
  useEffect(() => (box.current ? hold.watch(box.current) : undefined), [hold]);
  useEffect(() => {
    const el = box.current;
    if (near || !el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  const waiting = <StaticBodyOr otherwise={<p className="lab-waiting">Loading the training lab…</p>} />;
  return (
    <div ref={box} className={near ? undefined : 'lab-placeholder'}>
      <LaterHoldContext value={hold}>{near ? <Suspense fallback={waiting}>{<TrainingLab />}</Suspense> : waiting}</LaterHoldContext>
    </div>
  );
}

/**
 * Keeps a box at the height it had before the live lab's first commit (`take`), from then until its lower panels
 * are there (`release`): `watch` follows the box's height until `take`.
 */
function pictureHold(): LaterHold & { watch(box: HTMLElement): () => void } {
  let el: HTMLElement | null = null;
  let ro: ResizeObserver | null = null;
  let last = 0;
  return {
    watch(box) {
      el = box;
      if (typeof ResizeObserver === 'undefined') return () => undefined;
      const watching = new ResizeObserver(([entry]) => {
        last = entry.borderBoxSize[0]?.blockSize ?? box.getBoundingClientRect().height;
      });
      watching.observe(box);
      ro = watching;
      return () => watching.disconnect();
    },
    take() {
      // From here on the box's size is the live lab's: no more to follow.
      ro?.disconnect();
      if (el && last > 0) el.style.minHeight = `${last}px`;
    },
    release() {
      el?.style.removeProperty('min-height');
    },
  };
}
