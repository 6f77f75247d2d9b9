import { ScrollEquation } from '../../ui/ScrollEquation';
import { MatrixView } from '../pass/MatrixView';
import type { Alternative } from './backwardSteps';
import type { Cell } from '../forward/forwardSteps';

interface Props {
  alt: Alternative;
  cell: Cell;
  onSelect: (cell: Cell) => void;
}

/** The notes' simplified form of the same gradient, with the same entry picked. */
export function AlternativeForm({ alt, cell, onSelect }: Props) {
  return (
    <div className="step-detail alternative" aria-label="The notes' simplified form" role="group">
      <p className="alternative-tag">The notes&apos; simplified form (with √(σ² + ε) where the notes write |σ|)</p>
      <ScrollEquation tex={alt.symbolic} />
      <div className="step-substituted" data-testid="alternative-substituted">
        <ScrollEquation tex={alt.substituted} label="The selected entry with the engine's numbers, simplified form" />
      </div>
      <div className="step-matrices">
        <MatrixView panel={alt.output} selected={cell} onSelect={onSelect} />
      </div>
    </div>
  );
}
