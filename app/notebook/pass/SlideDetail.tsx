import { DeckPart } from '../../ui/DeckPart';
import { ScrollEquation } from '../../ui/ScrollEquation';
import { MatrixView } from './MatrixView';
import type { Cell, StepView } from '../forward/forwardSteps';
import { type PartRange, type SlideParts, slidePanel } from './slideView';

interface Props {
  view: StepView;
  cell: Cell;
  onSelect: (cell: Cell) => void;
  /** When each piece shows (see SlideParts); everything from the start when absent. */
  parts?: SlideParts;
}

const range = (r: PartRange | undefined) => ({ from: r?.[0] ?? 0, until: r?.[1] });

/**
 * One step of a pass as a presentation slide: the equation beside the selected entry's numbers, the
 * matrices below it, each piece revealed or replaced as the deck's → goes through the step's parts.
 * (StepDetail is the notebook's.)
 */
export function SlideDetail({ view, cell, onSelect, parts = {} }: Props) {
  return (
    <DeckPart {...range(parts.all)}>
      <div className="step-detail slide-detail">
        <div className="slide-equations">
          {/* Display style throughout: a sum's fractions in running size are too small for the back row. */}
          <ScrollEquation tex={view.symbolic.replaceAll('\\textstyle', '\\displaystyle')} />
          <DeckPart {...range(parts.numbers)}>
            <div className="step-substituted" data-testid="step-substituted">
              <ScrollEquation tex={view.substituted} label="The selected entry with the engine's numbers" />
            </div>
          </DeckPart>
        </div>
        <div className="step-matrices">
          <DeckPart {...range(parts.inputs)}>
            {view.inputs.map((p) => (
              <MatrixView key={p.name} panel={slidePanel(p)} />
            ))}
          </DeckPart>
          {view.output && (
            <DeckPart {...range(parts.output)}>
              <div className="step-output">
                {view.inputs.length > 0 && (
                  <DeckPart {...range(parts.inputs)}>
                    <span className="step-arrow" aria-hidden="true">
                      →
                    </span>
                  </DeckPart>
                )}
                <MatrixView panel={slidePanel(view.output)} selected={cell} onSelect={onSelect} />
              </div>
            </DeckPart>
          )}
          {view.extras?.map((p) => (
            <MatrixView key={p.name} panel={slidePanel(p)} />
          ))}
        </div>
      </div>
    </DeckPart>
  );
}
