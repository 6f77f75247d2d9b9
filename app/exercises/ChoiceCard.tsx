import { useId, useState, type FormEvent } from 'react';
import { gradeChoice } from './model/grade';
import type { ChoiceExercise, Feedback } from './model/types';
import { FeedbackLine } from './Feedback';
import { markDone } from './progressStore';

/** Pick one option (radio buttons: arrow keys move, Enter or Check checks); the verdict says why. */
export function ChoiceCard({ ex }: { ex: ChoiceExercise }) {
  const name = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const check = (e: FormEvent) => {
    e.preventDefault();
    const f = gradeChoice(ex, chosen ?? -1);
    if (f.status === 'right') markDone(ex.id);
    setFeedback(f);
  };
  return (
    <form className="exercise-answer" onSubmit={check} data-testid={`exercise-${ex.id}`}>
      <fieldset>
        <legend className="ex-sr">{ex.prompt}</legend>
        {ex.options.map((o, i) => (
          <label key={o.label} className="exercise-option">
            <input type="radio" name={name} checked={chosen === i} onChange={() => setChosen(i)} />
            <span>{o.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit">Check</button>
      <FeedbackLine feedback={feedback} testId={`feedback-${ex.id}`} />
    </form>
  );
}
