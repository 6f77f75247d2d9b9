import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { StaticBodyOr } from '../ui/staticBody';
import './LabSection.css';

/** The lab's code (Recharts, the Worker client) is its own chunk, fetched when the section comes near. */
const TrainingLab = lazy(() => import('./TrainingLab'));

/**
 * Section 13's entry in the registry: until the reader scrolls within reach and the code has arrived, the lab's
 * pre-rendered body (in the built notebook: the page keeps its height when the section goes live in idle time,
 * so what follows the lab does not move), or a line saying it is loading.
 */
export function LabSection() {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
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
      {near ? <Suspense fallback={waiting}>{<TrainingLab />}</Suspense> : waiting}
    </div>
  );
}
