import { useId } from 'react';
import { appStore } from '../state/store';
import type { Exercise } from './model/types';
import { nextSeed } from './model/pick';
import { ChoiceCard } from './ChoiceCard';
import { Given } from './Feedback';
import { Glossary } from './Glossary';
import { NumericCard, PlacementCard } from './NumericCard';
import { useProgress, useResets } from './progressStore';
import './exercises.css';

/** Draws a new batch and new exercises from one new seed, both in the address (`seed` and `ex`). */
export function newBatch(): void {
  const s = appStore.getState();
  const seed = nextSeed(s.exSeed);
  s.setBatch({ seed });
  s.clearPoints();
  s.setExercise({ exSeed: seed });
}

/** What changes when the exercise's numbers do (a new batch, a moved point). */
function numbersOf(ex: Exercise): string {
  if (ex.kind === 'choice') return ex.options.map((o) => o.label).join('|');
  return `${ex.answer}:${ex.given.join('|')}`;
}

/**
 * A card starts afresh when its numbers change, except a typed answer: it stays, and the card says the
 * numbers changed (NumericCard). A choice or a marker is one click to make again.
 */
function keyOf(ex: Exercise): string {
  return ex.kind === 'numeric' ? ex.id : `${ex.id}:${numbersOf(ex)}`;
}

/** One exercise: its question, what it gives, and its answer form. */
function Card({ ex, done }: { ex: Exercise; done: boolean }) {
  const promptId = useId();
  return (
    <li className="exercise" aria-labelledby={promptId}>
      <p id={promptId} className="exercise-prompt">
        {ex.prompt}
        {done && <span className="exercise-done"> ✓ counted in your progress</span>}
      </p>
      <Given lines={ex.given} />
      {ex.kind === 'numeric' && <NumericCard ex={ex} numbers={numbersOf(ex)} />}
      {ex.kind === 'choice' && <ChoiceCard ex={ex} />}
      {ex.kind === 'placement' && <PlacementCard ex={ex} />}
    </li>
  );
}

/**
 * A section's "predict, then check" exercises, answered from what is on screen; not part of the presented Panel.
 * `fixedData`: the section's numbers do not come from the batch's seed (the notes' network), so the button says what it changes.
 */
export function ExerciseList({ section, exercises, note, fixedData = false }: { section: string; exercises: readonly Exercise[]; note?: string; fixedData?: boolean }) {
  const headingId = `${section}-exercises`;
  const { done } = useProgress();
  const resets = useResets();
  if (exercises.length === 0) return null;
  return (
    // A group, not a region landmark: every section has one, all named "Predict, then check" (axe: landmark-unique).
    <div className="exercises" role="group" aria-labelledby={headingId} data-testid={`exercises-${section}`}>
      <h3 id={headingId}>Predict, then check</h3>
      <p className="exercise-intro">
        Work it out before you look: the engine checks your answer against {note ?? 'the batch on screen'}, and names the mistake when it is a typical one.{' '}
        {/* The notes' network does not depend on the batch's seed: there the new seed only picks other entries. */}
        <button type="button" className="exercise-secondary" onClick={newBatch}>
          {fixedData ? 'Other entries' : 'New batch and questions'}
        </button>
      </p>
      <ol className="exercise-list">
        {exercises.map((ex) => (
          <Card key={`${resets}:${keyOf(ex)}`} ex={ex} done={done.has(ex.id)} />
        ))}
      </ol>
      <Glossary />
    </div>
  );
}
