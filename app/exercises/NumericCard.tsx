import { useId, useState, type FormEvent, type PointerEvent } from 'react';
import { fmt } from '../ui/format';
import { fmtTolerance, gradeNumeric, gradeValue } from './model/grade';
import type { Feedback, NumericExercise, PlacementExercise } from './model/types';
import { FeedbackLine } from './Feedback';
import { markDone, markShown, wasShown } from './progressStore';

/** "Answers within ±0.002 count", or exactly for a count. */
export function toleranceText(tolerance: number): string {
  return tolerance === 0 ? 'Only the exact number counts.' : `Answers within ±${fmtTolerance(tolerance)} of the engine’s value count.`;
}

/** Records a right answer (not one typed after the answer was shown) and returns the feedback. */
function settle(id: string, f: Feedback, shown = false): Feedback {
  if (f.status === 'right' && !shown) markDone(id);
  return f;
}

/** After "Show the answer", a right answer is right but not counted: said under the verdict. */
function NotCounted({ feedback, shown }: { feedback: Feedback | null; shown: boolean }) {
  if (!shown || feedback?.status !== 'right') return null;
  return <p className="exercise-reveal">Not counted in your progress: the answer was shown. “New batch and questions” gives a fresh one.</p>;
}

/** The engine's answer, on request, once an answer was checked. */
function Reveal({ answer, shown, onShow }: { answer: number; shown: boolean; onShow: () => void }) {
  return shown ? (
    <p className="exercise-reveal">The engine’s answer: {fmt(answer, 4)}</p>
  ) : (
    <button type="button" className="exercise-secondary" onClick={onShow}>
      Show the answer
    </button>
  );
}

/**
 * Type a number, Enter or Check: the verdict names a typical mistake when it is one. `numbers` names the
 * numbers the question is about: when they change (a new batch, a moved point), what was typed stays,
 * the verdict and the shown answer (both about the old numbers) go, and a line says so.
 */
export function NumericCard({ ex, numbers }: { ex: NumericExercise; numbers: string }) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [revealed, setRevealed] = useState(() => wasShown(ex.id, ex.answer, ex.tolerance));
  const [about, setAbout] = useState(numbers);
  const [changed, setChanged] = useState(false);
  if (about !== numbers) {
    setAbout(numbers);
    setFeedback(null);
    setRevealed(wasShown(ex.id, ex.answer, ex.tolerance));
    setChanged(text.trim() !== '');
  }
  const type = (typed: string) => {
    setText(typed);
    setChanged(false);
  };
  const reveal = () => {
    markShown(ex.id, ex.answer);
    setRevealed(true);
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    setFeedback(settle(ex.id, gradeNumeric(ex, text), revealed));
  };
  return (
    <form className="exercise-answer" onSubmit={check} data-testid={`exercise-${ex.id}`}>
      <label htmlFor={inputId}>Your {ex.symbol}</label>
      <input id={inputId} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={text} onChange={(e) => type(e.target.value)} />
      <button type="submit">Check</button>
      <p className="exercise-tolerance">{toleranceText(ex.tolerance)}</p>
      {changed && (
        <p className="exercise-reveal" data-testid={`changed-${ex.id}`}>
          The numbers changed since you typed this: Check grades it against the new ones.
        </p>
      )}
      <FeedbackLine feedback={feedback} testId={`feedback-${ex.id}`} />
      {feedback && feedback.status !== 'right' && feedback.status !== 'invalid' && <Reveal answer={ex.answer} shown={revealed} onShow={reveal} />}
      <NotCounted feedback={feedback} shown={revealed} />
    </form>
  );
}

/** A marker on the batch's axis, dragged there (or moved with the slider under it: arrow keys), then Check. */
export function PlacementCard({ ex }: { ex: PlacementExercise }) {
  const [lo, hi] = ex.domain;
  const [guess, setGuess] = useState(ex.start);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const x = (v: number) => 10 + ((v - lo) / (hi - lo)) * 280;
  const step = (hi - lo) / 400;
  // Dragging on the axis (mouse, pen or finger) moves the marker there; the slider under it is the keyboard's way.
  const dragTo = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const at = lo + ((((e.clientX - box.left) / box.width) * 300 - 10) / 280) * (hi - lo);
    setGuess(Math.min(hi, Math.max(lo, Math.round((at - lo) / step) * step + lo)));
  };
  const drag = {
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      dragTo(e);
    },
    onPointerMove: (e: PointerEvent<SVGSVGElement>) => {
      if (e.currentTarget.hasPointerCapture(e.pointerId)) dragTo(e);
    },
  };
  return (
    <form className="exercise-answer exercise-place" noValidate data-testid={`exercise-${ex.id}`} onSubmit={(e) => { e.preventDefault(); setFeedback(settle(ex.id, gradeValue(ex, guess))); }}>
      <svg viewBox="0 0 300 48" className="exercise-axis" {...drag} role="img" aria-label={`The batch’s ${ex.points.length} values on an axis from ${fmt(lo, 2)} to ${fmt(hi, 2)}, and your marker at ${fmt(guess, 3)}`}>
        <line x1={10} x2={290} y1={34} y2={34} className="exercise-axis-line" />
        {ex.points.map((p, i) => (
          <circle key={i} cx={x(p)} cy={34} r={4} className="exercise-dot" />
        ))}
        <line x1={x(guess)} x2={x(guess)} y1={12} y2={42} className="exercise-marker" />
        {/* Its baseline 10 units down: at 5 the top of "μ?" was cut off. */}
        <text x={x(guess)} y={10} textAnchor="middle" className="exercise-marker-label">{ex.symbol}?</text>
      </svg>
      <label className="exercise-slider">
        <span>Your {ex.symbol}: {fmt(guess, 3)}</span>
        <input type="range" min={lo} max={hi} step={step} value={guess} onChange={(e) => setGuess(Number(e.target.value))} aria-valuetext={fmt(guess, 3)} />
      </label>
      <button type="submit">Check</button>
      <p className="exercise-tolerance">Within ±{fmt(ex.tolerance, 3)} of the engine’s value counts.</p>
      <FeedbackLine feedback={feedback} testId={`feedback-${ex.id}`} />
    </form>
  );
}
