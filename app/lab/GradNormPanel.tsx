import { useCallback } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { fmt } from '../lib/format';
import { VARIANT_LABEL, gradNormLines, latestGradNorms, logDomain, logTicks } from '../lib/labCharts';
import { useElementWidth } from '../lib/useElementWidth';
import { useAppState } from '../state/store';
import { LiveLineChart, type LiveLines, lastStep } from './LiveLineChart';
import { VARIANT_COLOR } from './lineStyle';
import type { RunState } from './runStore';
import { useRun } from './runStore';
import { useRunView } from './useRunView';

const tick = { fontSize: 12, fill: 'var(--muted)' };

const latest = (s: RunState) => {
  if (!s.series) return null;
  const rows = latestGradNorms(s.series).map((r) => ({ layer: r.layer, plain: r.plain && r.plain > 0 ? r.plain : null, bn: r.bn && r.bn > 0 ? r.bn : null }));
  const points = rows.flatMap((r) => [r.plain, r.bn]).filter((x): x is number => x !== null).map((v) => ({ s: 0, v }));
  return { rows, domain: logDomain([{ id: 'all', name: '', variant: 'bn', role: 'grad', points }]) };
};

/** Bars are a full Recharts redraw: once a second is enough for values that jump every step anyway. */
const BARS_MS = 1000;

/** ‖∂L/∂W_l‖ of every weight layer at the latest logged step: bars on a log scale, both networks. */
function LatestBars() {
  const view = useRunView(latest, BARS_MS);
  const [box, width] = useElementWidth<HTMLDivElement>(420);
  const summary = (view?.rows ?? []).map((r) => `${r.layer}: ${VARIANT_LABEL.plain} ${r.plain === null ? 'none' : fmt(r.plain, 2)}, ${VARIANT_LABEL.bn} ${r.bn === null ? 'none' : fmt(r.bn, 2)}`).join('; ');
  return (
    <div ref={box} className="lab-chart" role="img" aria-label={`Gradient norms per weight layer at the latest step. ${summary}`}>
      <BarChart width={width} height={220} data={view?.rows ?? []} margin={{ top: 8, right: 12, bottom: 18, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--c-grid)" strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="layer" tick={tick} interval={0} label={{ value: 'weight layer (W₁ is nearest the input)', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 12 }} />
        <YAxis type="number" scale="log" domain={view?.domain ?? [1e-3, 1]} ticks={logTicks(view?.domain ?? [1e-3, 1])} interval={0} allowDataOverflow tick={tick} width={52} tickFormatter={(v: number) => fmt(v, 4)} />
        <Bar dataKey="plain" name={VARIANT_LABEL.plain} fill={VARIANT_COLOR.plain} fillOpacity={0.3} stroke={VARIANT_COLOR.plain} strokeWidth={1.5} strokeDasharray="5 3" isAnimationActive={false} />
        <Bar dataKey="bn" name={VARIANT_LABEL.bn} fill={VARIANT_COLOR.bn} stroke={VARIANT_COLOR.bn} strokeWidth={1.5} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

/**
 * ‖∂L/∂W_l‖ of each weight layer at the latest logged step (bars, log scale: vanishing gradients
 * show as bars orders of magnitude apart), and over training for the weights into the hidden layer
 * chosen in the quantile panel.
 */
export function GradNormPanel() {
  const hidden = useRun((s) => s.info?.hidden.length ?? 0);
  const chosen = useAppState((s) => s.labLayer);
  const layer = Math.max(1, chosen === 0 || chosen > hidden ? hidden : chosen);
  const overTime = useCallback(
    (s: RunState): LiveLines | null => {
      if (!s.series) return null;
      const lines = gradNormLines(s.series, layer - 1);
      return { lines, yDomain: logDomain(lines), xMax: lastStep(s) };
    },
    [layer],
  );
  return (
    <div className="lab-grid">
      <figure className="lab-figure">
        <figcaption>Latest ‖∂L/∂W‖ per layer</figcaption>
        <LatestBars />
      </figure>
      <figure className="lab-figure">
        <figcaption>
          ‖∂L/∂W{layer}‖ over training{hidden > 0 && <span className="lab-at"> (the weights into hidden layer {layer}, chosen above)</span>}
        </figcaption>
        <LiveLineChart select={overTime} label={`Gradient norm of weight layer ${layer} over training, both networks`} yLabel="norm (log)" log />
      </figure>
    </div>
  );
}
