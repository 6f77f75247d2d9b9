import { DeckPart } from '../../ui/DeckPart';
import { Slider } from '../../ui/Slider';
import { sliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { useAppState } from '../../state/store';
import { COVARIATE_SEEDS, type CovariateView, driftSentences, percent, seedsSentence } from './covariateShift';
import { bandDomain, bandPoints } from './bandPaths';
import { useChunkedTask } from '../shared/useChunkedTask';
import { useNearViewport } from '../shared/useNearViewport';
import { useCovariateWorker } from './useCovariateWorker';
import { QuantileChart } from './QuantileChart';
import { QuantileKey } from './QuantileKey';

/** Where Workers exist (browsers; not jsdom) section 1 trains in one, else in slices on the page (the engine loaded then). */
const inWorker = typeof Worker !== 'undefined';

/** Section 1's run: the two networks trained (in a Worker) once the section is near the screen, for the chosen depth. */
export function useCovariateRun() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const depth = useAppState((s) => s.whyDepth);
  const inPage = useChunkedTask(() => import('./covariateTask').then((m) => m.covariateShiftTask(depth)), [depth], near && !inWorker);
  const worker = useCovariateWorker(depth, near && inWorker);
  const { view, done } = inWorker ? worker : inPage;
  return { ref, near, depth, view, done };
}

/** The number of hidden layers of section 1's networks. */
export function DepthSlider({ depth }: { depth: number }) {
  const setBn = useAppState((s) => s.setBn);
  return <Slider {...sliderProps(BN_PROPS.whyDepth)} value={depth} onChange={(d) => setBn({ whyDepth: d })} format={(d) => String(d)} testId="why-depth" />;
}

export function progressText(view: CovariateView | null, near: boolean, done: boolean): string {
  if (!view) return near ? 'Starting the run…' : 'The run starts when you scroll here.';
  if (done) return `Trained ${view.step} steps, ${COVARIATE_SEEDS.length} seeds.`;
  if (view.step < view.total) return `Training… step ${view.step} of ${view.total}.`;
  return `Trained ${view.step} steps; ${view.seedAccuracy.bn.length} of ${COVARIATE_SEEDS.length} seeds done.`;
}

/** The two networks' charts on one y range, with a key for line, band and the input to BN (unless `keyUntil` hides it after that part). */
export function Charts({ view, keyUntil }: { view: CovariateView; keyUntil?: number }) {
  const domain = bandDomain([...bandPoints(view.rows, 'plain'), ...bandPoints(view.rows, 'bn'), ...bandPoints(view.rows, 'bnPre')]);
  return (
    <>
      <DeckPart until={keyUntil}>
        <QuantileKey />
      </DeckPart>
      <div className="chart-pair">
        <QuantileChart variant="plain" title="Without batch norm" rows={view.rows} total={view.total} domain={domain} />
        <QuantileChart variant="bn" title="With batch norm (before the sigmoid)" rows={view.rows} total={view.total} domain={domain} withPreBn />
      </div>
    </>
  );
}

/** How far each network's median drifted, in words (nothing until the run has rows). */
export function Drift({ view }: { view: CovariateView }) {
  const words = driftSentences(view.rows);
  return words ? <p data-testid="shift-summary">{words}</p> : null;
}

/** Section 1's caveat, on the page and on the slide: the drift shown is not yet the reason BN helps (its depth-1 claim: tests/app/notebook/why/WhyNormalize.test.tsx). */
export function DriftCaveat() {
  return (
    <p className="orientation-note">
      Is drift <em>why</em> BN helps? BN does not stop its input moving; at depth 1 neither median drifts, yet BN wins. See section 14.
    </p>
  );
}

/** The test accuracy over the seeds (or seed 1's while the others train). */
export function Seeds({ view, done }: { view: CovariateView; done: boolean }) {
  if (!driftSentences(view.rows)) return null;
  return (
    <p data-testid="shift-seeds">
      {done
        ? seedsSentence(view)
        : `Test accuracy after ${view.step} steps, seed 1: ${percent(view.accuracy.plain)} without BN, ${percent(view.accuracy.bn)} with (the other seeds are still training).`}
    </p>
  );
}
