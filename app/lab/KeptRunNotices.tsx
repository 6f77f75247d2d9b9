import { Notice } from '../ui/Notice';
import { count } from './model/labText';
import { useRun } from './runStore';
import './ghost.css';

/**
 * What the lab kept of the reader's work, said once each in a polite live region: a run resumed at a
 * step (replayed in the Worker: its progress is in the run bar, not here, so nothing repeats), and a
 * run that restarted because a setting changed, whose predecessor stays on the charts as a ghost.
 */
export function KeptRunNotices() {
  const notice = useRun((s) => s.ghost?.notice ?? null);
  const target = useRun((s) => s.replay?.target ?? null);
  const done = useRun((s) => s.replay?.done ?? false);
  const reached = useRun((s) => (s.replay?.done ? s.step : null));
  return (
    <div className="lab-kept" aria-live="polite">
      {target !== null && (
        <p className="lab-kept-replay" data-testid="lab-replay-note">
          {done && reached !== null
            ? `Resumed at step ${count(reached)}: the run was replayed from step 0 with the same settings and seed, so every chart is as if it had been played. Play continues from here.`
            : `Replaying the run to step ${count(target)}, where it was left: the same settings and seed give the same run, step for step.`}
        </p>
      )}
      {notice && (
        <Notice title="The run restarted; the previous one is kept" testId="lab-ghost-notice">
          <p>{notice}</p>
        </Notice>
      )}
    </div>
  );
}
