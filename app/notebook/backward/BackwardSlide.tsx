import { useState } from 'react';
import { DeckPart } from '../../ui/DeckPart';
import { EquationSteps } from '../../ui/EquationSteps';
import { BACKWARD_TEX, backwardStepView } from './backwardSteps';
import type { Cell } from '../forward/forwardSteps';
import { BACKWARD_TITLES } from '../../outline';
import { clampCell } from '../pass/notesMatrices';
import { useAppState } from '../../state/store';
import { AlternativeForm } from './AlternativeForm';
import { BackwardCallout } from './BackwardCallout';
import { SlideDetail } from '../pass/SlideDetail';
import { EXACT_VS_NOTES, SLIDE_TERMS_PER_LINE, passParts, slidePanel } from '../pass/slideView';
import { useNotesContext } from '../pass/useNotesContext';
import '../shared/network.css';

/** Steps the notes get wrong (besides ∂L/∂Z): after the step, → the correction in its place. */
const CORRECTED = new Set(['dZ2Tilde', 'dGamma2', 'dGamma1', 'dBeta1']);
/** Steps whose inputs and output do not fit one screen together: the output takes the inputs' place. */
const OUTPUT_REPLACES = new Set<number>([1, 4, 5, 6, 9]);

/**
 * Presentation mode, section 12: one gradient per screen, its equation and inputs, then (→) the numbers
 * and the result, and where the notes differ, the correction after it (the outline's reveals).
 */
export function BackwardSlide() {
  const step = useAppState((s) => s.backwardStep);
  const ctx = useNotesContext();
  const [cell, setCell] = useState<Cell>({ row: 0, col: 0 });
  const out = backwardStepView(ctx, step, cell).output;
  const sel = out ? clampCell(cell, out.matrix.rows, out.matrix.cols) : cell;
  const view = backwardStepView(ctx, step, sel, SLIDE_TERMS_PER_LINE);
  const alt = view.alternative;
  const corrected = alt !== undefined || CORRECTED.has(view.key);
  const parts = alt ? EXACT_VS_NOTES : passParts({ replace: OUTPUT_REPLACES.has(step), thenVerdict: corrected });
  return (
    <div className="pass-slide">
      <EquationSteps label="the backward pass" equations={BACKWARD_TEX} titles={BACKWARD_TITLES} step={step} />
      <div className={alt ? 'slide-compare' : undefined}>
        <SlideDetail view={view} cell={sel} onSelect={setCell} parts={parts} />
        {alt && (
          <DeckPart from={2} until={2}>
            <AlternativeForm alt={{ ...alt, output: slidePanel(alt.output) }} cell={sel} onSelect={setCell} />
          </DeckPart>
        )}
      </div>
      {corrected && (
        <DeckPart from={alt ? 3 : 2}>
          <BackwardCallout ctx={ctx} step={view.key} />
        </DeckPart>
      )}
    </div>
  );
}
