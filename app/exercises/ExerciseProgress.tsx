import { useRef, useState } from 'react';
import { EXERCISE_IDS, sectionDone } from './model/catalog';
import { resetProgress, useProgress } from './progressStore';
import './exercises.css';

const TOTAL = Object.values(EXERCISE_IDS).reduce((n, ids) => n + ids.length, 0);

/** The table of contents' mark of a section whose exercises are all answered right. */
export function DoneMark({ section }: { section: string }) {
  const { done } = useProgress();
  if (!sectionDone(section, done)) return null;
  return (
    <span className="toc-done">
      {' '}
      ✓<span className="ex-sr"> exercises done</span>
    </span>
  );
}

/** Under the table of contents: exercises done, a reset, and why stored progress was ignored. */
export function ExerciseProgress() {
  const { done, notice } = useProgress();
  const [asking, setAsking] = useState(false);
  // Where the keyboard goes when the buttons it was on disappear (Forget them, Keep them).
  const counter = useRef<HTMLParagraphElement>(null);
  const settle = (forget: boolean) => {
    if (forget) resetProgress();
    setAsking(false);
    requestAnimationFrame(() => counter.current?.focus());
  };
  const count = Object.values(EXERCISE_IDS).flat().filter((id) => done.has(id)).length;
  return (
    <div className="exercise-progress" data-testid="exercise-progress">
      <p ref={counter} tabIndex={-1}>
        Exercises: {count} of {TOTAL} answered right
        {count > 0 && !asking && (
          <button type="button" onClick={() => setAsking(true)}>
            Reset
          </button>
        )}
      </p>
      {asking && (
        <p>
          Forget which exercises you answered right?
          <button type="button" onClick={() => settle(true)}>
            Forget them
          </button>
          <button type="button" onClick={() => settle(false)}>
            Keep them
          </button>
        </p>
      )}
      {notice && (
        <p className="exercise-notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
