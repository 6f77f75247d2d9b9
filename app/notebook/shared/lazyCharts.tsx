import { type ComponentProps, Suspense, lazy } from 'react';

/**
 * The Recharts charts of sections 14 and 15, loaded on first use: Recharts is a large library, and the
 * notebook's text and equations should not wait for it. Each keeps its height while loading.
 */
const Running = lazy(() => import('../inference/RunningStatsChart').then((m) => ({ default: m.RunningStatsChart })));
const Scale = lazy(() => import('../why-it-works/ScaleChart').then((m) => ({ default: m.ScaleChart })));
const Landscape = lazy(() => import('../why-it-works/LandscapeChart').then((m) => ({ default: m.LandscapeChart })));

const Waiting = ({ height }: { height: number }) => (
  <p className="chart-waiting" style={{ minHeight: height }}>
    Loading the chart…
  </p>
);

export const RunningStatsChart = (p: ComponentProps<typeof Running>) => (
  <Suspense fallback={<Waiting height={280} />}>
    <Running {...p} />
  </Suspense>
);
export const ScaleChart = (p: ComponentProps<typeof Scale>) => (
  <Suspense fallback={<Waiting height={300} />}>
    <Scale {...p} />
  </Suspense>
);
export const LandscapeChart = (p: ComponentProps<typeof Landscape>) => (
  <Suspense fallback={<Waiting height={320} />}>
    <Landscape {...p} />
  </Suspense>
);
