import { useCallback } from 'react';
import { readout } from './model/readouts';
import { VARIANT_ORDER } from './model/variants';
import { usePair } from './usePair';
import { count, percent, speedText, value } from './model/labText';
import { type RunState, useRun } from './runStore';
import { useRunView } from './useRunView';

/** The latest numbers of both networks: what the charts draw, as text (and for screen readers). */
export function Readouts() {
  const pair = usePair();
  const rows = useRunView(
    useCallback(
      (s: RunState) =>
        VARIANT_ORDER.map((v) => ({
          v,
          r: s.series ? readout(s.series, v) : null,
          diverged: s.diverged[v],
        })),
      [],
    ),
  );
  // Not in the throttled view: it recomputes on new data, and Play, Pause and a new rate are not data.
  const playing = useRun((s) => s.playing);
  const stopped = useRun((s) => s.stopped);
  const perSecond = useRun((s) => s.stepsPerSecond);
  const replaying = useRun((s) => s.replay !== null && !s.replay.done);
  return (
    <div className="lab-table-wrap">
    <table className="lab-readouts">
      <caption>Latest numbers</caption>
      <thead>
        <tr>
          <th scope="col">Network</th>
          <th scope="col">Mini-batch loss</th>
          <th scope="col">Test loss</th>
          <th scope="col">Test accuracy</th>
          <th scope="col">Speed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ v, r, diverged }) => (
          <tr key={v} className={`lab-row-${v}`} data-testid={`readout-${v}`}>
            <th scope="row">{pair.label[v]}</th>
            <td>{value(r?.trainLoss ?? null)}</td>
            <td>{value(r?.testLoss ?? null)}</td>
            <td data-testid={`test-accuracy-${v}`}>
              {percent(r?.testAccuracy ?? null)}
              {r?.testStep != null && <span className="lab-at"> at step {count(r.testStep)}</span>}
            </td>
            <td>{diverged ? `diverged at step ${count(diverged.step)}` : replaying ? 'replaying' : speedText(playing, perSecond[v], stopped)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
