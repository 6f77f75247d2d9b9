import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../ui/ChartFrame';
import { sweepTable } from './model/labExport';
import { fmt } from '../ui/format';
import { useElementWidth } from '../ui/useElementWidth';
import { niceAxis, valueDomain } from './model/labAxes';
import { VARIANT_LABEL, VARIANT_ORDER } from './model/variants';
import { count } from './model/labText';
import { SWEEP_STEPS } from './model/labSettings';
import { useAppState } from '../state/store';
import { type SweepView, sweepDomain, sweepSummary, sweepView } from './model/sweepView';
import { labController } from './controller';
import { runSettings } from './LiveLineChart';
import { VARIANT_COLOR, lineStyle } from './lineStyle';
import { useRun } from './runStore';

const tick = { fontSize: 12, fill: 'var(--muted)' };

/** An × drawn where a network diverged (a Line's dot; the line itself is invisible). */
const cross = (color: string) =>
  function Cross({ cx, cy }: { cx?: number; cy?: number }) {
    if (cx === undefined || cy === undefined) return <g />;
    return <path d={`M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx + 5},${cy - 5}L${cx - 5},${cy + 5}`} stroke={color} strokeWidth={2.2} />;
  };
const CROSS = { plain: cross(VARIANT_COLOR.plain), bn: cross(VARIANT_COLOR.bn) };

/** Final loss against learning rate, both networks; an × along the top where one diverged. */
function SweepChart({ view, rates, label }: { view: SweepView; rates: readonly number[]; label: string }) {
  const [box, width] = useElementWidth<HTMLDivElement>(640);
  const all = VARIANT_ORDER.flatMap((v) => view.lines[v]);
  const domain = valueDomain([{ id: 'all', name: '', variant: 'bn', role: 'test', points: all }]);
  const top = domain ? domain[1] : 1;
  const yAxis = niceAxis([0, top * 1.12]);
  const marks = (v: 'plain' | 'bn') => view.diverged[v].map((lr) => ({ s: lr, v: top * (v === 'plain' ? 1.08 : 1.02) }));
  return (
    <div ref={box} className="lab-chart" role="img" aria-label={label}>
      <LineChart width={width} height={240} margin={{ top: 12, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--c-grid)" strokeDasharray="2 4" />
        <XAxis dataKey="s" type="number" scale="log" domain={sweepDomain(rates)} allowDataOverflow ticks={rates.filter((_, i) => width >= 480 || i % 2 === 0)} interval={0} tick={tick} tickFormatter={(v: number) => fmt(v, 4)} label={{ value: 'learning rate (log scale)', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 12 }} />
        <YAxis type="number" domain={yAxis.domain} ticks={yAxis.ticks} interval={0} allowDataOverflow tick={tick} width={52} tickFormatter={(v: number) => fmt(v, 4)} />
        {VARIANT_ORDER.map((v) => (
          <Line key={v} data={view.lines[v] as never[]} dataKey="v" name={VARIANT_LABEL[v]} isAnimationActive={false} dot={{ r: 3.5, fill: VARIANT_COLOR[v] }} activeDot={false} {...lineStyle(v, 'test')} />
        ))}
        {VARIANT_ORDER.map((v) => (
          <Line key={`${v}-x`} data={marks(v) as never[]} dataKey="v" name={`${VARIANT_LABEL[v]} diverged`} stroke="none" isAnimationActive={false} dot={CROSS[v]} activeDot={false} />
        ))}
      </LineChart>
    </div>
  );
}

/** For a range of learning rates, each network's final loss, or where it diverged. */
export function SweepPanel() {
  const sweep = useRun((s) => s.sweep);
  const fashion = useAppState((s) => s.labDataset === 'fashion');
  const view = useMemo(() => sweepView(sweep.points), [sweep.points]);
  const running = sweep.phase === 'running' || sweep.phase === 'loading';
  return (
    <div className="lab-sweep">
      <p>
        Each run trains both networks for {count(SWEEP_STEPS[fashion ? 'fashion' : '2d'])} steps from the same start, at learning rates from
        a hundredth to a hundred times the one set above. The chart shows the mean mini-batch loss over the last tenth of each run, and an × where a
        network diverged.
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
          <ChartFrame title="Learning-rate sweep: final loss against learning rate" data={() => sweepTable(view)} config={() => ({ ...runSettings(), points: undefined, sweepSteps: sweep.steps, rates: sweep.rates })}>
            <SweepChart view={view} rates={sweep.rates} label={`Final loss against learning rate. ${sweep.phase === 'done' ? sweepSummary(view) : ''}`} />
          </ChartFrame>
          {sweep.phase === 'done' && <p className="lab-summary" data-testid="sweep-summary">{sweepSummary(view)}</p>}
          <table className="lab-sweep-table">
            <caption>Final mini-batch loss per learning rate</caption>
            <thead>
              <tr>
                <th scope="col">Learning rate</th>
                <th scope="col">{VARIANT_LABEL.plain}</th>
                <th scope="col">{VARIANT_LABEL.bn}</th>
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
