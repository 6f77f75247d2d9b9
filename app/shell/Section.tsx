import { type ReactNode, useRef } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ViewportGateContext } from '../state/viewportGate';
import { useViewportGate } from './useViewportGate';

interface Props {
  id: string;
  number: number;
  title: string;
  children: ReactNode;
}

/** One idea of the notes: a numbered, anchored, isolated section, whose numbers wait while it is far from the viewport. */
export function Section({ id, number, title, children }: Props) {
  const headingId = `${id}-title`;
  const ref = useRef<HTMLElement>(null);
  const gate = useViewportGate(ref);
  return (
    <section ref={ref} id={id} className="section" aria-labelledby={headingId} data-section={id}>
      <h2 id={headingId}>
        <span className="section-number">{number}</span> {title}
      </h2>
      <ViewportGateContext value={gate}>
        <ErrorBoundary name={`Section ${number}: ${title}`}>{children}</ErrorBoundary>
      </ViewportGateContext>
    </section>
  );
}
