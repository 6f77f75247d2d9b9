import { ScrollEquation } from '../../ui/ScrollEquation';
import { MatrixView } from './MatrixView';
import type { Cell, StepView } from '../forward/forwardSteps';

interface Props {
  view: StepView;
  cell: Cell;
  onSelect: (cell: Cell) => void;
}

/** One step of a pass: the equation, the selected entry with its numbers, the matrices it reads and makes. */
export function StepDetail({ view, cell, onSelect }: Props) {
  return (
    <div className="step-detail">
      <ScrollEquation tex={view.symbolic} />
      <div className="step-substituted" data-testid="step-substituted">
        <ScrollEquation tex={view.substituted} label="The selected entry with the engine's numbers" />
      </div>
      <div className="step-matrices">
        {view.inputs.map((p) => (
          <MatrixView key={p.name} panel={p} />
        ))}
        {view.output && (
          // The arrow travels with the output: when the output wraps onto its own line, the arrow leads it there.
          <div className="step-output">
            {view.inputs.length > 0 && (
              <span className="step-arrow" aria-hidden="true">
                →
              </span>
            )}
            <MatrixView panel={view.output} selected={cell} onSelect={onSelect} />
          </div>
        )}
        {view.extras?.map((p) => (
          <MatrixView key={p.name} panel={p} />
        ))}
      </div>
      {view.output && <p className="hint">Pick an entry of {view.output.name} (click, or focus it and use the arrow keys) to see its arithmetic.</p>}
    </div>
  );
}
