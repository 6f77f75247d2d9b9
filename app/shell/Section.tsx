import type { ReactNode } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';

interface Props {
  id: string;
  number: number;
  title: string;
  children: ReactNode;
}

/** One idea of the notes: a numbered, anchored, isolated section. */
export function Section({ id, number, title, children }: Props) {
  const headingId = `${id}-title`;
  return (
    <section id={id} className="section" aria-labelledby={headingId} data-section={id}>
      <h2 id={headingId}>
        <span className="section-number">{number}</span> {title}
      </h2>
      <ErrorBoundary name={`Section ${number}: ${title}`}>{children}</ErrorBoundary>
    </section>
  );
}
