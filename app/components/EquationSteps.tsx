import type { CSSProperties } from 'react';
import { Equation } from './Equation';
import './EquationSteps.css';

interface Props {
  /** What the list is ("the forward pass"), for its accessible name. */
  label: string;
  /** One TeX equation per step. */
  equations: readonly string[];
  titles: readonly string[];
  step: number;
  onStep: (step: number) => void;
}

/**
 * The whole pass as a list of equations; the current one highlighted, each one a button to go there.
 * A button's name is its step and title in words (the typeset equation is for the eye).
 */
export function EquationSteps({ label, equations, titles, step, onStep }: Props) {
  return (
    <ol className="eq-steps" aria-label={`Equations of ${label}`} style={{ '--eq-rows': Math.ceil(equations.length / 2) } as CSSProperties}>
      {equations.map((tex, i) => (
        <li key={i} className={i === step ? 'current' : undefined}>
          <button type="button" aria-current={i === step ? 'step' : undefined} onClick={() => onStep(i)}>
            <span className="eq-steps-n" aria-hidden="true">
              {i + 1}
            </span>
            <span className="sr-only">
              Step {i + 1}: {titles[i]}
            </span>
            <span aria-hidden="true">
              <Equation tex={tex} display={false} />
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
