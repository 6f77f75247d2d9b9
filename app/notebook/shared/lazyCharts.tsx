import { type ComponentProps, type ComponentType, Suspense, lazy } from 'react';
import { Turn, type TurnOf } from '../../ui/Turn';

/**
 * The Recharts charts of sections 14 and 15, loaded on first use: Recharts is a large library, and the
 * notebook's text and equations should not wait for it. Each keeps its height while loading.
 */
const Waiting = ({ height }: { height: number }) => (
  <p className="chart-waiting" style={{ minHeight: height }}>
    Loading the chart…
  </p>
);

/** A chart once its code is here and its turn has come (charts sharing Recharts are drawn one per task: ui/Turn.tsx). */
function inTurn<P extends object>(Chart: ComponentType<P>, height: number): { default: ComponentType<P> } {
  const turn: TurnOf = {};
  const InTurn = (p: P) => (
    <Turn of={turn} fallback={<Waiting height={height} />}>
      <Chart {...p} />
    </Turn>
  );
  return { default: InTurn };
}

const Running = lazy(() => import('../inference/RunningStatsChart').then((m) => inTurn(m.RunningStatsChart, 280)));
const Scale = lazy(() => import('../why-it-works/ScaleChart').then((m) => inTurn(m.ScaleChart, 300)));
const Landscape = lazy(() => import('../why-it-works/LandscapeChart').then((m) => inTurn(m.LandscapeChart, 320)));

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
