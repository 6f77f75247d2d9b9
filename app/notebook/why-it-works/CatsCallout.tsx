import { sampleMiniBatch } from '../../../src/minibatch';
import { outputMean } from '../../../src/runningStats';
import { Callout } from '../../ui/Callout';
import { fmt } from '../../ui/format';
import { fixed } from '../pass/notesMatrices';
import { shiftShowsInEval } from '../inference/trainEvalView';
import { useAppState } from '../../state/store';
import { useRunningTrace, useTrainedLayer } from '../inference/useRunningTrace';

/** A test batch from a shifted distribution ("coloured cats"): how far its mean moves. */
export const CAT_SHIFT = 3;

/** The notes' black-cats story, corrected, with eval-mode BN on a shifted batch as evidence. */
export function CatsCallout() {
  const seed = useAppState((s) => s.seed);
  const m = useAppState((s) => s.m);
  const shift = useAppState((s) => s.shift);
  const scale = useAppState((s) => s.scale);
  const bn = useTrainedLayer(useRunningTrace());
  const shifted = sampleMiniBatch(seed + 31, m, shift + CAT_SHIFT, scale);
  const evalMean = outputMean(bn, shifted, 'eval');
  const trainMean = outputMean(bn, shifted, 'train');
  const momentum = useAppState((s) => s.momentum);
  const through = shiftShowsInEval(evalMean, bn);
  return (
    <Callout
      topic="black and coloured cats"
      notes={<>train on black cats with BN, normalize the input of coloured cats at test time, and the model recognizes them too, so BN reduces the need for data.</>}
      correct={
        <>
          that story is <em>covariate shift</em> — the input distribution P(x) changing between training and test data — and
          normalizing the input data, a different thing from BN. BN normalizes hidden layers with each training batch&apos;s
          statistics and, at test time, with fixed running averages from training (section 15), so it does not fix a train → test
          shift, and nothing recovers features the training data never showed (colour). Re-estimating BN&apos;s statistics on the
          new data (AdaBN, Li et al. 2016) is a separate technique for such a train → test shift.
        </>
      }
    >
      <p className="callout-note" data-testid="cats-evidence">
        Evidence: the BN layer of section 15, trained on the neuron&apos;s usual distribution, meets a test batch shifted by +
        {CAT_SHIFT}. In eval mode (what inference uses) its output has mean <strong className="num">{fmt(evalMean, 3)}</strong>
        {through ? (
          <>, not β = {fmt(bn.beta[0], 3)}: the shift goes straight through.</>
        ) : (
          <>
            , close to β = {fmt(bn.beta[0], 3)} here only because the running statistics (m = {m}, momentum {fmt(momentum, 2)}) happen
            to sit near this test batch&apos;s. Eval mode never looks at the test batch, so in general the shift goes straight through.
          </>
        )}{' '}
        Only train mode, with the test batch&apos;s own statistics,
        would re-centre it (mean {Number.isFinite(trainMean) ? fixed(trainMean, 3) : 'with no value here: σ² = 0 and ε = 0 make it 0/0'}).
      </p>
    </Callout>
  );
}
