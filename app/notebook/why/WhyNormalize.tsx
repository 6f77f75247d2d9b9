import { ScrollEquation } from '../../ui/ScrollEquation';
import { Slider } from '../../ui/Slider';
import { sliderProps } from '../../state/props';
import { BN_PROPS } from '../../state/slices/bn';
import { useAppState } from '../../state/store';
import { COVARIATE_PRESET, COVARIATE_SEEDS, type CovariateView, covariateShiftTask, driftSentences, percent, seedsSentence } from './covariateShift';
import { bandDomain, bandPoints } from './bandPaths';
import { useChunkedTask } from '../shared/useChunkedTask';
import { useNearViewport } from '../shared/useNearViewport';
import { QuantileChart } from './QuantileChart';
import { QuantileKey } from './QuantileKey';
import '../shared/network.css';

/** Section 1: internal covariate shift, live: one unit's input distribution over training, with and without BN. */
export function WhyNormalize() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const depth = useAppState((s) => s.whyDepth);
  const setBn = useAppState((s) => s.setBn);
  const { view, done } = useChunkedTask(() => covariateShiftTask(depth), [depth], near);
  return (
    <div ref={ref}>
      <p>
        Normalizing the input features of a network (mean 0, variance 1) usually makes learning faster, because the loss is
        better conditioned: its curvature is more alike in every direction, so one learning rate suits all the weights. The
        notes&apos; idea is to do the same <em>inside</em> the network. Two terms are easily mixed up here.{' '}
        <strong>Covariate shift</strong> is the input distribution P(x) changing between training and test data.{' '}
        <strong>Internal covariate shift</strong>, Ioffe and Szegedy&apos;s term, is the change of a hidden layer&apos;s input
        distribution <em>during training</em>: the inputs of each layer are the outputs of the layer before, and they keep moving
        while the earlier weights learn.
      </p>
      <ScrollEquation tex={String.raw`z^{[l]} = W^{[l]}\, a^{[l-1]}, \qquad a^{[l-1]} = f\!\left(W^{[l-1]} a^{[l-2]}\right)`} label="z of layer l depends on the weights of every earlier layer" />
      <p>
        Every update of W<sup>[l−1]</sup> changes the distribution of z<sup>[l]</sup>, so layer l chases a moving target. Here is
        that target, live: a network of {depth} sigmoid layer{depth === 1 ? '' : 's'} ({COVARIATE_PRESET.width} units each) learns the
        spiral with and without batch norm, from the same weights and batches. Plotted: the 15th, 50th and 85th percentiles of
        one unit&apos;s input to its sigmoid in the last layer, as in the paper&apos;s Figure 1.
      </p>
      <div className="controls">
        <Slider {...sliderProps(BN_PROPS.whyDepth)} value={depth} onChange={(d) => setBn({ whyDepth: d })} format={(d) => String(d)} testId="why-depth" />
      </div>
      <p className="progress" aria-live="polite" data-testid="shift-progress">
        {progressText(view, near, done)}
      </p>
      {view && <Charts view={view} />}
      {view && <Summary view={view} done={done} />}
      <p className="orientation-note">
        Whether removing this drift is <em>why</em> batch norm helps is another question; section 14 shows the later evidence.
      </p>
    </div>
  );
}

function progressText(view: CovariateView | null, near: boolean, done: boolean): string {
  if (!view) return near ? 'Starting the run…' : 'The run starts when you scroll here.';
  if (done) return `Trained ${view.step} steps, ${COVARIATE_SEEDS.length} seeds.`;
  if (view.step < view.total) return `Training… step ${view.step} of ${view.total}.`;
  return `Trained ${view.step} steps; ${view.seedAccuracy.bn.length} of ${COVARIATE_SEEDS.length} seeds done.`;
}

/** The two networks' charts on one y range, with a key for line, band and the input to BN. */
function Charts({ view }: { view: CovariateView }) {
  const domain = bandDomain([...bandPoints(view.rows, 'plain'), ...bandPoints(view.rows, 'bn'), ...bandPoints(view.rows, 'bnPre')]);
  return (
    <>
      <QuantileKey />
      <div className="chart-pair">
        <QuantileChart variant="plain" title="Without batch norm" rows={view.rows} total={view.total} domain={domain} />
        <QuantileChart variant="bn" title="With batch norm (before the sigmoid)" rows={view.rows} total={view.total} domain={domain} withPreBn />
      </div>
    </>
  );
}

function Summary({ view, done }: { view: CovariateView; done: boolean }) {
  const words = driftSentences(view.rows);
  if (!words) return null;
  return (
    <>
      <p data-testid="shift-summary">{words}</p>
      <p data-testid="shift-seeds">
        {done
          ? seedsSentence(view)
          : `Test accuracy after ${view.step} steps, seed 1: ${percent(view.accuracy.plain)} without BN, ${percent(view.accuracy.bn)} with (the other seeds are still training).`}
      </p>
    </>
  );
}
