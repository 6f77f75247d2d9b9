import { runStatusText } from './model/runStatus';
import { useRun } from './runStore';
import { usePair } from './usePair';

/** The id of the full notices (RunNotices), which the status's button brings into view. */
export const NOTICES_ID = 'lab-notices';

/**
 * Divergence and why playing stopped, in one line inside the sticky run bar: it stays in view while
 * the reader watches the charts (the full notices, below the bar, scroll away under it). Not a live
 * region: the notices announce the same news once; this line only repeats it where it can be seen.
 * “Show details” scrolls to the notices and moves the focus there.
 */
export function RunStatus() {
  const diverged = useRun((s) => s.diverged);
  const stopped = useRun((s) => s.stopped);
  const maxSteps = useRun((s) => s.info?.maxSteps ?? 0);
  const pair = usePair();
  const text = runStatusText(diverged, stopped, maxSteps, pair);
  if (!text) return null;
  const show = () => {
    const notices = document.getElementById(NOTICES_ID);
    if (!notices) return;
    notices.scrollIntoView({ block: 'center' });
    notices.focus({ preventScroll: true });
  };
  return (
    <p className="lab-status" data-testid="lab-status">
      <span>
        <span className="lab-status-mark" aria-hidden="true">
          ⚠
        </span>{' '}
        {text}
      </span>{' '}
      <button type="button" className="lab-status-details" onClick={show}>
        Show details
      </button>
    </p>
  );
}
