import { useState } from 'react';
import { EquationSteps } from '../../ui/EquationSteps';
import { type Cell, FORWARD_TEX, forwardStepView } from './forwardSteps';
import { FORWARD_TITLES } from '../../outline';
import { clampCell } from '../pass/notesMatrices';
import { useAppState } from '../../state/store';
import { BetaSignCallout } from './BetaSignCallout';
import { StepDetail } from '../pass/StepDetail';
import { useNotesContext } from '../pass/useNotesContext';
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
