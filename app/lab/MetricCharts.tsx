import { useCallback } from 'react';
import { Notice } from '../ui/Notice';
import { percentTick, valueDomain } from './model/labAxes';
import { metricLines } from './model/labCharts';
import { pairOfSettings } from './model/pair';
import { ghostMetricLines } from './model/ghostLines';
import { type Smoothing, batchAccuracyValues, smallBatchNote, trainSmoothing } from './model/smallBatch';
import { LiveLineChart, type LiveLines, lastStep } from './LiveLineChart';
import { type RunState, useRun } from './runStore';
import { usePair } from './usePair';

/** How this run's mini-batch curves are drawn (a moving mean below m = 8), from the run's own settings. */
export function runSmoothing(s: RunState): Smoothing | null {
  return s.info ? trainSmoothing(s.info.settings.batch, s.info.logEvery) : null;
}

const loss = (s: RunState): LiveLines | null => {
  if (!s.series) return null;
  const lines = [...ghostMetricLines(s.ghost, 'loss'), ...metricLines(s.series, 'loss', undefined, runSmoothing(s), pairOfSettings(s.info?.settings))];
  const d = valueDomain(lines);
  return { lines, yDomain: d ? [0, d[1]] : null, xMax: lastStep(s) };
};
const accuracy = (s: RunState): LiveLines | null =>
  s.series ? { lines: [...ghostMetricLines(s.ghost, 'accuracy'), ...metricLines(s.series, 'accuracy', undefined, runSmoothing(s), pairOfSettings(s.info?.settings))], yDomain: [0, 1], xMax: lastStep(s) } : null;

/** “μ_B and σ²_B” with real subscripts. */
const withSubscripts = (text: string) => text.split(/(μ_B|σ²_B)/).map((part, i) => (i % 2 === 1 ? <span key={i}>{part.slice(0, -2)}<sub>B</sub></span> : part));

/** Loss and accuracy of both networks, mini-batch and test set, on shared step axes. */
export function MetricCharts() {
  const m = useRun((s) => s.info?.settings.batch ?? null);
  const smoothed = useRun(useCallback((s: RunState) => runSmoothing(s)?.text ?? null, []));
  const cnn = useRun((s) => s.info?.settings.model === 'cnn');
  const pair = usePair();
  const note = m === null ? null : smallBatchNote(m, cnn, pair);
  const also = smoothed ? `; mini-batch lines: ${smoothed}` : '';
  return (
    <>
      {note && (
        <div className="lab-small-batch">
          <Notice title={`Small batches: m = ${m}`} testId="small-batch-note">
            <p>{withSubscripts(note)}</p>
            {smoothed && (
              <p>
                Mini-batch curves: the <strong>{smoothed}</strong>, since one batch’s accuracy can only be {batchAccuracyValues(m!)}; the test curves
                are not smoothed.
              </p>
            )}
          </Notice>
        </div>
      )}
      <div className="lab-grid">
        <figure className="lab-figure">
          <figcaption>Loss (cross-entropy)</figcaption>
          <LiveLineChart select={loss} label={`Loss over training steps, both networks${also}`} yLabel="loss (cross-entropy, nats)" valueLabel="loss" />
        </figure>
        <figure className="lab-figure">
          <figcaption>Accuracy</figcaption>
          <LiveLineChart
            select={accuracy}
            label={`Accuracy over training steps, both networks${also}`}
            yLabel="accuracy (%)"
            yFormat={percentTick}
            valueLabel="accuracy (fraction correct, 0–1)"
            yDomain={[0, 1]}
          />
        </figure>
      </div>
    </>
  );
}
