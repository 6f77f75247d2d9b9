import { useMemo } from 'react';
import { ChartFrame } from '../ui/ChartFrame';
import { sweepTable } from './model/labExport';
import { fmt } from '../ui/format';
import { usePair } from './usePair';
import { count } from './model/labText';
import { SWEEP_STEPS } from './model/labSettings';
import { useAppState } from '../state/store';
import { sweepDivergedText, sweepSummary, sweepView } from './model/sweepView';
import { sweepCaption } from './model/captions';
import { labController } from './controller';
import { runSettings } from './LiveLineChart';
import { SweepChart, SweepKey } from './SweepChart';
import { useRun } from './runStore';

/** For a range of learning rates, each network's final loss, or where it diverged. */
export function SweepPanel() {
  const pair = usePair();
  const sweep = useRun((s) => s.sweep);
  const classes = useRun((s) => s.info?.classes ?? 0);
  const fashion = useAppState((s) => s.labDataset === 'fashion');
  const view = useMemo(() => sweepView(sweep.points), [sweep.points]);
  const running = sweep.phase === 'running' || sweep.phase === 'loading';
  return (
    <div className="lab-sweep">
      <p>
        Each run trains both networks for {count(SWEEP_STEPS[fashion ? 'fashion' : '2d'])} steps from the same start, at learning rates from
        a hundredth to a hundred times the one set above. The chart shows the mean mini-batch loss over the last tenth of each run; a run that
        diverged has no such loss, so it is marked with an × in the band above the plot, outside the loss scale.
      </p>
      <div className="lab-sweep-actions">
        {running ? (
          <button type="button" onClick={() => labController().cancelSweep()}>
            Cancel the sweep
          </button>
        ) : (
          <button type="button" onClick={() => labController().startSweep()}>
            {sweep.phase === 'done' ? 'Run the sweep again' : 'Run the sweep'}
          </button>
        )}
        {running && (
          <label className="lab-progress">
            {sweep.phase === 'loading' ? 'Loading data…' : `Learning rate ${Math.min(sweep.points.length + 1, sweep.rates.length)} of ${sweep.rates.length}`}
            <progress max={sweep.totalSteps || 1} value={sweep.completedSteps} />
          </label>
        )}
      </div>
      {sweep.phase === 'error' && <p className="lab-error">The sweep stopped: {sweep.error}</p>}
      {sweep.points.length > 0 && (
        <>
          <ChartFrame title="Learning-rate sweep: final loss against learning rate" data={() => sweepTable(view, pair)} config={() => ({ ...runSettings(), points: undefined, sweepSteps: sweep.steps, rates: sweep.rates })}>
            <SweepChart view={view} rates={sweep.rates} label={`Final loss against learning rate.${sweepDivergedText(view, pair)} ${sweep.phase === 'done' ? sweepSummary(view) : ''}`} />
          </ChartFrame>
          <SweepKey />
          {sweep.phase === 'done' && (
            <p className="lab-summary" data-testid="sweep-summary">
              {sweepCaption(sweep.points, classes, sweep.steps, pair)} {sweepSummary(view)}
            </p>
          )}
          <table className="lab-sweep-table">
            <caption>Final mini-batch loss (and test accuracy) per learning rate</caption>
            <thead>
              <tr>
                <th scope="col">Learning rate</th>
                <th scope="col">{pair.label.plain}</th>
                <th scope="col">{pair.label.bn}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.lr}>
                  <th scope="row">{fmt(r.lr, 3)}</th>
                  <td>{r.plain}</td>
                  <td>{r.bn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
