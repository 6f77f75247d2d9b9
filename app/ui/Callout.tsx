import type { ReactNode } from 'react';

interface Props {
  /** What the notes say, verbatim or nearly. */
  notes: ReactNode;
  /** What is correct. */
  correct: ReactNode;
  /** Live evidence from the engine, when there is some. */
  children?: ReactNode;
  /**
   * 'correction' (default): the notes are wrong or imprecise. 'confirmed': the notes are right and
   * the box shows the engine checking them.
   */
  verdict?: 'correction' | 'confirmed';
  /**
   * What the box is about, appended to its accessible name ("Correction to the notes: m"), so that
   * several callouts on one page are distinct landmarks.
   */
  topic?: string;
}

/** "The notes say …, correct is …": a polite, visible correction (or confirmation). */
export function Callout({ notes, correct, children, verdict = 'correction', topic }: Props) {
  const confirmed = verdict === 'confirmed';
  const name = confirmed ? 'The notes, checked' : 'Correction to the notes';
  return (
    <aside className={`callout${confirmed ? ' callout-confirmed' : ''}`} aria-label={topic ? `${name}: ${topic}` : name}>
      <p>
        <span className="callout-tag">The notes say</span> {notes}
      </p>
      <p>
        <span className="callout-tag callout-tag-ok">{confirmed ? 'Right' : 'Correct'}</span> {correct}
      </p>
      {children}
    </aside>
  );
}
