import { useMemo, useState } from 'react';
import { EquationSteps } from '../../ui/EquationSteps';
import { Stepper } from '../../ui/Stepper';
import { BACKWARD_STAGE, BACKWARD_TEX, backwardStepView } from './backwardSteps';
import { BACKWARD_TITLES } from '../../outline';
import type { Cell } from '../forward/forwardSteps';
import { clampCell } from '../pass/notesMatrices';
import { useAppState } from '../../state/store';
import { AlternativeForm } from './AlternativeForm';
import { BackwardCallout } from './BackwardCallout';
import { ActivationSwap } from './ActivationSwap';
import { Derivation } from './Derivation';
import type { DerivationLayer } from './derivationView';
import { GradCheckTable } from './GradCheckTable';
import { notesContext } from '../pass/notesContext';
import { NetPipeline } from '../pass/NetPipeline';
import { NetStepsSlider } from '../pass/NetStepsSlider';
import { StepDetail } from '../pass/StepDetail';
import { useNotesContext } from '../pass/useNotesContext';
import '../shared/network.css';

/** Section 12: the notes' backward pass, gradient by gradient, checked against finite differences. */
export function BackwardPass() {
  const step = useAppState((s) => s.backwardStep);
  const setNav = useAppState((s) => s.setNav);
  const ctx = useNotesContext();
  const [cell, setCell] = useState<Cell>({ row: 0, col: 0 });
  const goTo = (s: number) => setNav({ backwardStep: Math.min(Math.max(0, s), BACKWARD_TITLES.length - 1) });
  const out = backwardStepView(ctx, step, cell).output;
  const sel = out ? clampCell(cell, out.matrix.rows, out.matrix.cols) : cell;
  const view = backwardStepView(ctx, step, sel);
  return (
    <>
      <p>
        Backpropagation runs the same network in reverse: each gradient is built from the one before it by the chain rule.
        Below are the notes&apos; gradients in their order, for the same batch and weights as section 11, each computed by
        the engine and then checked the honest way: nudge every number by ±h, rerun the forward pass, and see how the loss
        moves (central differences).
      </p>
      <NetStepsSlider label="SGD steps taken (the network of section 11)" />
      <NetPipeline current={BACKWARD_STAGE[step]} reverse />
      <div className="pass-grid blocks">
        <EquationSteps label="the backward pass" equations={BACKWARD_TEX} titles={BACKWARD_TITLES} step={step} onStep={goTo} />
        <div className="pass-main">
          <Stepper label="the backward pass" step={step} titles={BACKWARD_TITLES} onStep={goTo} />
          <div className={view.alternative ? 'compare' : undefined}>
            <StepDetail view={view} cell={sel} onSelect={setCell} />
            {view.alternative && <AlternativeForm alt={view.alternative} cell={sel} onSelect={setCell} />}
          </div>
          <BackwardCallout ctx={ctx} step={view.key} />
        </div>
      </div>
      <GradCheckTable ctx={ctx} current={view.key} />
      <BeyondTheNotes />
    </>
  );
}

/** What the notes promise and skip: the derivation through BN, and another activation. */
function BeyondTheNotes() {
  const ctx = useNotesContext();
  const layer = useAppState((st) => st.derivLayer) as DerivationLayer;
  const neuron = useAppState((st) => st.derivNeuron);
  const activation = useAppState((st) => st.netActivation);
  const setBn = useAppState((st) => st.setBn);
  const swapped = useMemo(() => notesContext(ctx.steps, ctx.eps, activation), [ctx.steps, ctx.eps, activation]);
  return (
    <>
      <Derivation
        ctx={ctx}
        layer={layer}
        neuron={neuron}
        onChange={(p) => setBn({ ...(p.layer !== undefined && { derivLayer: p.layer }), ...(p.neuron !== undefined && { derivNeuron: p.neuron }) })}
      />
      <ActivationSwap ctx={swapped} onActivation={(a) => setBn({ netActivation: a })} />
    </>
  );
}
