import { ScrollEquation } from '../../ui/ScrollEquation';
import { fmt } from '../../ui/format';
import { COVARIATE_PRESET, covariateShiftTask, medianDrift, percent } from './covariateShift';
import { useChunkedTask } from '../shared/useChunkedTask';
import { useNearViewport } from '../shared/useNearViewport';
import { QuantileChart } from './QuantileChart';
import '../shared/network.css';

/** Section 1: covariate shift, live: one unit's input distribution over training, with and without BN. */
export function WhyNormalize() {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  const { view, done } = useChunkedTask(covariateShiftTask, [], near);
  const plain = view && medianDrift(view.rows, 'plain');
  const bn = view && medianDrift(view.rows, 'bn');
  return (
    <div ref={ref}>
      <p>
        Normalizing the input features of a network (mean 0, variance 1) makes learning faster. The notes&apos; idea is to do the
        same <em>inside</em> the network: the inputs of each layer are the outputs of the layer before, and their distribution
        keeps moving while the earlier weights learn. Ioffe and Szegedy called this <strong>internal covariate shift</strong>:
      </p>
      <ScrollEquation tex={String.raw`z^{[l]} = W^{[l]}\, a^{[l-1]}, \qquad a^{[l-1]} = f\!\left(W^{[l-1]} a^{[l-2]}\right)`} label="z of layer l depends on the weights of every earlier layer" />
      <p>
        Every update of W<sup>[l−1]</sup> changes the distribution of z<sup>[l]</sup>, so layer l chases a moving target. Here is
        that target, live: a network of {COVARIATE_PRESET.depth} sigmoid layers ({COVARIATE_PRESET.width} units each) learns the
        spiral with and without batch norm, from the same weights and batches. Plotted: the 15th, 50th and 85th percentiles of
        one unit&apos;s input to its sigmoid in layer {view?.layer || COVARIATE_PRESET.depth}, as in the paper&apos;s Figure 1.
      </p>
      <p className="progress" aria-live="polite" data-testid="shift-progress">
        {!view ? (near ? 'Starting the run…' : 'The run starts when you scroll here.') : done ? `Trained ${view.step} steps.` : `Training… step ${view.step} of ${view.total}.`}
      </p>
      {view && (
        <div className="chart-pair">
          <QuantileChart variant="plain" title="Without batch norm" rows={view.rows} total={view.total} />
          <QuantileChart variant="bn" title="With batch norm (before the sigmoid)" rows={view.rows} total={view.total} />
        </div>
      )}
      {view && plain && bn && (
        <p data-testid="shift-summary">
          Without BN the median moved from {fmt(plain.from, 3)} to {fmt(plain.to, 3)}: {fmt(plain.bands, 2)} times the width of its
          own 15–85 % band. With BN it went from {fmt(bn.from, 3)} to {fmt(bn.to, 3)}, {fmt(bn.bands, 2)} band widths: the
          distribution stays put, centred near β with a spread set by γ. Test accuracy after {view.step} steps:{' '}
          {percent(view.accuracy.plain)} without BN, {percent(view.accuracy.bn)} with.
        </p>
      )}
      <p className="orientation-note">
        Whether removing this drift is <em>why</em> batch norm helps is another question; section 14 shows the later evidence.
      </p>
    </div>
  );
}
