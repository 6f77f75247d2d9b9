import { useState } from 'react';
import { DeckPart } from '../../ui/DeckPart';
import { EquationSteps } from '../../ui/EquationSteps';
import { type Cell, FORWARD_TEX, forwardStepView } from './forwardSteps';
import { FORWARD_TITLES } from '../../outline';
import { clampCell } from '../pass/notesMatrices';
import { useAppState } from '../../state/store';
import { BetaSignCallout } from './BetaSignCallout';
import { SlideDetail } from '../pass/SlideDetail';
import { SLIDE_TERMS_PER_LINE, passParts } from '../pass/slideView';
import { useNotesContext } from '../pass/useNotesContext';
import '../shared/network.css';

/** Steps whose inputs and output do not fit one screen together: the output takes the inputs' place. */
const OUTPUT_REPLACES = new Set<number>([2]);

/**
 * Presentation mode, section 11: one equation of the forward pass per screen. The deck does the stepping,
 * so the list of equations only shows where the pass is. Each step shows its equation and inputs, then
 * (→) the selected entry's numbers and the result; where the notes write − β (steps 4 and 8), → then
 * replaces the step with the correction (the outline's reveals).
 */
export function ForwardSlide() {
  const step = useAppState((s) => s.forwardStep);
  const ctx = useNotesContext();
  const [cell, setCell] = useState<Cell>({ row: 0, col: 0 });
  const out = forwardStepView(ctx, step, cell);
  const m = out.output?.matrix ?? out.inputs[0].matrix;
  const sel = clampCell(cell, m.rows, m.cols);
  const betaSign = step === 3 || step === 7;
  return (
    <div className="pass-slide">
      <EquationSteps label="the forward pass" equations={FORWARD_TEX} titles={FORWARD_TITLES} step={step} />
      <SlideDetail
        view={forwardStepView(ctx, step, sel, SLIDE_TERMS_PER_LINE)}
        cell={sel}
        onSelect={setCell}
        parts={step === 0 ? undefined : passParts({ replace: OUTPUT_REPLACES.has(step), thenVerdict: betaSign })}
      />
      {betaSign && (
        <DeckPart from={2}>
          <BetaSignCallout ctx={ctx} />
        </DeckPart>
      )}
    </div>
  );
}
