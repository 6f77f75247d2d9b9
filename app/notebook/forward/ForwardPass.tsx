import { useState } from 'react';
import { EquationSteps } from '../../ui/EquationSteps';
import { Stepper } from '../../ui/Stepper';
import { type Cell, FORWARD_STAGE, FORWARD_TEX, forwardStepView } from './forwardSteps';
import { FORWARD_TITLES } from '../../outline';
import { clampCell } from '../pass/notesMatrices';
import { useAppState } from '../../state/store';
import { BetaSignCallout } from './BetaSignCallout';
import { NetPipeline } from '../pass/NetPipeline';
import { NetStepsSlider } from '../pass/NetStepsSlider';
import { StepDetail } from '../pass/StepDetail';
import { useNotesContext } from '../pass/useNotesContext';
import '../shared/network.css';

/** Section 11: the notes' forward pass, one equation at a time, on a real batch of m = 6. */
export function ForwardPass() {
  const step = useAppState((s) => s.forwardStep);
  const setNav = useAppState((s) => s.setNav);
  const ctx = useNotesContext();
  const [cell, setCell] = useState<Cell>({ row: 0, col: 0 });
  const goTo = (s: number) => setNav({ forwardStep: Math.min(Math.max(0, s), FORWARD_TITLES.length - 1) });
  const raw = forwardStepView(ctx, step, cell);
  const out = raw.output?.matrix ?? raw.inputs[0].matrix;
  const sel = clampCell(cell, out.rows, out.cols);
  const view = sel.row === cell.row && sel.col === cell.col ? raw : forwardStepView(ctx, step, sel);
  return (
    <>
      <p>
        Now the whole network of the notes: two inputs, a hidden layer of 4 ReLU units and 3 classes, with a batch norm after
        each linear layer. It runs on a real mini-batch of <strong>m = 6</strong> points (two per class). Step through it
        one equation at a time; every number below is the engine&apos;s. The notes add &ldquo;when computing the gradients,
        we&apos;d use Z<sub>lnorm</sub> instead of the unnormalized Z<sub>l</sub>&rdquo;: forward, the next layer consumes the scaled and
        shifted Z̃ = γ·Z<sub>norm</sub> + β (Z<sub>norm</sub> itself only at γ = 1, β = 0); backward, the gradient still flows
        to Z (and so to W, ∂L/∂W₁ = ∂L/∂Z₁·Xᵀ) through BN&apos;s exact backward, and Z<sub>norm</sub> enters ∂L/∂γ (section 12).
      </p>
      <NetStepsSlider />
      <NetPipeline current={FORWARD_STAGE[step]} />
      <div className="pass-grid blocks">
        <EquationSteps label="the forward pass" equations={FORWARD_TEX} titles={FORWARD_TITLES} step={step} onStep={goTo} />
        <div className="pass-main">
          <Stepper label="the forward pass" step={step} titles={FORWARD_TITLES} onStep={goTo} />
          <StepDetail view={view} cell={sel} onSelect={setCell} />
        </div>
      </div>
      <p className="orientation-note">
        Matrices are shown in the notes&apos; orientation: one row per neuron (or feature, or class), one column per sample.
        The engine stores the transpose, [m × n] with rows as samples, like PyTorch. The linear layers have no bias: batch
        norm cancels it (section 9).
      </p>
      <p className="orientation-note" data-testid="output-bn-note">
        The second batch norm acts on the output logits, as in the notes. That is unusual: it forces each class&apos;s logit to
        have batch mean β over every batch, and so couples the predictions of the samples in a batch (one sample&apos;s class
        scores depend on the others&apos;). Networks usually leave the logits alone, which is why the training lab has BN on the
        output off by default.
      </p>
      <BetaSignCallout ctx={ctx} />
    </>
  );
}
