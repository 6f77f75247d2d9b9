import { useState } from 'react';
import { EquationSteps } from '../../ui/EquationSteps';
import { BACKWARD_TEX, backwardStepView } from '../backward/backwardSteps';
import { type Cell, FORWARD_TEX, forwardStepView } from '../forward/forwardSteps';
import { BACKWARD_TITLES, FORWARD_TITLES } from '../../outline';
import { clampCell } from './notesMatrices';
import { useAppState } from '../../state/store';
import { AlternativeForm } from '../backward/AlternativeForm';
import { BackwardCallout } from '../backward/BackwardCallout';
import { BetaSignCallout } from '../forward/BetaSignCallout';
import { StepDetail } from './StepDetail';
import { useNotesContext } from './useNotesContext';
import '../shared/network.css';

/**
 * Presentation mode, section 11: one equation of the forward pass per screen. The deck does the stepping,
 * so the list of equations only shows where the pass is.
 */
export function ForwardSlide() {
  const step = useAppState((s) => s.forwardStep);
  const ctx = useNotesContext();
  const [cell, setCell] = useState<Cell>({ row: 0, col: 0 });
  const out = forwardStepView(ctx, step, cell);
  const m = out.output?.matrix ?? out.inputs[0].matrix;
  const sel = clampCell(cell, m.rows, m.cols);
  return (
    <div className="pass-slide">
      <EquationSteps label="the forward pass" equations={FORWARD_TEX} titles={FORWARD_TITLES} step={step} />
      <StepDetail view={forwardStepView(ctx, step, sel)} cell={sel} onSelect={setCell} />
      {(step === 3 || step === 7) && <BetaSignCallout ctx={ctx} />}
    </div>
  );
}

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
