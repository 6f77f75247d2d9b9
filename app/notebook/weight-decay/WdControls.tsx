import { ListSlider } from '../../ui/ListSlider';
import { Slider } from '../../ui/Slider';
import { Toggle } from '../../ui/Toggle';
import { fmt } from '../../ui/format';
import { sliderProps } from '../../state/props';
import { BEYOND_PROPS, WD_LR_STEPS, WD_STEPS, type WdEps } from '../../state/slices/beyond';
import { useAppState } from '../../state/store';
import type { WdRunState } from './useWdRun';

const EPS_OPTIONS = [
  { value: 'pytorch', label: 'ε = 10⁻⁵ (PyTorch)' },
  { value: 'zero', label: 'ε = 0 (exact)' },
] as const satisfies readonly { value: WdEps; label: string }[];

/** λ, η, BN's ε and the number of steps: each change starts a new run (see useWdRun). */
export function WdSettingsControls() {
  const wd = useAppState((s) => s.wdDecay);
  const lr = useAppState((s) => s.wdLr);
  const eps = useAppState((s) => s.wdEps);
  const steps = useAppState((s) => s.wdSteps);
  const set = useAppState((s) => s.setBeyond);
  return (
    <div className="controls">
      <ListSlider label="Weight decay λ (compared with 0)" value={wd} values={WD_STEPS} onChange={(v) => set({ wdDecay: v })} format={(v) => fmt(v, 2)} testId="wd-value" />
      <ListSlider label="Learning rate η" value={lr} values={WD_LR_STEPS} onChange={(v) => set({ wdLr: v })} format={(v) => fmt(v, 3)} testId="wd-lr-value" />
      <Slider {...sliderProps(BEYOND_PROPS.wdSteps)} value={steps} onChange={(v) => set({ wdSteps: v })} format={(v) => v.toLocaleString('en')} />
      <Toggle label="BN’s ε" value={eps} options={EPS_OPTIONS} onChange={(v) => set({ wdEps: v })} />
    </div>
  );
}

/** Play or pause, reset, and where the run is. */
export function WdRunBar({ state }: { state: WdRunState }) {
  const { run, playing } = state;
  const total = run.options.steps;
  const done = run.step >= total;
  const status = done ? `Trained ${total.toLocaleString('en')} steps.` : playing ? `Training… step ${run.step.toLocaleString('en')} of ${total.toLocaleString('en')}.` : `Paused at step ${run.step.toLocaleString('en')} of ${total.toLocaleString('en')}.`;
  return (
    <div className="wd-run-bar">
      {/* aria-disabled, not disabled, once the run is over: a disabled button drops the keyboard focus to the page (the run ends by itself while focused). */}
      <button
        type="button"
        onClick={done && !playing ? undefined : playing ? state.pause : state.play}
        aria-disabled={done && !playing}
        aria-label={playing ? 'Pause the weight-decay run' : done ? 'Play the weight-decay run (finished: Reset runs it again)' : 'Play the weight-decay run'}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={state.reset} aria-label="Reset the weight-decay run to step 0">
        Reset
      </button>
      <p className="progress" aria-live={playing ? 'off' : 'polite'} data-testid="wd-progress">
        {status}
      </p>
    </div>
  );
}
