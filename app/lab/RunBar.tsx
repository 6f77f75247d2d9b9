import { useId } from 'react';
import { count, positionText, replayText } from './model/labText';
import { useAppState } from '../state/store';
import { labController } from './controller';
import { useRun } from './runStore';
import { Select, type SelectOption } from '../ui/Select';

export const SPEEDS: readonly SelectOption<number>[] = [
  ...[1, 3, 10, 30, 100, 300, 1000].map((v) => ({ value: v, label: `${v} step${v === 1 ? '' : 's'}/s` })),
  { value: 0, label: 'As fast as possible' },
];

/** Play / Pause, one Step, Reset (replays the same run), the speed, and where the run is. */
export function RunBar() {
  const playing = useRun((s) => s.playing);
  const phase = useRun((s) => s.phase);
  const step = useRun((s) => s.step);
  const stepsPerEpoch = useRun((s) => s.info?.stepsPerEpoch ?? null);
  const speed = useAppState((s) => s.labSpeed);
  const setLab = useAppState((s) => s.setLab);
  const maxSteps = useRun((s) => s.info?.maxSteps ?? Infinity);
  const replayTo = useRun((s) => (s.replay && !s.replay.done ? s.replay.target : null));
  const usable = phase === 'ready' || phase === 'loading';
  // At the step limit, Play and Step would do nothing: they are disabled, and the bar says why.
  const atLimit = phase === 'ready' && step >= maxSteps;
  const limitId = useId();
  return (
    <div className="lab-runbar" role="group" aria-label="Training controls">
      <button
        type="button"
        className="lab-play"
        disabled={!usable || (atLimit && !playing)}
        aria-describedby={atLimit ? limitId : undefined}
        onClick={() => (playing ? labController().pause() : labController().play())}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" disabled={phase !== 'ready' || playing || atLimit || replayTo !== null} aria-describedby={atLimit ? limitId : undefined} onClick={() => labController().step()}>
        Step
      </button>
      <button type="button" onClick={() => labController().reset()}>
        Reset
      </button>
      {atLimit && (
        <p id={limitId} className="lab-hint">
          Step {count(maxSteps)} is the limit of one run: Reset replays it.
        </p>
      )}
      <Select label="Speed" value={speed} options={SPEEDS} onChange={(v) => setLab({ labSpeed: v })} />
      <p className="lab-position" data-testid="lab-step">
        {replayTo !== null ? replayText(step, replayTo) : phase === 'loading' && step === 0 ? 'Preparing…' : positionText(step, stepsPerEpoch)}
        {replayTo !== null && <progress className="lab-replay-progress" max={replayTo} value={step} aria-label={`Replaying to step ${count(replayTo)}`} />}
      </p>
    </div>
  );
}
