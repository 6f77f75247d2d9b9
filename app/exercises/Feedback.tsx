import type { Feedback } from './model/types';

/** The verdict on an answer, announced to screen readers (a polite live region that is always there). */
export function FeedbackLine({ feedback, testId }: { feedback: Feedback | null; testId: string }) {
  return (
    <p className={`exercise-feedback${feedback ? ` exercise-${feedback.status}` : ''}`} role="status" data-testid={testId}>
      {feedback?.message ?? ''}
    </p>
  );
}

/**
 * The numbers a question gives. Keyed by place, not text: a dragged point changes a line's numbers at each move,
 * and a new text is a new text node, where a new key was a new list item (an insertion makes the browser re-check
 * the page's :has() rules, about 1 ms a move, issue 15).
 */
export function Given({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="exercise-given" aria-label="Given">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}
