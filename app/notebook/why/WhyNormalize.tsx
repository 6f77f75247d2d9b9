import { ScrollEquation } from '../../ui/ScrollEquation';
import { COVARIATE_PRESET, emptyCovariateView } from './covariateShift';
import { Charts, DepthSlider, Drift, DriftCaveat, Seeds, progressText, useCovariateRun } from './WhyParts';
import '../shared/network.css';

/** z of layer l depends on the weights of every earlier layer. */
export const LAYER_TEX = String.raw`z^{[l]} = W^{[l]}\, a^{[l-1]}, \qquad a^{[l-1]} = f\!\left(W^{[l-1]} a^{[l-2]}\right)`;

/** Section 1: internal covariate shift, live: one unit's input distribution over training, with and without BN. */
export function WhyNormalize() {
  const { ref, near, depth, view, done } = useCovariateRun();
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
      <ScrollEquation tex={LAYER_TEX} label="z of layer l depends on the weights of every earlier layer" />
      <p>
        Every update of W<sup>[l−1]</sup> changes the distribution of z<sup>[l]</sup>, so layer l chases a moving target. Here is
        that target, live: a network of {depth} sigmoid layer{depth === 1 ? '' : 's'} ({COVARIATE_PRESET.width} units each) learns the
        spiral with and without batch norm, from the same weights and batches. Plotted: the 15th, 50th and 85th percentiles of
        one unit&apos;s input to its sigmoid in the last layer, as in the paper&apos;s Figure 1.
      </p>
      <div className="controls">
        <DepthSlider depth={depth} />
      </div>
      <p className="progress" aria-live="polite" data-testid="shift-progress">
        {progressText(view, near, done)}
      </p>
      {/* Drawn before the run starts too (empty frames): the page below does not move when its first rows arrive. */}
      <Charts view={view ?? emptyCovariateView(depth)} />
      {view && <Drift view={view} />}
      {view && <Seeds view={view} done={done} />}
      <DriftCaveat />
    </div>
  );
}
