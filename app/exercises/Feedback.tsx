import type { Feedback } from './model/types';

/** The verdict on an answer, announced to screen readers (a polite live region that is always there). */
export function FeedbackLine({ feedback, testId }: { feedback: Feedback | null; testId: string }) {
  return (
    <p className={`exercise-feedback${feedback ? ` exercise-${feedback.status}` : ''}`} role="status" data-testid={testId}>
      {feedback?.message ?? ''}
    </p>
  );
}

/** The numbers a question gives. */
export function Given({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="exercise-given" aria-label="Given">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
