import { type ReactNode, useRef } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ViewportGateContext } from '../state/viewportGate';
import { LiveWhenNear } from './LiveWhenNear';
import { useViewportGate } from './useViewportGate';

interface Props {
  id: string;
  number: number;
  title: string;
  /** The notebook's first section: live at once (it is the first screen). */
  first?: boolean;
  /** Fetches the section's code ahead of its going live (a lazy section's chunk: notebook/lazySection.tsx). */
  preload?: () => Promise<unknown>;
  children: ReactNode;
}

/**
 * One idea of the notes: a numbered, anchored, isolated section. It goes live (its code runs) once it nears
 * the screen (LiveWhenNear), and its numbers wait during a gesture while it is far from the viewport (useViewportGate).
 */
export function Section({ id, number, title, first = false, preload, children }: Props) {
  const headingId = `${id}-title`;
  const ref = useRef<HTMLElement>(null);
  const gate = useViewportGate(ref);
  return (
    <section ref={ref} id={id} className="section" aria-labelledby={headingId} data-section={id}>
      <h2 id={headingId}>
        <span className="section-number">{number}</span> {title}
      </h2>
      <LiveWhenNear id={id} first={first} preload={preload}>
        <ViewportGateContext value={gate}>
          <ErrorBoundary name={`Section ${number}: ${title}`}>{children}</ErrorBoundary>
        </ViewportGateContext>
      </LiveWhenNear>
    </section>
  );
}
