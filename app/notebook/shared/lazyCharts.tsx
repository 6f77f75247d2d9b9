import { fromChunk } from '../codeChunk';
import { landscapeChart, runningChart, scaleChart } from './chartChunks';

/**
 * The Recharts charts of sections 14 and 15, loaded on first use (chartChunks.ts). Each keeps its height while loading.
 */
const Waiting = ({ height }: { height: number }) => (
  <p className="chart-waiting" style={{ minHeight: height }}>
    Loading the chart…
  </p>
);

export const RunningStatsChart = fromChunk('RunningStatsChart', runningChart, (m) => m.RunningStatsChart, <Waiting height={280} />);
export const ScaleChart = fromChunk('ScaleChart', scaleChart, (m) => m.ScaleChart, <Waiting height={300} />);
export const LandscapeChart = fromChunk('LandscapeChart', landscapeChart, (m) => m.LandscapeChart, <Waiting height={320} />);
