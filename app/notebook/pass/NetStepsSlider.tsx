import { Slider } from '../../ui/Slider';
import { forwardSummary } from '../forward/forwardSteps';
import { useAppState } from '../../state/store';
import { useNotesContext } from './useNotesContext';

/** How far the tiny network has been trained (shared by sections 11 and 12), and its loss now. */
export function NetStepsSlider({ label = 'SGD steps already taken' }: { label?: string }) {
  const steps = useAppState((s) => s.netSteps);
  const setBn = useAppState((s) => s.setBn);
  const ctx = useNotesContext();
  return (
    <div className="controls net-steps">
      <Slider label={label} value={steps} min={0} max={60} step={1} onChange={(v) => setBn({ netSteps: v })} />
      <p className="net-steps-summary" data-testid="net-summary">
        After {steps} step{steps === 1 ? '' : 's'} (learning rate 0.5): {forwardSummary(ctx)}.
      </p>
    </div>
  );
}
