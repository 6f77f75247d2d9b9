import { useMemo } from 'react';
import { useAppState } from '../state/store';
import { LineChartPanel } from './LineChartPanel';
import { count } from './model/labText';
import { seedBands, seedSummary } from './model/seedView';
import { seedsTable } from './model/seedsExport';
import type { Pair } from './model/pair';
import { usePair } from './usePair';
import { toCsv } from '../ui/export/csv';
import { download } from '../ui/export/download';
import { percentTick, valueDomain } from './model/labAxes';
import { SEED_COUNT, SEED_STEPS, seedsControl, seedsStore, useSeeds } from './seedsControl';

/** Downloads every seed's test evaluations (CSV), named by the first seed and the steps reached. */
function saveSeeds(pair: Pair): void {
  const { curves } = seedsStore.getState();
  if (curves.length === 0) return;
  const steps = Math.max(...curves.map((c) => c.step));
  download(toCsv(seedsTable(curves, pair)), `bn-lab-seeds-${curves[0].seed}-to-${curves[curves.length - 1].seed}-step${steps}.csv`, 'text/csv');
}

/** The study's buttons: start (or again), pause and resume, cancel, download. */
function SeedsButtons() {
  const phase = useSeeds((s) => s.phase);
  const pair = usePair();
  const evaluated = useSeeds((s) => s.curves.some((c) => c.tests.plain.step.length + c.tests.bn.step.length > 0));
  const busy = phase === 'running' || phase === 'loading' || phase === 'paused';
  return (
    <div className="lab-runbar" role="group" aria-label={`Comparison over ${SEED_COUNT} seeds`}>
      <button type="button" onClick={() => seedsControl().start()}>
        {phase === 'idle' || phase === 'error' ? `Run ${SEED_COUNT} seeds` : `Run ${SEED_COUNT} seeds again`}
      </button>
      {busy && (
        <button type="button" onClick={() => (phase === 'paused' ? seedsControl().resume() : seedsControl().pause())} disabled={phase === 'loading'}>
          {phase === 'paused' ? 'Resume' : 'Pause'}
        </button>
      )}
      {phase !== 'idle' && (
        <button type="button" onClick={() => seedsControl().cancel()}>
          Clear
        </button>
      )}
      <button type="button" onClick={() => saveSeeds(pair)} disabled={!evaluated}>
        Download the seeds’ test results (CSV)
      </button>
    </div>
  );
}

/**
 * The comparison over several seeds: the lab's run with the seed set above and the next four, each
 * network's lowest, median and highest test accuracy and loss over the seeds, and the verdict per
 * seed, so one lucky seed is not taken for evidence. In its own Worker, pausable.
 */
export function SeedsPanel() {
  const fashion = useAppState((s) => s.labDataset === 'fashion');
  const seed = useAppState((s) => s.labSeed);
  const { phase, completed, total, curves, testRows, classes, error } = useSeeds((s) => s);
  const pair = usePair();
  const accuracy = useMemo(() => seedBands(curves, 'accuracy', pair), [curves, pair]);
  const loss = useMemo(() => seedBands(curves, 'loss', pair), [curves, pair]);
  const summary = useMemo(() => seedSummary(curves, testRows, classes, pair), [curves, testRows, classes, pair]);
  const xMax = Math.max(1, ...curves.map((c) => c.step));
  const lossDomain = valueDomain(loss);
  return (
    <div className="lab-seeds">
      <p>
        One run is one draw: another seed gives other starting weights, another batch order and, for the 2-D sets, other data. This trains the
        same comparison with seeds {count(seed)} to {count(seed + SEED_COUNT - 1)}, {count(SEED_STEPS[fashion ? 'fashion' : '2d'])} steps each,
        and draws each network’s lowest, median and highest test result over the seeds.
      </p>
      <SeedsButtons />
      <p className="lab-position" aria-live="polite" data-testid="seeds-status">
        {phase === 'loading' && 'Loading the Fashion-MNIST subset…'}
        {(phase === 'running' || phase === 'paused') && `${phase === 'paused' ? 'Paused' : 'Training'}: ${Math.floor((100 * completed) / Math.max(1, total))} % of ${count(total)} steps.`}
        {phase === 'done' && `Done: ${count(total)} steps.`}
        {phase === 'error' && `The seeds could not run: ${error}`}
      </p>
      {phase === 'running' && <progress className="lab-progress" max={total} value={completed} aria-label="Seeds trained" />}
      {curves.length > 0 && (
        <div className="lab-grid">
          <figure className="lab-figure">
            <figcaption>Test accuracy over {curves.length} seeds (thick: median; thin: lowest and highest)</figcaption>
            <LineChartPanel label={`Test accuracy over training steps, lowest, median and highest over ${curves.length} seeds, both networks`} lines={accuracy} yDomain={[0, 1]} yLabel="test accuracy (%)" yFormat={percentTick} xMax={xMax} />
          </figure>
          <figure className="lab-figure">
            <figcaption>Test loss over {curves.length} seeds (thick: median; thin: lowest and highest)</figcaption>
            <LineChartPanel label={`Test loss over training steps, lowest, median and highest over ${curves.length} seeds, both networks`} lines={loss} yDomain={lossDomain ? [0, lossDomain[1]] : null} yLabel="test loss (cross-entropy, nats)" xMax={xMax} />
          </figure>
        </div>
      )}
      {summary && (
        <p className="lab-look" data-testid="seeds-summary">
          {summary.text}
        </p>
      )}
    </div>
  );
}
