import type { ReactNode } from 'react';

interface Props {
  /** What the notes say, verbatim or nearly. */
  notes: ReactNode;
  /** What is correct. */
  correct: ReactNode;
  /** Live evidence from the engine, when there is some. */
  children?: ReactNode;
}

/** "The notes say …, correct is …": a polite, visible correction. */
export function Callout({ notes, correct, children }: Props) {
  return (
    <aside className="callout" aria-label="Correction to the notes">
      <p>
        <span className="callout-tag">The notes say</span> {notes}
      </p>
      <p>
        <span className="callout-tag callout-tag-ok">Correct</span> {correct}
      </p>
      {children}
    </aside>
  );
}
