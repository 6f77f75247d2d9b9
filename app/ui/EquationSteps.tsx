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
  /** Makes each equation a button that goes to its step; without it the list only shows where the pass is. */
  onStep?: (step: number) => void;
}

/**
 * The whole pass as a list of equations, the current one highlighted. Each step is named in words
 * ("Step 2: Z₁ = W₁X"); the typeset equation is for the eye.
 */
export function EquationSteps({ label, equations, titles, step, onStep }: Props) {
  const rows = { '--eq-rows': Math.ceil(equations.length / 2) } as CSSProperties;
  return (
    <ol className={`eq-steps blocks${onStep ? '' : ' eq-steps-static'}`} aria-label={`Equations of ${label}`} style={rows}>
      {equations.map((tex, i) => {
        const current = i === step ? 'step' : undefined;
        const face = (
          <>
            <span className="eq-steps-n" aria-hidden="true">
              {i + 1}
            </span>
            <span aria-hidden="true">
              <Equation tex={tex} display={false} />
            </span>
          </>
        );
        return onStep ? (
          <li key={i} className={current ? 'current' : undefined}>
            <button type="button" aria-current={current} onClick={() => onStep(i)}>
              <span className="sr-only">
                Step {i + 1}: {titles[i]}
              </span>
              {face}
            </button>
          </li>
        ) : (
          <li key={i} className={current ? 'current' : undefined} aria-current={current} aria-label={`Step ${i + 1}: ${titles[i]}`}>
            <span className="eq-steps-face">{face}</span>
          </li>
        );
      })}
    </ol>
  );
}
