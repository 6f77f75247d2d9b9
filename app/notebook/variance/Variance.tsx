import { summarize } from '../../../src/distribution';
import { Callout } from '../../ui/Callout';
import { ChartFrame } from '../../ui/ChartFrame';
import { DotPlot } from '../../ui/DotPlot';
import { EquationPair } from '../../ui/EquationPair';
import { Notice } from '../../ui/Notice';
import { Stats } from '../../ui/Stats';
import { appStore } from '../../state/store';
import { useBatchStatistics } from '../shared/useBatchSteps';
import { fmt, tex } from '../../ui/format';
import { batchSettings, sampleTable } from '../shared/batchExport';
import { squaredDeviationsTex } from '../shared/sumTex';
import { BatchRefused } from '../shared/BatchRefused';
import { OnePassVariance } from './OnePassVariance';

/** Section 5's equation and live panel (its first presentation step): the squared deviations drawn as squares. */
export function VariancePanel() {
  const { z, steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { mean: mu, variance, m } = steps;
  const sigma = summarize(z).std;
  return (
    <>
      <EquationPair
        symbolic={String.raw`\sigma^2 = \frac{1}{m}\sum_{i=1}^{m} (z_i - \mu)^2`}
        numeric={`\\sigma^2 = \\frac{${squaredDeviationsTex(z, mu)}}{${m}} = ${tex(variance, 4)}`}
        testId="variance-equation"
      />
      <div className="panel">
        <ChartFrame
          title="The squared deviations (z − μ)², whose average is σ²"
          data={() => sampleTable([{ key: 'z', label: 'z', values: z }, { key: 'centered', label: 'z − μ', values: steps.centered }, { key: 'sq', label: '(z − μ)²', values: steps.squaredDeviations }])}
          config={batchSettings}
        >
          <DotPlot
            values={z}
            axis="z"
            mean={mu}
            deviations={steps.centered}
            sigma={sigma}
            label={`The batch with each squared deviation drawn as a square; their average area is σ² = ${fmt(variance, 4)}`}
            onMove={(i, v) => appStore.getState().setPoint(i, v)}
          />
        </ChartFrame>
        <Stats
          items={[
            { label: 'σ² (divide by m)', value: fmt(variance, 4), tone: 'var', testId: 'variance-value' },
            { label: 'σ, the side of the dashed square', value: fmt(sigma, 4), tone: 'var', testId: 'sigma-value' },
            {
              label: `unbiased: divide by m − 1 = ${m - 1}`,
              value: fmt(steps.unbiasedVariance, 4),
              note: 'not used to normalize',
              testId: 'unbiased-value',
            },
          ]}
        />
      </div>
    </>
  );
}

/** Section 5: σ², the squared deviations drawn as squares; biased 1/m; why not E[z²] − μ². */
export function Variance() {
  const { steps, error } = useBatchStatistics();
  if (!steps) return <BatchRefused message={error ?? ''} />;
  const { m } = steps;
  return (
    <>
      <p className="bn-prose">
        Next, how spread out the batch is. Each sample&apos;s distance from μ, squared, is drawn as a square standing on the
        axis between the point and μ: its side is |zᵢ − μ|, its area (zᵢ − μ)². The variance σ² is the average area of these
        squares — the dashed square has exactly that area. Drag a far point further out and its square grows with the
        square of the distance: outliers weigh heavily.
      </p>
      <VariancePanel />
      <Notice title="Why 1/m and not 1/(m − 1)?">
        <p>
          Batch norm does not estimate the variance of some larger population here: it rescales <em>this</em> batch, by the
          batch&apos;s own spread. Dividing by m is what makes the normalized batch come out with variance exactly σ²/(σ² + ε) ≈ 1.
          The unbiased m/(m − 1) version appears only in the running variance kept for inference (section 15), as in PyTorch.
        </p>
      </Notice>
      <Callout
        topic="m in σ²"
        notes={<>again, at σ², that m is &ldquo;the number of input neurons to the following layer&rdquo;.</>}
        correct={<>m is the batch size here too: σ² averages over the m examples of the batch, separately for each neuron.</>}
      >
        <p className="evidence">
          Live: the fraction above divides the sum of m = {m} squares — one per example — by {m}; this layer has a single neuron.
        </p>
      </Callout>
      <h3 className="bn-subhead">Why not the shortcut σ² = E[z²] − μ²?</h3>
      <OnePassVariance />
    </>
  );
}
