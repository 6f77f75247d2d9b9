import { type ReactNode, useRef } from 'react';
import { ViewportGateContext } from '../state/viewportGate';
import { useViewportGate } from './useViewportGate';

/** A block whose numbers follow the controls only while it is near the viewport (as a Section's do). */
export function NearViewport({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const gate = useViewportGate(ref);
  return (
    <div ref={ref} className={className}>
      <ViewportGateContext value={gate}>{children}</ViewportGateContext>
    </div>
  );
}
