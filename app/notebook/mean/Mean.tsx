import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { DotPlot } from '../../ui/DotPlot';
import { EquationPair } from '../../ui/EquationPair';
import { appStore } from '../../state/store';
import { useBatchStatistics } from '../shared/useBatchSteps';
import { fmt, tex } from '../../ui/format';
import { sumTex } from '../shared/sumTex';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { BatchRefused } from '../shared/BatchRefused';

/** Section 3's equation and live panel (its presentation step): μ drawn on the points. */
export function MeanPanel() {
  const { z, steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { mean: mu, m } = steps;
  return (
    <>
      <EquationPair
        symbolic={String.raw`\mu = \frac{1}{m}\sum_{i=1}^{m} z_i`}
        numeric={`\\mu = \\frac{${sumTex(z)}}{${m}} = ${tex(mu, 4)}`}
        testId="mean-equation"
      />
      <div className="panel">
        <ChartFrame title="The mini-batch and its mean μ" data={() => sampleTable([{ key: 'z', label: 'z', values: z }, { key: 'mu', label: 'μ', values: z.map(() => mu) }])} config={batchSettings}>
          <DotPlot
            values={z}
            axis="z"
            mean={mu}
            label={`The mini-batch with its mean μ = ${fmt(mu, 4)} drawn as a line`}
            onMove={(i, v) => appStore.getState().setPoint(i, v)}
          />
        </ChartFrame>
        <p data-testid="mean-value">
          μ = <strong className="bn-live text-mean">{fmt(mu, 4)}</strong> over m = {m} samples.
        </p>
      </div>
    </>
  );
}

/** Section 3: μ, the mean over the mini-batch, drawn on the points. */
export function Mean() {
  const { steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { m } = steps;
  return (
    <>
      <p className="bn-prose">
        The first statistic batch norm needs is where the batch sits: the mean of the neuron&apos;s pre-activation over
        the mini-batch. Add the m values and divide by m. On the plot, μ is the balance point of the dots — drag one and
        the dashed line follows, by 1/m of the distance you moved it.
      </p>
      <MeanPanel />
      <Callout
        topic="m is the batch size"
        notes={<>m is &ldquo;the number of input neurons to the following layer&rdquo;.</>}
        correct={<>m is the mini-batch size: the mean runs over the examples of the batch, once for each neuron.</>}
      >
        <p className="evidence">
          Live: this layer has one neuron and the sum above has m = {m} terms, one per example. Change the batch size in
          section 2 and the number of terms changes; the number of neurons does not.
        </p>
      </Callout>
    </>
  );
}
