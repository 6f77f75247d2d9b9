import { Slider } from '../../ui/Slider';
import { forwardSummary } from '../forward/forwardSteps';
import { sliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { useAppState } from '../../state/store';
import { useNotesContext } from './useNotesContext';

/** How far the tiny network has been trained (shared by sections 11 and 12), and its loss now. */
export function NetStepsSlider({ label = BN_PROPS.netSteps.label }: { label?: string }) {
  const steps = useAppState((s) => s.netSteps);
  const setBn = useAppState((s) => s.setBn);
  const ctx = useNotesContext();
  return (
    <div className="controls net-steps">
      <Slider {...sliderProps(BN_PROPS.netSteps)} label={label} value={steps} onChange={(v) => setBn({ netSteps: v })} />
      <p className="net-steps-summary" data-testid="net-summary">
        After {steps} step{steps === 1 ? '' : 's'} (learning rate 0.5): {forwardSummary(ctx)}.
      </p>
    </div>
  );
}
