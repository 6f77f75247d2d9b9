import { valueDomain } from './model/labAxes';
import { metricLines } from './model/labCharts';
import { ghostMetricLines } from './model/ghostLines';
import { LiveLineChart, type LiveLines, lastStep } from './LiveLineChart';
import type { RunState } from './runStore';

const loss = (s: RunState): LiveLines | null => {
  if (!s.series) return null;
  const lines = [...ghostMetricLines(s.ghost, 'loss'), ...metricLines(s.series, 'loss')];
  const d = valueDomain(lines);
  return { lines, yDomain: d ? [0, d[1]] : null, xMax: lastStep(s) };
};
const accuracy = (s: RunState): LiveLines | null =>
  s.series ? { lines: [...ghostMetricLines(s.ghost, 'accuracy'), ...metricLines(s.series, 'accuracy')], yDomain: [0, 1], xMax: lastStep(s) } : null;

/** Loss and accuracy of both networks, mini-batch and test set, on shared step axes. */
export function MetricCharts() {
  return (
    <div className="lab-grid">
      <figure className="lab-figure">
        <figcaption>Loss (cross-entropy)</figcaption>
        <LiveLineChart select={loss} label="Loss over training steps, both networks" yLabel="loss" />
      </figure>
      <figure className="lab-figure">
        <figcaption>Accuracy</figcaption>
        <LiveLineChart select={accuracy} label="Accuracy over training steps, both networks" yLabel="accuracy" yDomain={[0, 1]} />
      </figure>
    </div>
  );
}
