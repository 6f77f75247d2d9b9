import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LiveWhenNear } from './LiveWhenNear';

interface Props {
  id: string;
  number: number;
  title: string;
  /** The notebook's first section: live at once (it is the first screen). */
  first?: boolean;
  children: ReactNode;
}

/** One idea of the notes: a numbered, anchored, isolated section, live once it nears the screen (LiveWhenNear). */
export function Section({ id, number, title, first = false, children }: Props) {
  const headingId = `${id}-title`;
  return (
    <section id={id} className="section" aria-labelledby={headingId} data-section={id}>
      <h2 id={headingId}>
        <span className="section-number">{number}</span> {title}
      </h2>
      <LiveWhenNear id={id} first={first}>
        <ErrorBoundary name={`Section ${number}: ${title}`}>{children}</ErrorBoundary>
      </LiveWhenNear>
    </section>
  );
}
