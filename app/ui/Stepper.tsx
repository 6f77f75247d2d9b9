import './Stepper.css';

interface Props {
  /** What is being stepped through, for the buttons' names ("the forward pass"). */
  label: string;
  /** 0-based current step. */
  step: number;
  titles: readonly string[];
  onStep: (step: number) => void;
}

/** Previous / Next through the equations of a pass, with "Step 3 of 10: title". */
export function Stepper({ label, step, titles, onStep }: Props) {
  const total = titles.length;
  return (
    <div className="stepper" role="group" aria-label={`Steps of ${label}`}>
      <button type="button" onClick={() => onStep(step - 1)} disabled={step <= 0} aria-label={`Previous step of ${label}`}>
        ← Previous
      </button>
      <p className="stepper-status" aria-live="polite">
        <span className="stepper-count">
          Step {step + 1} of {total}
        </span>{' '}
        <span className="stepper-title">{titles[step]}</span>
      </p>
      <button type="button" onClick={() => onStep(step + 1)} disabled={step >= total - 1} aria-label={`Next step of ${label}`}>
        Next →
      </button>
    </div>
  );
}
