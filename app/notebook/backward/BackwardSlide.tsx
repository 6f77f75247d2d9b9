import { useState } from 'react';
import { EquationSteps } from '../../ui/EquationSteps';
import { BACKWARD_TEX, backwardStepView } from './backwardSteps';
import type { Cell } from '../forward/forwardSteps';
import { BACKWARD_TITLES } from '../../outline';
import { clampCell } from '../pass/notesMatrices';
import { useAppState } from '../../state/store';
import { AlternativeForm } from './AlternativeForm';
import { BackwardCallout } from './BackwardCallout';
import { StepDetail } from '../pass/StepDetail';
import { useNotesContext } from '../pass/useNotesContext';
import '../shared/network.css';

/** Presentation mode, section 12: one gradient per screen, exact and simplified side by side where they differ. */
export function BackwardSlide() {
  const step = useAppState((s) => s.backwardStep);
  const ctx = useNotesContext();
  const [cell, setCell] = useState<Cell>({ row: 0, col: 0 });
  const out = backwardStepView(ctx, step, cell).output;
  const sel = out ? clampCell(cell, out.matrix.rows, out.matrix.cols) : cell;
  const view = backwardStepView(ctx, step, sel);
  return (
    <div className="pass-slide">
      <EquationSteps label="the backward pass" equations={BACKWARD_TEX} titles={BACKWARD_TITLES} step={step} />
      <div className={view.alternative ? 'slide-compare' : undefined}>
        <StepDetail view={view} cell={sel} onSelect={setCell} />
        {view.alternative && <AlternativeForm alt={view.alternative} cell={sel} onSelect={setCell} />}
      </div>
      <BackwardCallout ctx={ctx} step={view.key} />
    </div>
  );
}
