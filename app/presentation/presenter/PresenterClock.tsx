import { formatElapsed, minutesWords } from './stopwatch';
import { useStopwatch } from './useStopwatch';

/**
 * The presenter's elapsed time: start, pause (and resume), reset. The time is a timer (not read out
 * every second); a polite live line says the whole minutes, so it speaks once a minute at most.
 */
export function PresenterClock() {
  const watch = useStopwatch();
  const label = watch.running ? 'Pause' : watch.elapsed > 0 ? 'Resume' : 'Start';
  return (
    <section className="presenter-clock" aria-labelledby="presenter-clock-title">
      <h2 id="presenter-clock-title">Elapsed</h2>
      <p className="presenter-time" role="timer" data-testid="presenter-time" data-running={watch.running}>
        {formatElapsed(watch.elapsed)}
      </p>
      <p className="deck-sr" aria-live="polite" data-testid="presenter-minutes">
        {minutesWords(watch.elapsed)}
      </p>
      <div className="presenter-clock-buttons">
        <button type="button" onClick={watch.toggle} aria-label={`${label} the timer`}>
          {label}
        </button>
        <button type="button" onClick={watch.reset} disabled={watch.elapsed === 0 && !watch.running} aria-label="Reset the timer">
          Reset
        </button>
      </div>
    </section>
  );
}
