import { batchStatistics, column } from '../../src';
import { Equation } from '../components/Equation';
import { Callout } from '../components/Callout';
import { useMiniBatch } from '../state/useMiniBatch';
import { tex } from '../lib/format';
import { sumTex } from '../lib/sumTex';

/** Section 3: μ, the mean over the mini-batch. */
export function Mean() {
  const z = useMiniBatch();
  const { mean } = batchStatistics(column(z));
  const mu = mean[0];
  return (
    <>
      <p>
        The first statistic batch norm needs is the mean of the neuron&apos;s pre-activation over the mini-batch: add
        the m values and divide by m.
      </p>
      <Equation tex={String.raw`\mu = \frac{1}{m}\sum_{i=1}^{m} z_i`} />
      <Equation
        tex={`\\mu = \\frac{${sumTex(z)}}{${z.length}} = ${tex(mu, 4)}`}
        label={`mu equals ${mu}`}
      />
      <p data-testid="mean-value">
        μ = <strong>{tex(mu, 4)}</strong> over m = {z.length} samples.
      </p>
      <Callout
        notes={<>m is &ldquo;the number of input neurons to the following layer&rdquo;.</>}
        correct={<>m is the mini-batch size: the mean runs over samples, once per neuron.</>}
      />
    </>
  );
}
