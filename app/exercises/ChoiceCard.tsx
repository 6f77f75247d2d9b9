import { memo, useId, useState, type FormEvent } from 'react';
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
          <ChoiceOption key={o.label} name={name} label={o.label} index={i} checked={chosen === i} choose={setChosen} />
        ))}
      </fieldset>
      <button type="submit">Check</button>
      <FeedbackLine feedback={feedback} testId={`feedback-${ex.id}`} />
    </form>
  );
}

/**
 * One option's row. Memoized: an exercise built from the live batch is rebuilt on every move of a dragged point,
 * and React writes a radio's name and type to the page on each of its updates, even unchanged.
 */
const ChoiceOption = memo(function ChoiceOption({ name, label, index, checked, choose }: { name: string; label: string; index: number; checked: boolean; choose: (i: number) => void }) {
  return (
    <label className="exercise-option">
      <input type="radio" name={name} checked={checked} onChange={() => choose(index)} />
      <span>{label}</span>
    </label>
  );
});
